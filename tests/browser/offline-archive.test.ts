import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCorpus, readSeed, type Corpus } from '../../bench/corpus';
import { FIRST_VISIT_BUDGET } from '../../src/offline/precache-budget';
import type { SavedResult } from '../../src/offline/saved-search';
import { buildSite } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { readPrecacheManifest } from '../helpers/pagefind-output';
import { PROJECT_ROOT } from '../helpers/paths';

/** An archive larger than the first-visit budget: 150 articles generated from the seed. */
const ARTICLES = 150;

let browser: Browser;
let host: StaticHost;
let corpus: Corpus;
let dist: string;
let corpusRoot: string;
/** Article slugs the service worker does not precache, newest first. */
let notPrecached: string[];
/** `searchSaved` bundled for the page, exposed as `window.offlineSearch`. */
let searchScript: string;

beforeAll(async () => {
  corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-archive-'));
  corpus = generateCorpus(readSeed(path.join(PROJECT_ROOT, 'content')), ARTICLES, corpusRoot);
  const result = await buildSite({ name: 'offline-archive', contentDir: corpus.annotatedDir });
  if (result.code !== 0) throw new Error(`Building the archive failed:\n${result.output}`);
  dist = result.outDir;
  const precached = new Set(readPrecacheManifest(dist).map((entry) => entry.url));
  notPrecached = corpus.articles
    .map((article) => article.slug)
    .filter((slug) => !precached.has(`articles/${slug}/index.html`));
  const bundle = await build({
    stdin: {
      contents: `import { searchSaved } from './src/offline/saved-search.ts'; window.offlineSearch = searchSaved;`,
      resolveDir: PROJECT_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  searchScript = bundle.outputFiles[0]!.text;
  host = await serveWithNginx(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (corpusRoot) fs.rmSync(corpusRoot, { recursive: true, force: true });
});

/** A fresh reader whose first visit (the front page) has installed the service worker. */
async function firstVisit(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  // Records whether the page asked to keep its storage.
  await context.addInitScript(`{
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.persistRequested = true; return persist(); };
  }`);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.evaluate(`navigator.serviceWorker.ready.then(() => true)`);
  return { context, page };
}

const title = (slug: string) => corpus.articles.find((article) => article.slug === slug)!.title;
const heading = (page: Page) => page.locator('h1').first().innerText();

describe('offline reading of an archive larger than the first-visit budget', () => {
  it('precaches the shell and the newest articles only', () => {
    const urls = readPrecacheManifest(dist).map((entry) => entry.url);
    expect(notPrecached.length).toBeGreaterThan(ARTICLES / 2);
    expect(urls).toContain(`articles/${corpus.articles[0]!.slug}/index.html`);
    for (const url of ['index.html', 'search/index.html', 'offline/index.html', '404.html', 'pagefind/pagefind.js']) {
      expect(urls).toContain(url);
    }
    expect(urls.some((url) => url.startsWith('pagefind/fragment/'))).toBe(false);
  });

  it('downloads at most 2 MB in at most 100 requests on a first visit', async () => {
    const { context, page } = await firstVisit();
    const read = `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .map((e) => [e.name, e.transferSize])`;
    const entries = (await page.evaluate(read)) as [string, number][];
    const [worker] = context.serviceWorkers();
    entries.push(...((await worker!.evaluate(read)) as [string, number][]));
    const bytes = entries.reduce((sum, [, size]) => sum + size, 0);
    // `sw.js` itself is in neither list.
    const requests = entries.length + 1;
    console.log(`First visit of a ${ARTICLES}-article archive: ${requests} requests, ${bytes} bytes on the wire`);
    expect(requests).toBeLessThanOrEqual(FIRST_VISIT_BUDGET.requests);
    expect(bytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET.bytes);
    await context.close();
  });

  it('keeps an opened article readable offline, and shows the offline page for one never opened', async () => {
    const { context, page } = await firstVisit();
    const [opened, never] = notPrecached as [string, string];
    await page.goto(`${host.url}articles/${opened}/`);
    await context.setOffline(true);
    await page.goto(`${host.url}articles/${opened}/?highlight=x`);
    expect(await heading(page)).toBe(title(opened));
    await page.goto(`${host.url}articles/${never}/`);
    expect(await heading(page)).toBe('You are offline');
    await context.close();
  });

  it('saves an article with its cards, lists it on the offline page and finds its quotes offline', async () => {
    const { context, page } = await firstVisit();
    const slug = notPrecached[2]!;
    await page.goto(`${host.url}articles/${slug}/`);
    const save = page.getByRole('button', { name: 'Save for offline' });
    await save.click();
    await expect.poll(() => page.locator('[data-save-status]').innerText(), { timeout: 20_000 }).toMatch(/^Saved:/);
    expect(await page.getByText('Saved for offline ✓').isVisible()).toBe(true);
    expect(await page.evaluate('window.persistRequested')).toBe(true);
    const cards = await page.$$eval('article a[href*="/people/"], article a[href*="/claims/"]', (links) =>
      [...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))].slice(0, 3),
    );
    expect(cards.length).toBeGreaterThan(0);
    const saved = (await page.evaluate(
      `caches.open('saved-articles').then((c) => c.keys()).then((r) => r.map((q) => new URL(q.url).pathname))`,
    )) as string[];
    expect(saved).toEqual(expect.arrayContaining([`/articles/${slug}/`, ...cards]));
    // The stylesheet it was built with stays with it, whatever a later build renames.
    expect(saved.some((file) => /^\/_astro\/.+\.css$/.test(file))).toBe(true);

    await context.setOffline(true);
    const reader = await context.newPage();
    await reader.goto(`${host.url}articles/${slug}/`);
    expect(await heading(reader)).toBe(title(slug));
    for (const card of cards) {
      await reader.goto(`${host.origin}${card}`);
      expect(await heading(reader)).not.toBe('You are offline');
    }
    await reader.goto(`${host.url}articles/${notPrecached[3]}/`);
    expect(await heading(reader)).toBe('You are offline');
    await expect.poll(() => reader.locator('[data-offline-saved-list] a').allInnerTexts()).toEqual([title(slug)]);

    // The search page cannot reach the index offline: it searches the saved articles instead.
    const quote = corpus.articles.find((article) => article.slug === slug)!.quotes[0]!;
    const words = quote.split(/\s+/).slice(0, 4).join(' ');
    await reader.goto(`${host.url}search/?q=${encodeURIComponent(words.toUpperCase())}&type=quote`);
    const status = reader.locator('[data-search-status]');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/^You are offline: \d+ results? from/);
    expect(await status.innerText()).toContain('More results need the network.');
    const links = await reader.$$eval('[data-search-results] a', (found) =>
      found.map(
        (link) => new URL((link as HTMLAnchorElement).href).pathname + new URL((link as HTMLAnchorElement).href).hash,
      ),
    );
    expect(links.some((link) => link.startsWith(`/articles/${slug}/#`))).toBe(true);

    await reader.addScriptTag({ content: searchScript });
    const results = (await reader.evaluate(
      ([base, query]) =>
        (
          window as unknown as { offlineSearch: (b: string, q: string, f: object) => Promise<SavedResult[]> }
        ).offlineSearch(base!, query!, { type: 'quote' }),
      ['/', quote.toUpperCase()],
    )) as SavedResult[];
    expect(results.some((result) => result.url.startsWith(`/articles/${slug}/#`) && result.speaker)).toBe(true);
    expect(results.every((result) => result.type === 'quote')).toBe(true);
    await context.close();
  });
});
