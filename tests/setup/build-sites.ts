import path from 'node:path';
import { buildSite } from '../helpers/build-site';
import { FIXTURES } from '../helpers/paths';

/**
 * The sites that build and browser tests read, built once per `npm test` with the real
 * build: the published content at `/` and under `/news/`, and a second, independent site
 * written in the documented syntax by someone else, and three short articles that share
 * people, a claim and topics (related stories).
 */
export const TEST_SITES = [
  { name: 'seed' },
  { name: 'seed-news', basePath: '/news/', siteUrl: 'https://news.example.org' },
  { name: 'second', contentDir: path.join(FIXTURES, 'second-site/content') },
  { name: 'related', contentDir: path.join(FIXTURES, 'related-site/content') },
];

export default async function setup() {
  for (const site of TEST_SITES) {
    const result = await buildSite(site);
    if (result.code !== 0) {
      throw new Error(`Building the "${site.name}" test site failed:\n${result.output}`);
    }
  }
}
