import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE, materializeCase } from '../helpers/hostile';
import { FIXTURES, PROJECT_ROOT } from '../helpers/paths';

// `npm run check` as a reader runs it: its own process, its output and its exit code. Each
// run starts tsx and loads the pipeline (about 5 s), so these live with the build tests.

const EDITOR_MISSED = path.join(FIXTURES, 'editor-missed/content');
const ARTICLE = 'articles/harbour-dredging.mdx';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'check-command-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A copy of the editor-missed fixture whose article has `edit` applied, for one variation. */
function variant(name: string, edit: (source: string) => string): string {
  const contentDir = path.join(work, name);
  fs.cpSync(EDITOR_MISSED, contentDir, { recursive: true });
  const file = path.join(contentDir, ARTICLE);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return contentDir;
}

/**
 * Runs the command `npm run check` runs, against a content folder. Asynchronous, so the test
 * worker keeps answering the runner while the check runs.
 */
function runCheck(contentDir: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts', ...args],
    {
      cwd: PROJECT_ROOT,
      // As of a day before the seed's pending claims fall due, so it has no warning.
      env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2025-10-31' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: `${stdout}${stderr}` }));
  });
}

describe('npm run check', { timeout: 60_000 }, () => {
  it('passes on the published content with a short summary', async () => {
    const { code, output } = await runCheck(path.join(PROJECT_ROOT, 'content'));
    expect(output).toMatch(/^✓ Content is valid: 1 article, 6 people, 8 claims, 28 annotations \(\d+\.\d s\)\n$/);
    expect(code).toBe(0);
  });

  it('lists every problem of every file at once, as file:line:column with a hint, and exits 1', async () => {
    // Three broken files at once: an article, a person and a claim.
    const contentDir = materializeCase('unknown-person', work);
    for (const other of ['malformed-yaml-person', 'wrong-status']) {
      fs.cpSync(path.join(HOSTILE, other, 'content'), contentDir, { recursive: true });
    }
    const { code, output } = await runCheck(contentDir);
    expect(code).toBe(1);
    const shown = (rel: string) => path.join(contentDir, rel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(output).toMatch(
      new RegExp(
        `${shown('articles/case.mdx')}:7:16: Unknown person \`nora-vence\`.* \\[unknown-person\\]\n  hint: did you mean \`nora-vance\`\\?`,
      ),
    );
    expect(output).toMatch(new RegExp(`${shown('people/ida-lund.yaml')}:2:7: invalid YAML.* \\[invalid-yaml\\]\n`));
    expect(output).toMatch(
      new RegExp(
        `${shown('claims/dredging-done.yaml')}:5:9: field \`status\`: \`maybe\` is not allowed \\[not-allowed-value\\]\n  hint: use one of`,
      ),
    );
    expect(output).toMatch(
      /✗ 6 content problems \(checked 2 articles, 3 people, 3 claims, \d+ annotations in \d+\.\d s\)\n$/,
    );
  });

  it('reports an MDX syntax error with its line and column and keeps checking other files', async () => {
    const contentDir = materializeCase('unclosed-jsx', work);
    fs.cpSync(path.join(HOSTILE, 'unknown-claimant', 'content'), contentDir, { recursive: true });
    const { code, output } = await runCheck(contentDir);
    expect(code).toBe(1);
    expect(output).toMatch(
      /articles\/case\.mdx:7:1: MDX syntax error: Expected a closing tag for `<abbr>`.* \[mdx-syntax\]\n/,
    );
    expect(output).toContain(
      'claims/dredging-done.yaml:2:11: field `claimant`: unknown person `nora-vanse` [unknown-claimant]',
    );
  });
});

describe('npm run check with warnings', { timeout: 60_000 }, () => {
  it('prints them after the problems and exits 0', async () => {
    const { code, output } = await runCheck(EDITOR_MISSED);
    expect(code).toBe(0);
    expect(output).toContain(': warning: Unexpected mention of `Ines Okafor`');
    expect(output).toMatch(/⚠ Content is valid with 6 warnings: 1 article, 3 people, 4 claims, 5 annotations/);
  });

  it('exits 1 on warnings with --strict', async () => {
    const { code, output } = await runCheck(EDITOR_MISSED, '--strict');
    expect(code).toBe(1);
    expect(output).toMatch(/✗ Content is valid with 6 warnings, which fail with --strict/);
  });

  it('counts problems and warnings together in the summary, and exits 1 on problems', async () => {
    const broken = variant('broken', (source) => source.replace('{#nora-vance}', '{#nora-vence}'));
    const { code, output } = await runCheck(broken);
    expect(code).toBe(1);
    expect(output).toMatch(/✗ 1 content problem, \d+ warnings? \(checked/);
    expect(output.indexOf('[unknown-person]')).toBeLessThan(output.indexOf(': warning: '));
  });

  it('exits 0 with --strict on content without warnings', async () => {
    expect((await runCheck(path.join(PROJECT_ROOT, 'content'), '--strict')).code).toBe(0);
  });
});
