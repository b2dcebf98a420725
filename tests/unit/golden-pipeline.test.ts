import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../helpers/annotate';
import { formatGoldenHtml, unformatGoldenHtml } from '../helpers/golden-format';
import { FIXTURES } from '../helpers/paths';

/**
 * Golden output of the article pipeline's success path: each folder of tests/fixtures/golden
 * holds an `input.mdx` and the exact `output.html` (formatted by `formatGoldenHtml`) and
 * `annotations.json` it must produce. `npx vitest run -u` rewrites them; a new case is a new folder.
 */
const GOLDEN = path.join(FIXTURES, 'golden');

const cases = fs
  .readdirSync(GOLDEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A case's own people and claims (`<case>/content/`), else the shared pipeline fixtures. */
function contentDirOf(folder: string): { contentDir?: string } {
  const own = path.join(folder, 'content');
  return fs.existsSync(own) ? { contentDir: own } : {};
}

describe('golden output of the article pipeline', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const folder = path.join(GOLDEN, name);
      const mdx = fs.readFileSync(path.join(folder, 'input.mdx'), 'utf8');
      const { html, annotations } = await annotate(mdx, contentDirOf(folder));

      const formatted = formatGoldenHtml(html);
      // The formatting only adds line breaks it can take out again, so any byte change shows.
      expect(unformatGoldenHtml(formatted)).toBe(html);
      await expect(formatted).toMatchFileSnapshot(path.join(folder, 'output.html'));
      await expect(`${JSON.stringify(annotations, null, 2)}\n`).toMatchFileSnapshot(
        path.join(folder, 'annotations.json'),
      );
    });
  }
});
