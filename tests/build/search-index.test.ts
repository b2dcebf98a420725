import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, select, selectAll, toText } from '../helpers/html';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { searchWrittenIndex } from '../helpers/pagefind-node';
import { passagesOf, readPrecacheManifest, readWrittenRecords, type WrittenRecord } from '../helpers/pagefind-output';
import { recordHits } from '../../src/search/client/passage-hits';
import { pagefindFilters } from '../../src/search/client/search-state';

const ARTICLE = '/articles/us-china-trade-framework/';
const TITLE = 'Bessent says U.S. and China reached a framework to avert 100 percent tariffs';
const kindOf = (record: WrittenRecord) => record.meta.record;

describe('the search index of the published site', () => {
  const records = readWrittenRecords(siteDir('seed'));
  const article = readPage(siteDir('seed'), ARTICLE);
  const inArticle = (kind: string) => selectAll(`.article__body [data-annotation="${kind}"]`, article);
  const articleRecord = () => records.find((r) => r.url === ARTICLE)!;

  it('indexes each article once, as one record, and no other page', () => {
    const articles = listPages(siteDir('seed')).filter(
      (page) => page.startsWith('/articles/') && page !== '/articles/',
    );
    expect(records.filter((r) => kindOf(r) === 'article').map((r) => r.url)).toEqual(articles.sort());
    const urls = records.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    // Pages are not read from disk: the article's record is its only entry.
    expect(urls.filter((url) => url.startsWith(ARTICLE))).toEqual([ARTICLE]);
    for (const listing of ['/', '/quotes/', '/search/', '/404.html']) expect(urls).not.toContain(listing);
  });

  it('lists every quote and figure of the article and each claim it states as a passage, in reading order', () => {
    const passages = passagesOf(articleRecord());
    for (const kind of ['quote', 'figure']) {
      const ids = inArticle(kind).map((el) => attr(el, 'id'));
      expect(
        passages.filter((p) => p.k === kind).map((p) => p.i),
        kind,
      ).toEqual(ids);
    }
    const stating = new Map<string, string>();
    for (const el of inArticle('claim'))
      if (!stating.has(attr(el, 'dataRef')!)) stating.set(attr(el, 'dataRef')!, attr(el, 'id')!);
    expect(passages.filter((p) => p.k === 'claim').map((p) => p.i)).toEqual([...stating.values()]);
    // Each passage's words are the words of its element on the page.
    for (const passage of passages) {
      const onPage = select(`#${passage.i}`, article)!;
      expect(passage.text, passage.i).toBe(toText(onPage).replace(/\s+/g, ' ').trim());
    }
  });

  it('gives Trump’s quote its speaker, and the article the speakers it quotes as its `speaker` filter', () => {
    const quote = passagesOf(articleRecord()).find((p) => p.i === 'quote-they-want-to-make-a-deal');
    expect(quote).toEqual({
      i: 'quote-they-want-to-make-a-deal',
      k: 'quote',
      text: 'They want to make a deal and we want to make a deal',
      s: 'Donald Trump',
    });
    expect(articleRecord().filters.card).toBeUndefined();
    expect(articleRecord().filters.speaker).toEqual(expect.arrayContaining(['Donald Trump', 'Scott Bessent']));
    expect(articleRecord().meta).toMatchObject({ title: TITLE, record: 'article' });
    expect(Object.keys(articleRecord().meta).sort()).toEqual(['date', 'passages', 'record', 'title']);
  });

  it('credits each stated claim to its claimant and leaves figures without a speaker', () => {
    const passages = passagesOf(articleRecord());
    expect(passages.find((p) => p.i === 'claim-framework-avoids-tariffs')!.s).toBe('Scott Bessent');
    for (const claim of passages.filter((p) => p.k === 'claim')) expect(claim.t, claim.i).toBeTruthy();
    for (const figure of passages.filter((p) => p.k === 'figure')) expect(figure.s, figure.i).toBeUndefined();
  });

  it('indexes the article’s words without page chrome or cards, and card pages only through records', () => {
    const page = articleRecord();
    expect(page.content.startsWith(`${TITLE} `)).toBe(true);
    expect(page.content).toContain('They want to make a deal and we want to make a deal');
    for (const chrome of ['Skip to content', 'The Annotated Wire', 'Open the claim card', 'opens a card']) {
      expect(page.content, chrome).not.toContain(chrome);
    }
    expect(records.filter((r) => r.content.includes('Claimed by'))).toEqual([]);
    // One record per person, not one per mention or article.
    const people = records.filter((r) => kindOf(r) === 'person');
    expect(people.map((r) => r.url)).toEqual(
      fs
        .readdirSync(path.join(siteDir('seed'), 'people'))
        .filter((id) => id !== 'index.html')
        .sort()
        .map((id) => `/people/${id}/`),
    );
    expect(records.find((r) => r.url === '/people/he-lifeng/')!).toMatchObject({
      filters: { card: ['person'] },
      content: expect.stringContaining('Vice Premier'),
    });
  });

  it('keeps each claim no article states in a claims record, linked to its card', () => {
    const claimIds = fs
      .readdirSync(path.join(siteDir('seed'), 'claims'))
      .filter((id) => id !== 'index.html')
      .sort();
    const stated = new Set(inArticle('claim').map((el) => attr(el, 'dataRef')!));
    const grouped = records.filter((r) => kindOf(r) === 'claims').flatMap(passagesOf);
    expect(grouped.map((p) => p.i).sort()).toEqual(claimIds.filter((id) => !stated.has(id)));
    expect(grouped.find((p) => p.i === 'both-sides-want-a-deal')).toMatchObject({
      u: '/claims/both-sides-want-a-deal/',
      t: 'Both sides want a deal, Trump says',
      s: 'Donald Trump',
      a: TITLE,
    });
  });

  it('writes record URLs from the site root under BASE_PATH too: Pagefind adds the base path', () => {
    const news = readWrittenRecords(siteDir('seed-news'));
    expect(news.map((r) => r.url)).toEqual(records.map((r) => r.url));
  });

  it('indexes a second site with its own people and claims', () => {
    const second = readWrittenRecords(siteDir('second'));
    expect(second.flatMap(passagesOf).some((p) => p.k === 'quote')).toBe(true);
    expect(second.every((r) => !r.url.startsWith(ARTICLE))).toBe(true);
  });
});

describe('searching the written index with Pagefind’s own API', () => {
  let host: StaticHost;
  beforeAll(async () => {
    host = await serveWithNginx(siteDir('seed-news'), '/news/');
  });
  afterAll(() => host?.stop());

  it('finds Trump’s quote in its article by its words, at a URL under the base path', async () => {
    const [deal, bessent, typed, people] = await searchWrittenIndex(siteDir('seed-news'), `${host.url}pagefind/`, [
      { term: 'want to make a deal' },
      { term: null, filters: { speaker: 'Scott Bessent' } },
      { term: 'deal', filters: pagefindFilters({ query: 'deal', type: 'quote' }) },
      { term: 'trump', filters: pagefindFilters({ query: 'trump', type: 'person' }) },
    ]);
    // A type leaves out the cards that cannot hold it; a search of everything finds them too.
    expect(typed!.results.map((r) => r.meta.record)).toEqual(['article']);
    expect(people!.results.map((r) => r.url)).toContain(`${host.url}people/donald-trump/`);
    expect(new Set(people!.results.map((r) => r.meta.record))).toEqual(new Set(['person']));
    const found = deal!.results[0]!;
    expect(found.url).toBe(`${host.url}articles/us-china-trade-framework/`);
    const hits = recordHits(found, { query: 'want to make a deal', type: 'quote' }, '/news/');
    expect(hits.map((hit) => [hit.url, hit.speaker])).toEqual([
      [`${host.url}articles/us-china-trade-framework/#quote-they-want-to-make-a-deal`, 'Donald Trump'],
    ]);
    // The speaker filter finds the records Bessent speaks in; the page keeps his passages.
    expect(bessent!.results.map((r) => r.meta.record).sort()).toEqual(['article', 'claims']);
    const quotes = recordHits(
      bessent!.results.find((r) => r.meta.record === 'article')!,
      {
        query: '',
        speaker: 'Scott Bessent',
        type: 'quote',
      },
      '/news/',
    );
    expect(quotes.length).toBeGreaterThan(1);
    for (const hit of quotes) expect(hit).toMatchObject({ type: 'quote', speaker: 'Scott Bessent' });
  });
});

const isEmbedPage = (page: string) => /^\/claims\/[^/]+\/embed\/$/.test(page);

describe('search on every page and offline support', () => {
  it('puts a search form leading to /search/ in every page header but the search page’s own', () => {
    for (const [site, base] of [
      ['seed', '/'],
      ['seed-news', '/news/'],
    ] as const) {
      // Not the search page itself, nor a claim card made for other sites' frames (no site chrome).
      for (const page of listPages(siteDir(site)).filter((p) => p !== '/search/' && !isEmbedPage(p))) {
        const form = select('header.site-header form[role="search"]', readPage(siteDir(site), page));
        expect(form, `${site} ${page}`).toBeDefined();
        expect(attr(form!, 'action')).toBe(`${base}search/`);
        expect(attr(form!, 'method')).toBe('get');
        expect(attr(select('input[name="q"]', form!)!, 'type')).toBe('search');
      }
    }
    expect(select('header form', readPage(siteDir('seed'), '/search/'))).toBeUndefined();
  });

  it('lists the speakers in the search page, so it needs no filter data before a search', () => {
    const options = selectAll('#search-speaker option', readPage(siteDir('seed'), '/search/')).map((o) =>
      attr(o, 'value'),
    );
    expect(options[0]).toBe('');
    const speakers = options.slice(1) as string[];
    expect(speakers).toEqual([...speakers].sort((a, b) => a.localeCompare(b)));
    const named = new Set(readWrittenRecords(siteDir('seed')).flatMap((r) => r.filters.speaker ?? []));
    expect(new Set(speakers)).toEqual(named);
  });

  it('says on the search page that search needs JavaScript, with a way to the quotes', () => {
    const page = readPage(siteDir('seed-news'), '/search/');
    const noscript = select('noscript', page);
    expect(noscript).toBeDefined();
    expect(fs.readFileSync(path.join(siteDir('seed-news'), 'search/index.html'), 'utf8')).toMatch(
      /<noscript>[^<]*<p[^>]*>\s*Search needs JavaScript[^]*href="\/news\/quotes\/"[^]*<\/noscript>/,
    );
    expect(attr(select('[data-search-status]', page)!, 'ariaLive')).toBe('polite');
  });

  it('precaches pages, styles, scripts and the Pagefind bundle a search needs, with paths relative to the base', () => {
    for (const site of ['seed', 'seed-news']) {
      const dist = siteDir(site);
      const manifest = readPrecacheManifest(dist);
      const urls = manifest.map((e) => e.url);
      expect(
        urls.every((url) => !url.startsWith('/') && !url.includes('://')),
        site,
      ).toBe(true);
      // Every page a reader of this site opens; claim cards made for other sites are not kept.
      for (const page of listPages(dist).filter((p) => !isEmbedPage(p))) {
        const file = page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);
        expect(urls, `${site} ${page}`).toContain(file);
      }
      const bundle = fs
        .readdirSync(path.join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
        // Not the ready-made UIs nor the worker: the search page runs Pagefind on its own thread.
        .filter((file) => !/pagefind-(ui|modular-ui|component-ui)\.|pagefind-worker\.js$/.test(file));
      expect(bundle.length).toBeGreaterThan(10);
      for (const file of bundle) expect(urls, file).toContain(file);
      for (const asset of fs.readdirSync(path.join(dist, '_astro'))) expect(urls).toContain(`_astro/${asset}`);
      expect(
        manifest.every((e) => e.revision),
        'every entry is versioned',
      ).toBe(true);
    }
  });

  it('registers the service worker from an external script, and allows only what search needs in the CSP', () => {
    const page = readPage(siteDir('seed-news'), ARTICLE);
    // Every executable script (JSON-LD data blocks do not run) comes from a file.
    const scripts = selectAll('script:not([type="application/ld+json"])', page);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(attr(script, 'src'), 'external script').toMatch(/^\/news\/_astro\//);
    const csp = attr(select('meta[http-equiv="Content-Security-Policy"]', page)!, 'content')!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|blob:|\*/);
  });
});
