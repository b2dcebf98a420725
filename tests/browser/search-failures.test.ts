import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCorpus, readSeed, type Corpus } from '../../bench/corpus';
import { buildSite, siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { readPrecacheManifest } from '../helpers/pagefind-output';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * A search that cannot reach a file it depends on says so, online as well as offline: each
 * kind of Pagefind file is cut off in turn while the browser believes it is online (a captive
 * portal, a train's network with no way out), on the seed and on an archive larger than the
 * first-visit budget, with and without the service worker.
 */

/** More articles than the first-visit budget precaches, few enough to build quickly. */
const ARTICLES = 100;

/** Each kind of file a search loads, as Playwright's route pattern. */
const PAGEFIND_FILES = {
  script: '**/pagefind/pagefind.js',
  entry: '**/pagefind/pagefind-entry.json*',
  metadata: '**/pagefind/*.pf_meta',
  webassembly: '**/pagefind/wasm.*.pagefind',
  index: '**/pagefind/index/*.pf_index',
  filter: '**/pagefind/filter/*.pf_filter',
  fragment: '**/pagefind/fragment/*.pf_fragment',
} as const;
type FileKind = keyof typeof PAGEFIND_FILES;
const KINDS = Object.keys(PAGEFIND_FILES) as FileKind[];

let browser: Browser;
let seed: StaticHost;
let archive: StaticHost;
let corpus: Corpus;
let corpusRoot: string;
let archiveDir: string;

beforeAll(async () => {
  corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'search-failures-'));
  corpus = generateCorpus(readSeed(path.join(PROJECT_ROOT, 'content')), ARTICLES, corpusRoot);
  const result = await buildSite({ name: 'search-failures', contentDir: corpus.annotatedDir });
  if (result.code !== 0) throw new Error(`Building the archive failed:\n${result.output}`);
  archiveDir = result.outDir;
  [seed, archive] = await Promise.all([serveWithNginx(siteDir('seed')), serveWithNginx(archiveDir)]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([seed?.stop(), archive?.stop()]);
  if (corpusRoot) fs.rmSync(corpusRoot, { recursive: true, force: true });
});

const status = (page: Page) => page.locator('[data-search-status]');
const resultLinks = (page: Page) => page.locator('.search-result__link');

/** Waits until the status region says something matching `text`, and returns it. */
async function statusSays(page: Page, text: RegExp): Promise<string> {
  await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(text);
  return (await status(page).textContent())!;
}

/** A reader's browser: with the service worker installed by a first visit, or with none. */
async function reader(host: StaticHost, serviceWorker: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: serviceWorker ? 'allow' : 'block' });
  if (serviceWorker) {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.evaluate(`navigator.serviceWorker.ready.then(() => true)`);
    await page.close();
  }
  return context;
}

/** Cuts off one kind of Pagefind file, for the page and its service worker alike; the browser stays online. */
async function cutOff(context: BrowserContext, kind: FileKind): Promise<void> {
  await context.route(PAGEFIND_FILES[kind], (route) => route.abort('internetdisconnected'));
}

const OUT_OF_REACH = /^The search index could not be reached[.:]/;
const FOUND = /^\d+ (?:results?|quotes?) for “/;

/** The words of the archive's newest article's first quote, which the first visit precached. */
const archiveQuery = () => corpus.articles[0]!.quotes[0]!.split(/\s+/).slice(0, 3).join(' ');

describe('a search that cannot reach the index, while the browser is online', () => {
  for (const kind of KINDS) {
    it(`says the index is out of reach when ${kind} files fail, without a service worker`, async () => {
      for (const [host, query] of [
        [seed, 'deal'],
        [archive, archiveQuery()],
      ] as const) {
        const context = await reader(host, false);
        await cutOff(context, kind);
        const page = await context.newPage();
        await page.goto(`${host.url}search/?q=${encodeURIComponent(query)}&type=quote`);
        expect(await page.evaluate('navigator.onLine')).toBe(true);
        const said = await statusSays(page, OUT_OF_REACH);
        // Nothing is cached on this device, so nothing is found instead.
        expect(said).toBe(
          'The search index could not be reached. Search needs the network for results beyond what is saved.',
        );
        expect(await status(page).getAttribute('data-kind')).toBe('error');
        expect(await resultLinks(page).count()).toBe(0);
        await context.close();
      }
    });
  }

  it('tries again on the next search, and finds results once the network is back', async () => {
    const context = await reader(seed, false);
    await cutOff(context, 'metadata');
    const page = await context.newPage();
    await page.goto(`${seed.url}search/?q=deal&type=quote`);
    await statusSays(page, OUT_OF_REACH);
    await context.unroute(PAGEFIND_FILES.metadata);
    await page.fill('#search-query', 'want to make a deal');
    await page.press('#search-query', 'Enter');
    await statusSays(page, /^1 quote for “want to make a deal”\.$/);
    await context.close();
  });

  it('shows the results whose fragments loaded, and says how many could not be', async () => {
    const context = await reader(seed, false);
    let cut = 0;
    await context.route(PAGEFIND_FILES.fragment, (route) =>
      cut++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    const page = await context.newPage();
    await page.goto(`${seed.url}search/?q=deal`);
    const said = await statusSays(page, /could not be loaded/);
    expect(cut).toBeGreaterThan(1);
    expect(said).toMatch(
      /^\d+ results for “deal”\. 1 matching article or card could not be loaded: check the connection and search again\.$/,
    );
    expect(await resultLinks(page).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('with the service worker of a first visit', () => {
  it('answers from the precache on the seed, where the whole index is on the device', async () => {
    const context = await reader(seed, true);
    for (const kind of KINDS) await cutOff(context, kind);
    const page = await context.newPage();
    await page.goto(`${seed.url}search/?q=want+to+make+a+deal&type=quote`);
    await statusSays(page, /^1 quote for “want to make a deal”\.$/);
    await context.close();
  });

  for (const kind of KINDS) {
    it(`on an archive larger than the first-visit budget, answers or says so when ${kind} files fail`, async () => {
      const precached = readPrecacheManifest(archiveDir).map((entry) => entry.url);
      const onDevice = precached.some((url) => minimatchKind(url, kind));
      const context = await reader(archive, true);
      await cutOff(context, kind);
      const page = await context.newPage();
      await page.goto(`${archive.url}search/?q=${encodeURIComponent(archiveQuery())}&type=quote`);
      if (onDevice) {
        // The runtime, entry, metadata and WebAssembly are precached: the search still looks.
        await statusSays(page, FOUND);
      } else {
        // Index chunks, filters and fragments are not: the page searches the precached articles instead.
        const said = await statusSays(page, /^The search index could not be reached: \d+ results? from/);
        expect(said).toMatch(
          /^The search index could not be reached: \d+ results? from the articles saved or opened on this device\. More results need the network\.$/,
        );
        const links = await resultLinks(page).evaluateAll((found) => found.map((a) => a.getAttribute('href')!));
        expect(links.length).toBeGreaterThan(0);
        for (const href of links) expect(precached).toContain(`${/^\/(articles\/[^/]+\/)/.exec(href)![1]}index.html`);
      }
      await context.close();
    });
  }
});

/** Whether a precached file (`pagefind/index/x.pf_index`) is of a kind. */
function minimatchKind(url: string, kind: FileKind): boolean {
  const pattern = PAGEFIND_FILES[kind].replace(/^\*\*\//, '').replace(/\*+$/, '');
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}`);
  return re.test(url);
}
