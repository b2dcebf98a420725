import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATA_COLUMNS } from '../../src/lib/words/data';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll } from '../helpers/html';
import { textContent } from '../helpers/text-content';
import { TEST_SITES } from '../setup/build-sites';

type Node = Record<string, any>;

const SITES = TEST_SITES.map((site) => ({
  name: site.name,
  prefix: `${site.siteUrl ?? 'http://localhost:4321'}${site.basePath ?? '/'}`,
}));

/** The CSV read the way a spreadsheet reads it: RFC 4180 strictly, one header row. */
function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  expect(text.endsWith('\r\n')).toBe(true);
  return parse(text, { columns: true, record_delimiter: '\r\n', relax_quotes: false, skip_empty_lines: false });
}

describe.each(SITES)('the open data of the "$name" site', ({ name, prefix }) => {
  const dist = siteDir(name);
  const data = path.join(dist, 'data');
  const index = JSON.parse(fs.readFileSync(path.join(data, 'index.json'), 'utf8')) as Node;
  const filesOf = (dataset: string, format: string) =>
    (index.files as Node[]).filter((f) => f.dataset === dataset && f.format === format);

  it('lists every file in its index, each under 10 MB, with the licence', () => {
    expect(index.license).toBe('CC BY 4.0');
    expect(index.license_url).toBe('https://creativecommons.org/licenses/by/4.0/');
    const onDisk = fs.readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(json|csv)$/.test(f));
    expect([...(index.files as Node[]).map((f) => f.path), 'index.json'].sort()).toEqual(onDisk.sort());
    for (const file of index.files as Node[]) {
      expect(file.url).toBe(`${prefix}data/${file.path}`);
      expect(fs.statSync(path.join(data, file.path)).size).toBeLessThan(10 * 1024 * 1024);
    }
  });

  it('publishes every claim as JSON and as RFC 4180 CSV, the same rows, matching the claim pages', () => {
    const json = filesOf('claims', 'json').flatMap(
      (f) => JSON.parse(fs.readFileSync(path.join(data, f.path), 'utf8')).items,
    );
    const csv = filesOf('claims', 'csv').flatMap((f) => readCsv(path.join(data, f.path)));
    const claimPages = fs
      .readdirSync(path.join(dist, 'claims'))
      .filter((id) => fs.existsSync(path.join(dist, 'claims', id, 'oembed.json')));
    expect(json.map((c: Node) => c.id).sort()).toEqual(claimPages.sort());
    expect(csv.map((c) => c.id)).toEqual(json.map((c: Node) => c.id));
    for (const file of filesOf('claims', 'csv')) {
      const header = fs.readFileSync(path.join(data, file.path), 'utf8').split('\r\n')[0];
      expect(header).toBe(Object.keys(DATA_COLUMNS.claims).join(','));
    }
    for (const [i, claim] of json.entries()) {
      const row = csv[i]!;
      const page = readPage(dist, `/claims/${claim.id}/`);
      expect(claim.title).toBe(textContent(select('h1', page)!));
      expect(row.title).toBe(claim.title);
      expect(row.statement).toBe(claim.statement);
      expect(textContent(select('.claim-head__statement', page)!)).toContain(claim.statement);
      expect(claim.status_label).toBe(textContent(select('.card-page__status .status__label', page)!));
      expect(JSON.parse(row.status_history!)).toEqual(claim.status_history);
      expect(claim.status_history.at(-1).status).toBe(claim.status);
      expect(claim.status_date).toBe(claim.status_history.at(-1).date);
      expect(claim.url).toBe(`${prefix}claims/${claim.id}/`);
      expect(row.license).toBe('CC BY 4.0 https://creativecommons.org/licenses/by/4.0/');
      const sources = selectAll('section[aria-labelledby="sources-title"] a', page).map((a) => attr(a, 'href'));
      for (const source of claim.sources) expect(sources).toContain(source.url);
    }
  });

  it('publishes every quote with its speaker, article, passage and claim, matching the article pages', () => {
    const json = filesOf('quotes', 'json').flatMap(
      (f) => JSON.parse(fs.readFileSync(path.join(data, f.path), 'utf8')).items,
    );
    const csv = filesOf('quotes', 'csv').flatMap((f) => readCsv(path.join(data, f.path)));
    expect(csv).toEqual(json.map((q: Node) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]))));
    const articles = fs
      .readdirSync(path.join(dist, 'articles'))
      .filter((slug) => fs.existsSync(path.join(dist, 'articles', slug, 'index.html')));
    const onPages = articles.flatMap((slug) =>
      selectAll('[data-annotation="quote"]', readPage(dist, `/articles/${slug}/`)).map(
        (el) => `${slug}#${attr(el, 'id')}`,
      ),
    );
    expect(json.map((q: Node) => `${q.article_slug}#${q.id}`).sort()).toEqual(onPages.sort());
    for (const quote of json) {
      const page = readPage(dist, `/articles/${quote.article_slug}/`);
      expect(textContent(select(`#${quote.id}`, page)!)).toContain(quote.words);
      expect(attr(select(`#${quote.id}`, page)!, 'dataRef')).toBe(quote.speaker_id);
      expect(quote.passage_url.startsWith(`${prefix}articles/${quote.article_slug}/#${quote.id}`)).toBe(true);
      expect(['', 'states', 'disputes', 'supports', 'responds']).toContain(quote.stance);
      if (quote.stance) expect(quote.claim_id).toBeTruthy();
    }
  });

  it('has a ClaimReview feed in the Claim Search API shape and a JSON Feed of status changes, newest first', () => {
    for (const file of filesOf('claimreview', 'json')) {
      const feed = JSON.parse(fs.readFileSync(path.join(data, file.path), 'utf8'));
      expect(feed.license).toBe('CC BY 4.0');
      for (const claim of feed.claims) {
        expect(claim).toEqual(expect.objectContaining({ text: expect.any(String), claimant: expect.any(String) }));
        expect(claim.claimDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        const [review] = claim.claimReview;
        expect(['Supported', 'Disputed', 'False']).toContain(review.textualRating);
        expect(review.publisher.site).toBe(new URL(prefix).host);
        expect(review.url.startsWith(`${prefix}claims/`)).toBe(true);
      }
    }
    const feed = JSON.parse(fs.readFileSync(path.join(data, 'status-changes.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${prefix}data/status-changes.json`);
    expect(feed._data_license.name).toBe('CC BY 4.0');
    const dates = (feed.items as Node[]).map((item) => item.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const item of feed.items as Node[]) {
      expect(item.id && item.url && item.title && item.content_text).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
  });

  it('documents every column and links every file on the /data/ page, linked from the footer', () => {
    const page = readPage(dist, '/data/');
    const base = new URL(prefix).pathname;
    const links = selectAll('main a', page).map((a) => attr(a, 'href'));
    for (const file of index.files as Node[]) expect(links).toContain(`${base}data/${file.path}`);
    const documented = selectAll('.data-columns dt code', page).map((code) => textContent(code));
    expect(documented).toEqual(Object.values(DATA_COLUMNS).flatMap((columns) => Object.keys(columns)));
    expect(textContent(select('main', page)!)).toContain('CC BY 4.0');
    expect(selectAll('.site-footer a', readPage(dist, '/')).map((a) => attr(a, 'href'))).toContain(`${base}data/`);
  });
});
