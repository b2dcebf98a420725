import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadRegistry } from '../content/registry';
import { siteUrls } from '../lib/urls';
import { readPublishedArticle, type PublishedArticle } from './published-article';
import { searchRecords } from './records';

export interface BuildIndexOptions {
  /** The built site (Astro's output folder). */
  outDir: string;
  /** Folder with people/ and claims/, for names and statements. */
  contentDir: string;
}

export interface IndexSummary {
  /** HTML files Pagefind read; it indexes only those marked `data-pagefind-body`. */
  pages: number;
  /** Article pages, the pages marked `data-pagefind-body`. */
  articles: number;
  records: number;
  /** Where the bundle was written: `<outDir>/pagefind`. */
  bundleDir: string;
}

/** Site paths from the root, without the base path: that is how Pagefind wants record URLs. */
const rootUrls = siteUrls('/');

/** Every built article page, read through its markup hooks. */
export function readPublishedArticles(outDir: string): PublishedArticle[] {
  const articlesDir = path.join(outDir, 'articles');
  if (!fs.existsSync(articlesDir)) return [];
  const articles: PublishedArticle[] = [];
  for (const slug of fs.readdirSync(articlesDir).sort()) {
    const file = path.join(articlesDir, slug, 'index.html');
    if (!fs.existsSync(file)) continue;
    const article = readPublishedArticle(fs.readFileSync(file, 'utf8'), rootUrls.article(slug));
    if (article) articles.push(article);
  }
  return articles;
}

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
export async function buildSearchIndex({ outDir, contentDir }: BuildIndexOptions): Promise<IndexSummary> {
  const articles = readPublishedArticles(outDir);
  const records = searchRecords(articles, loadRegistry(contentDir));
  const bundleDir = path.join(outDir, 'pagefind');
  try {
    const { index } = check('start', await pagefind.createIndex());
    if (!index) throw new Error('Pagefind failed to start: no index was created');
    const { page_count } = check('index the built pages', await index.addDirectory({ path: outDir }));
    for (const record of records) check(`add the record for ${record.url}`, await index.addCustomRecord(record));
    check('write its files', await index.writeFiles({ outputPath: bundleDir }));
    return { pages: page_count, articles: articles.length, records: records.length, bundleDir };
  } finally {
    await pagefind.close();
  }
}
