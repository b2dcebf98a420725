import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, select, selectAll } from '../helpers/html';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { searchWrittenIndex } from '../helpers/pagefind-node';
import { readPrecacheManifest, readWrittenRecords, type WrittenRecord } from '../helpers/pagefind-output';

const ARTICLE = '/articles/us-china-trade-framework/';
const TITLE = 'Bessent says U.S. and China reached a framework to avert 100 percent tariffs';
const typeOf = (record: WrittenRecord) => record.filters.type?.[0];

describe('the search index of the published site', () => {
  const records = readWrittenRecords(siteDir('seed'));
  const article = readPage(siteDir('seed'), ARTICLE);
  const inArticle = (kind: string) => selectAll(`.article__body [data-annotation="${kind}"]`, article);

  it('has a record for every quote and figure at its passage, every claim at the passage stating it, every person at their card', () => {
    for (const kind of ['quote', 'figure']) {
      const ids = inArticle(kind).map((el) => attr(el, 'id'));
      const urls = records.filter((r) => typeOf(r) === kind).map((r) => r.url);
      expect(urls.sort(), kind).toEqual(ids.map((id) => `${ARTICLE}#${id}`).sort());
    }
    // One per claim: at the first passage that states it, or else at its card.
    const stating = new Map<string, string>();
    for (const el of inArticle('claim'))
      if (!stating.has(attr(el, 'dataRef')!)) stating.set(attr(el, 'dataRef')!, attr(el, 'id')!);
    const claimIds = fs
      .readdirSync(path.join(siteDir('seed'), 'claims'))
      .filter((id) => id !== 'index.html')
      .sort();
    expect(stating.size).toBeGreaterThan(0);
    expect(stating.size).toBeLessThan(claimIds.length);
    expect(
      records
        .filter((r) => typeOf(r) === 'claim')
        .map((r) => r.url)
        .sort(),
    ).toEqual(claimIds.map((id) => (stating.has(id) ? `${ARTICLE}#${stating.get(id)}` : `/claims/${id}/`)).sort());
    // One per person, not one per mention or article.
    const people = records.filter((r) => typeOf(r) === 'person');
    expect(people.map((r) => r.url)).toEqual(
      fs
        .readdirSync(path.join(siteDir('seed'), 'people'))
        .filter((id) => id !== 'index.html')
        .sort()
        .map((id) => `/people/${id}/`),
    );
    expect(people.map((r) => r.meta.title).sort()).toEqual([
      'Donald Trump',
      'He Lifeng',
      'Jameson Greer',
      'Li Chenggang',
      'Scott Bessent',
      'Xi Jinping',
    ]);
  });

  it('gives Trump’s quote its type, speaker and article, as filters and as meta', () => {
    const quote = records.find((r) => r.url === `${ARTICLE}#quote-they-want-to-make-a-deal`);
    expect(quote).toMatchObject({
      content: '“They want to make a deal and we want to make a deal” — Donald Trump',
      filters: { type: ['quote'], speaker: ['Donald Trump'], article: [TITLE] },
      meta: { title: '“They want to make a deal and we want to make a deal”', speaker: 'Donald Trump', article: TITLE },
    });
    expect(Object.keys(quote!.meta).sort()).toEqual(['article', 'speaker', 'title']);
  });

  it('credits each claim to its claimant and leaves figures and people without a speaker', () => {
    const claims = records.filter((r) => typeOf(r) === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.filters.speaker, claim.url).toHaveLength(1);
    for (const record of records.filter((r) => typeOf(r) === 'figure' || typeOf(r) === 'person')) {
      expect(record.filters.speaker, record.url).toBeUndefined();
    }
    expect(records.find((r) => r.url === `${ARTICLE}#claim-framework-avoids-tariffs`)!.filters.speaker).toEqual([
      'Scott Bessent',
    ]);
  });

  it('indexes the article page itself, without page chrome or cards, and card pages only through their records', () => {
    const page = records.find((r) => r.url === ARTICLE)!;
    expect(page.filters).toEqual({ type: ['article'], article: [TITLE] });
    expect(page.meta.title).toBe(TITLE);
    expect(page.content).toContain('They want to make a deal and we want to make a deal');
    for (const chrome of ['Skip to content', 'The Annotated Wire', 'Open the claim card', 'opens a card']) {
      expect(page.content, chrome).not.toContain(chrome);
    }
    // Each card is one result: its record, not its page as well.
    const cards = records.filter((r) => /^\/(people|claims)\/[^#]+\/$/.test(r.url)).map((r) => r.url);
    expect(new Set(cards).size).toBe(cards.length);
    expect(records.filter((r) => r.content.includes('Claimed by'))).toEqual([]);
    const claimCard = records.find((r) => r.url === '/claims/both-sides-want-a-deal/')!;
    expect(claimCard).toMatchObject({
      filters: { type: ['claim'], speaker: ['Donald Trump'], article: [TITLE] },
      meta: { title: 'Both the United States and China want to reach a trade deal.' },
    });
    expect(records.find((r) => r.url === '/people/he-lifeng/')!).toMatchObject({
      filters: { type: ['person'] },
      content: expect.stringContaining('Vice Premier'),
    });
  });

  it('leaves lists and the search page itself out of the index', () => {
    const urls = records.map((r) => r.url);
    for (const listing of ['/', '/quotes/', '/search/', '/404.html']) expect(urls).not.toContain(listing);
  });

  it('writes record URLs from the site root under BASE_PATH too: Pagefind adds the base path', () => {
    const news = readWrittenRecords(siteDir('seed-news'));
    expect(news.map((r) => r.url)).toEqual(records.map((r) => r.url));
  });

  it('indexes a second site with its own people and claims', () => {
    const second = readWrittenRecords(siteDir('second'));
    expect(second.some((r) => typeOf(r) === 'quote')).toBe(true);
    expect(second.every((r) => !r.url.startsWith(ARTICLE))).toBe(true);
  });
});

describe('searching the written index with Pagefind’s own API', () => {
  let host: StaticHost;
  beforeAll(async () => {
    host = await serveWithNginx(siteDir('seed-news'), '/news/');
  });
  afterAll(() => host?.stop());

  it('finds Trump’s quote by its words and type, at a URL under the base path', async () => {
    const [quotes, bessent] = await searchWrittenIndex(siteDir('seed-news'), `${host.url}pagefind/`, [
      { term: 'want to make a deal', filters: { type: 'quote' } },
      { term: null, filters: { speaker: 'Scott Bessent', type: 'quote' } },
    ]);
    expect(quotes!.results.map((r) => r.url)).toEqual([
      `${host.url}articles/us-china-trade-framework/#quote-they-want-to-make-a-deal`,
    ]);
    expect(quotes!.results[0]!.meta.speaker).toBe('Donald Trump');
    expect(bessent!.count).toBeGreaterThan(1);
    for (const result of bessent!.results) {
      expect(result.url.startsWith(`${host.url}articles/`)).toBe(true);
      expect(result.filters).toMatchObject({ type: ['quote'], speaker: ['Scott Bessent'] });
    }
  });
});

describe('search on every page and offline support', () => {
  it('puts a search form leading to /search/ in every page header but the search page’s own', () => {
    for (const [site, base] of [
      ['seed', '/'],
      ['seed-news', '/news/'],
    ] as const) {
      for (const page of listPages(siteDir(site)).filter((p) => p !== '/search/')) {
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
      for (const page of listPages(dist)) {
        const file = page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);
        expect(urls, `${site} ${page}`).toContain(file);
      }
      const bundle = fs
        .readdirSync(path.join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
        .filter((file) => !/pagefind-(ui|modular-ui|component-ui)\./.test(file));
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
