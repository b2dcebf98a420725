import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { formatProblem } from '../../src/content/problems';
import { HOSTILE, hostileCases, materializeCase } from '../helpers/hostile';
import { PROJECT_ROOT } from '../helpers/paths';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-check-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const cases = hostileCases();

describe('the hostile-content corpus', () => {
  it('has at least 20 cases and a valid base', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(checkContent(path.join(HOSTILE, 'base/content')).problems).toEqual([]);
  });
});

describe('`npm run check` core reports each bad input with its place and what to do', { timeout: 20_000 }, () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const contentDir = materializeCase(testCase.name, work);
      const { problems } = checkContent(contentDir);
      const found = problems.map((problem) => ({ ...problem, file: path.relative(contentDir, problem.file) }));
      expect(found.length).toBeGreaterThan(0);
      for (const expected of testCase.expected) {
        expect(found).toContainEqual(expect.objectContaining({ file: expected.file, line: expected.line, column: expected.column, message: expect.stringContaining(expected.message) }));
      }
      for (const problem of found) {
        expect(problem.line, formatProblem(problem)).toBeGreaterThan(0);
        expect(problem.hint, formatProblem(problem)).toBeTruthy();
        // Messages stay readable whatever the input: no 1 MB echo, no invisible characters.
        expect(formatProblem(problem).length).toBeLessThan(1_500);
        expect(formatProblem(problem)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      }
    });
  }
});

/** Runs the command `npm run check` runs, against a content folder. */
function runCheck(contentDir: string) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run check', { timeout: 30_000 }, () => {
  it('passes on the published content with a short summary', () => {
    const { code, output } = runCheck(path.join(PROJECT_ROOT, 'content'));
    expect(output).toMatch(/^✓ Content is valid: 1 article, 6 people, 8 claims, 28 annotations \(\d+\.\d s\)\n$/);
    expect(code).toBe(0);
  });

  it('lists every problem of every file at once, as file:line:column with a hint, and exits 1', () => {
    // Three broken files at once: an article, a person and a claim.
    const contentDir = materializeCase('unknown-person', work);
    for (const other of ['malformed-yaml-person', 'wrong-status']) {
      fs.cpSync(path.join(HOSTILE, other, 'content'), contentDir, { recursive: true });
    }
    const { code, output } = runCheck(contentDir);
    expect(code).toBe(1);
    const shown = (rel: string) => path.join(contentDir, rel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(output).toMatch(new RegExp(`${shown('articles/case.mdx')}:7:16: Unknown person \`nora-vence\`.*\n  hint: did you mean \`nora-vance\`\\?`));
    expect(output).toMatch(new RegExp(`${shown('people/ida-lund.yaml')}:2:7: invalid YAML`));
    expect(output).toMatch(new RegExp(`${shown('claims/dredging-done.yaml')}:5:9: field \`status\`: \`maybe\` is not allowed\n  hint: use one of`));
    expect(output).toMatch(/✗ 6 content problems \(checked 2 articles, 3 people, 3 claims, \d+ annotations in \d+\.\d s\)\n$/);
  });

  it('reports an MDX syntax error with its line and column and keeps checking other files', () => {
    const contentDir = materializeCase('unclosed-jsx', work);
    fs.cpSync(path.join(HOSTILE, 'unknown-claimant', 'content'), contentDir, { recursive: true });
    const { code, output } = runCheck(contentDir);
    expect(code).toBe(1);
    expect(output).toContain('articles/case.mdx:7:1: MDX syntax error: Expected a closing tag for `<abbr>`');
    expect(output).toContain('claims/dredging-done.yaml:2:11: field `claimant`: unknown person `nora-vanse`');
  });
});
