import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, readSeed, type Corpus } from '../../bench/corpus';
import { PAGE_SIZES } from '../../src/lib/pagination';
import { expectAccessible } from '../helpers/axe';
import { buildSite, type BuildResult } from '../helpers/build-site';
import { attr, listPages, pageFile, readPage, select, selectAll, toText } from '../helpers/html';
import { PROJECT_ROOT, SITES_DIR } from '../helpers/paths';
import { serveSite } from '../helpers/served-site';
import { describeMessage, validateHtml } from '../helpers/vnu';

/**
 * An archive large enough for every list to run over several pages: 200 articles made from
 * the seed (1,400 quotes, 1,600 claims, 60 people), built with the real build.
 */
const ARTICLES = 200;
/** Every list page stays readable on a phone; no page at all reaches 1 MB. */
const LIST_PAGE_LIMIT = 150 * 1024;
const PAGE_LIMIT = 1024 * 1024;

let corpus: Corpus;
let build: BuildResult;
let dist: string;
let pages: string[];

beforeAll(async () => {
  corpus = generateCorpus(
    readSeed(path.join(PROJECT_ROOT, 'content')),
    ARTICLES,
    path.join(SITES_DIR, 'lists-content'),
  );
  build = await buildSite({ name: 'lists', contentDir: corpus.annotatedDir });
  dist = build.outDir;
  pages = build.code === 0 ? listPages(dist) : [];
  console.info(`${ARTICLES}-article archive: real build in ${(build.ms / 1000).toFixed(0)} s, ${pages.length} pages`);
}, 900_000);

// Registered after the build, so it serves the built archive.
const served = serveSite('lists');

/** Pages in the middle of each list: a continued group, both previous and next links. */
const MIDDLE_PAGES = ['/archive/2/', '/quotes/2/', '/claims/2/', '/topics/trade/2/', '/people/2/'];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const isArticle = (page: string) => page.startsWith('/articles/');

/** Follows "next" from a list's first page; checks the pages say where they are and name their page in the title. */
function followPages(first: string): string[] {
  const visited = [first];
  for (;;) {
    const current = visited[visited.length - 1]!;
    const tree = readPage(dist, current);
    const nav = select('nav.pagination', tree);
    if (!nav) return visited;
    const number = visited.length;
    expect(squash(toText(select('.pagination__status', nav)!)), current).toMatch(
      new RegExp(`^Page ${number} of \\d+$`),
    );
    expect(attr(select('a[aria-current="page"]', nav)!, 'href')).toBe(current);
    if (number > 1) {
      expect(toText(select('title', tree)!), current).toContain(`, page ${number}`);
      expect(attr(select('link[rel="canonical"]', tree)!, 'href')).toBe(`http://localhost:4321${current}`);
    }
    const next = select('a[rel="next"]', nav);
    if (!next) {
      expect(squash(toText(select('.pagination__status', nav)!))).toBe(`Page ${number} of ${number}`);
      return visited;
    }
    const href = attr(next, 'href')!;
    expect(href).toBe(`${first}${number + 1}/`);
    visited.push(href);
  }
}

/** The pages a paginated list has in the build: its first page and `<first>/<n>/`. */
const builtPages = (first: string) => pages.filter((p) => p === first || new RegExp(`^${first}\\d+/$`).test(p));

describe(`an archive of ${ARTICLES} articles`, () => {
  it('builds', () => {
    expect(build.code, build.output.slice(-3_000)).toBe(0);
  });

  it('has no list page over 150 KB and no page over 1 MB', () => {
    const sizes = pages.map((page) => ({ page, size: fs.statSync(pageFile(dist, page)).size }));
    expect(sizes.filter(({ page, size }) => !isArticle(page) && size > LIST_PAGE_LIMIT)).toEqual([]);
    expect(sizes.filter(({ size }) => size > PAGE_LIMIT)).toEqual([]);
  });

  it('links each page of every list to the next, up to the last', () => {
    const firsts = ['/archive/', '/quotes/', '/claims/', '/topics/trade/', '/corrections/', '/people/'];
    const people = pages.filter((p) => /^\/people\/[^/]+\/$/.test(p));
    for (const first of [...firsts, ...people]) {
      const visited = followPages(first);
      expect([...visited].sort(), first).toEqual(builtPages(first).sort());
    }
    for (const first of ['/archive/', '/quotes/', '/claims/', '/topics/trade/']) {
      expect(builtPages(first).length, first).toBeGreaterThan(1);
    }
    expect(people.filter((first) => builtPages(first).length > 1).length).toBeGreaterThan(0);
  });

  it('lists every article on exactly one page of the archive and of each topic, newest first', () => {
    const listed = (first: string) =>
      builtPages(first).flatMap((page) =>
        selectAll('.article-list__title a', readPage(dist, page)).map((a) => attr(a, 'href')),
      );
    const expected = corpus.articles.map(({ slug }) => `/articles/${slug}/`);
    expect(listed('/archive/')).toEqual(expected);
    expect(listed('/topics/trade/')).toEqual(expected);
  });

  it('lists every quote on exactly one page of /quotes/, grouped by speaker', () => {
    const cited = builtPages('/quotes/').flatMap((page) =>
      selectAll('.quote-list blockquote', readPage(dist, page)).map((q) => attr(q, 'cite')),
    );
    const expected = corpus.articles.flatMap(({ slug, quotes }) =>
      quotes.map((_, index) => `/articles/${slug}/#q${slug.slice(-5)}-${index + 1}`),
    );
    expect(cited).toHaveLength(expected.length);
    expect([...cited].sort()).toEqual([...expected].sort());
  });

  it('lists every claim on exactly one page of /claims/, and each person’s claims across their pages', () => {
    const claims = (first: string, selector: string) =>
      builtPages(first).flatMap((page) =>
        selectAll(selector, readPage(dist, page)).map((a) => attr(a, 'href')!.split('/')[2]!),
      );
    const all = claims('/claims/', '.claim-summary__title a');
    expect(all).toHaveLength(corpus.claims);
    expect(new Set(all).size).toBe(corpus.claims);
    const onPersonPages = pages
      .filter((p) => /^\/people\/[^/]+\/$/.test(p))
      .flatMap((first) => claims(first, '#claims-title ~ .claim-list .claim-summary__title a'));
    expect([...onPersonPages].sort()).toEqual([...all].sort());
  });

  it('keeps the front page to the lead and the latest articles, with a link to the archive', () => {
    const home = readPage(dist, '/');
    expect(selectAll('.front-more .article-list__item', home)).toHaveLength(PAGE_SIZES.frontPage);
    expect(attr(select('.list-more a', home)!, 'href')).toBe('/archive/');
  });

  it('lists every page in the sitemap, but the offline page and the claim cards made for embedding', () => {
    const sitemap = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const located = new Set([...sitemap.matchAll(/<loc>http:\/\/localhost:4321([^<]*)<\/loc>/g)].map((m) => m[1]));
    // The offline page is for readers without a connection, and an embed card for other sites'
    // frames (its claim's page is listed): neither is for search engines.
    const unlisted = (page: string) =>
      ['/404.html', '/offline/'].includes(page) || /^\/claims\/[^/]+\/embed\/$/.test(page);
    expect(pages.filter((page) => !unlisted(page) && !located.has(page))).toEqual([]);
    expect(pages.filter((page) => unlisted(page) && located.has(page))).toEqual([]);
  });

  it('has valid HTML on the middle pages of each list', async () => {
    const person = pages.find((p) => /^\/people\/[^/]+\/2\/$/.test(p))!;
    const files = [...MIDDLE_PAGES, person].map((page) => pageFile(dist, page));
    const messages = (await validateHtml(files)).filter((m) => m.type !== 'info');
    expect(messages.map((m) => describeMessage(m, dist))).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('passes axe on a middle page of quotes and claims, %s', async (colorScheme) => {
    for (const page of ['/quotes/2/', '/claims/2/']) {
      const tab = await served.open(page.slice(1), { colorScheme });
      await expectAccessible(tab);
      await tab.context().close();
    }
  });
});
