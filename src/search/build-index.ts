import path from 'node:path';
import * as pagefind from 'pagefind';
import { readPublishedSite } from './published-article';
import { SearchRecords, type SearchRecord } from './records';

interface BuildIndexOptions {
  /** The built site (Astro's output folder). */
  outDir: string;
  /**
   * The annotation pipeline's output for this build (`siteConfig().renderedDir`): the text
   * and annotation records of every article, and the site's manifest for titles, names and statements.
   */
  renderedDir: string;
  /** Called every {@link PROGRESS_EVERY} articles. */
  onProgress?: (indexed: number, total: number) => void;
}

interface IndexSummary {
  /** Article records: one per published article. */
  articles: number;
  /** Every record: the articles, one per person, and the records of claims no article states. */
  records: number;
  /** Where the bundle was written: `<outDir>/pagefind`. */
  bundleDir: string;
}

/** Records sent to Pagefind at once: enough to keep it busy, few enough to keep memory flat. */
const RECORD_BATCH = 64;
const PROGRESS_EVERY = 1000;

/** Pagefind reports problems in `errors` instead of throwing; make them stop the build. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n${response.errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return response;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Adds records in parallel (Pagefind answers in any order) and fails on the first error. */
async function addRecords(index: PagefindIndex, records: readonly SearchRecord[]): Promise<void> {
  const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  responses.forEach((response, at) => check(`add the record for ${records[at]!.url}`, response));
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<outDir>/pagefind/`:
 * one custom record per article (its text, with its quotes, figures and stated claims as
 * passages in its meta), one per person and one per `CLAIMS_PER_RECORD` claims no article
 * states. The record count grows with the articles, not their annotations: Pagefind's
 * metadata, which the first search downloads whole, grows with every record. Pages are not
 * read from disk (`addDirectory`): an article is indexed once, from its record.
 */
export async function buildSearchIndex({ outDir, renderedDir, onProgress }: BuildIndexOptions): Promise<IndexSummary> {
  const site = readPublishedSite({ outDir, renderedDir });
  const records = new SearchRecords(site.manifest);
  const bundleDir = path.join(outDir, 'pagefind');
  try {
    const { index } = check('start', await pagefind.createIndex());
    if (!index) throw new Error('Pagefind failed to start: no index was created');
    let batch: SearchRecord[] = [];
    let indexed = 0;
    for (const article of site.articles()) {
      batch.push(records.article(article));
      indexed++;
      if (batch.length === RECORD_BATCH || indexed === site.count) {
        await addRecords(index, batch);
        batch = [];
      }
      if (indexed % PROGRESS_EVERY === 0) onProgress?.(indexed, site.count);
    }
    const rest = records.remaining();
    for (let start = 0; start < rest.length; start += RECORD_BATCH) {
      await addRecords(index, rest.slice(start, start + RECORD_BATCH));
    }
    check('write its files', await index.writeFiles({ outputPath: bundleDir }));
    return { articles: site.count, records: site.count + rest.length, bundleDir };
  } finally {
    await pagefind.close();
  }
}
