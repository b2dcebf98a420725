import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { buildSite, type BuildResult } from '../helpers/build-site';
import { attr, readPage, selectAll } from '../helpers/html';
import { writeLargeArticle } from '../helpers/large-article';
import { SITES_DIR } from '../helpers/paths';

/** A 2 MB article (the seed ~490 times, one part in ten annotated: ~1,400 annotations) builds and checks. */
const root = path.join(SITES_DIR, 'large-article-content');
let article: ReturnType<typeof writeLargeArticle>;
let build: BuildResult;

beforeAll(async () => {
  article = writeLargeArticle(root);
  build = await buildSite({ name: 'large-article', contentDir: article.contentDir });
  console.info(`2 MB article: real build in ${(build.ms / 1000).toFixed(0)} s`);
}, 600_000);

describe('a 2 MB article', () => {
  it('is at least 2 MB', () => {
    expect(fs.statSync(path.join(article.contentDir, `articles/${article.slug}.mdx`)).size).toBeGreaterThanOrEqual(
      2 * 2 ** 20,
    );
  });

  it('builds, with every annotation and a unique id for each', () => {
    expect(build.code, build.output.slice(-3_000)).toBe(0);
    const tree = readPage(build.outDir, `/articles/${article.slug}/`);
    expect(selectAll('[data-annotation]', tree)).toHaveLength(28 * article.annotatedRepeats);
    const ids = selectAll('[id]', tree).map((element) => attr(element, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('passes `npm run check`', { timeout: 300_000 }, () => {
    const started = performance.now();
    const { problems, counts } = checkContent(article.contentDir);
    console.info(`2 MB article: npm run check core in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
    expect(counts.annotations).toBe(28 * article.annotatedRepeats);
  });
});
