import path from 'node:path';
import * as pagefind from 'pagefind';
import { readPublishedSite } from './published-article';
import { searchRecords } from './records';

export interface BuildIndexOptions {
  /** The built site (Astro's output folder). */
  outDir: string;
  /**
   * The annotation pipeline's output for this build (`siteConfig().renderedDir`): the
   * annotation records of every article, and the site's manifest for titles, names and statements.
   */
  renderedDir: string;
}

export interface IndexSummary {
  /** Article pages Pagefind read and indexed (those marked `data-pagefind-body`). */
  pages: number;
  /** Article pages, the pages marked `data-pagefind-body`. */
  articles: number;
  records: number;
  /** Where the bundle was written: `<outDir>/pagefind`. */
  bundleDir: string;
}

const RECORD_BATCH = 256;
const ARTICLE_PAGES = 'articles/*/index.html';

/** Pagefind reports problems in `errors` instead of throwing; make them stop the build. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n${response.errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return response;
}

/**
 * Indexes the built site with Pagefind's Node API: every page marked `data-pagefind-body`
 * (the articles), plus one custom record per quote, claim, figure and person (see
 * {@link searchRecords}), and writes the bundle to `<outDir>/pagefind/`. Claim and person
 * cards are found through their records: indexing their pages as well would list each claim
 * and person twice, and every indexed page or record adds to the metadata and `type` filter
 * that the first search downloads whole.
 */
export async function buildSearchIndex({ outDir, renderedDir }: BuildIndexOptions): Promise<IndexSummary> {
  const { articles, manifest } = readPublishedSite({ outDir, renderedDir });
  const records = searchRecords(articles, manifest);
  const bundleDir = path.join(outDir, 'pagefind');
  try {
    const { index } = check('start', await pagefind.createIndex());
    if (!index) throw new Error('Pagefind failed to start: no index was created');
    // Only article pages carry `data-pagefind-body`; Pagefind need not read the card pages to skip them.
    const { page_count } = check(
      'index the built pages',
      await index.addDirectory({ path: outDir, glob: ARTICLE_PAGES }),
    );
    // Pagefind answers requests in any order: sending a batch at a time instead of one by one
    // keeps its indexer busy rather than waiting on a round trip per record.
    for (let start = 0; start < records.length; start += RECORD_BATCH) {
      const batch = records.slice(start, start + RECORD_BATCH);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, at) => check(`add the record for ${batch[at]!.url}`, response));
    }
    check('write its files', await index.writeFiles({ outputPath: bundleDir }));
    return { pages: page_count, articles: articles.length, records: records.length, bundleDir };
  } finally {
    await pagefind.close();
  }
}
