import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { claimSchema } from '../../src/content/schemas';
import { HOSTILE } from '../helpers/hostile';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-status-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const claim = { statement: 'Dredging is done.', claimant: 'nora-vance', date: '2026-05-04', source: 'Press release' };

/** The valid hostile base site with one claim's status line written as given. */
function baseWithStatus(statusLine: string): string {
  const contentDir = fs.mkdtempSync(path.join(work, 'site-'));
  fs.cpSync(path.join(HOSTILE, 'base/content'), contentDir, { recursive: true });
  const file = path.join(contentDir, 'claims/channel-reopens-by-autumn.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: .*$/m, statusLine));
  return contentDir;
}

describe('a claim’s status', () => {
  it('reads YAML’s boolean `false` (an unquoted `status: false`) as the status `false`', () => {
    expect(claimSchema.parse({ ...claim, status: false }).status).toBe('false');
    expect(claimSchema.parse({ ...claim, status: 'false' }).status).toBe('false');
  });

  it('refuses the boolean `true` with one message that says to quote a status', () => {
    const result = claimSchema.safeParse({ ...claim, status: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['status'],
        message: expect.stringMatching(
          /^`true` is not a status: write one of the statuses in quotes, `"stated"`, .*`"false"`$/,
        ),
      }),
    ]);
  });

  it('a site whose claim says `status: false` unquoted checks with no problem', () => {
    for (const line of ['status: false', 'status: False', 'status: "false"']) {
      const { problems, registry } = checkContent(baseWithStatus(line));
      expect(problems, line).toEqual([]);
      expect(registry.claims.get('channel-reopens-by-autumn')?.data.status, line).toBe('false');
    }
  });

  it('`status: true` is reported at its value with a hint and the rule id', () => {
    const { problems } = checkContent(baseWithStatus('status: true'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 5,
        column: 9,
        field: 'status',
        rule: 'boolean-status',
        message: expect.stringContaining('`true` is not a status'),
        hint: expect.stringContaining('quote the status'),
      }),
    );
  });
});
