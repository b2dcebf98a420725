import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeServiceWorker } from '../../src/offline/service-worker';
import { HEADER_BYTES_PER_REQUEST } from '../../src/offline/precache-budget';
import { transferSize } from '../../src/offline/site-files';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { readPrecacheManifest } from '../helpers/pagefind-output';

let browser: Browser;
let host: StaticHost;
let dist: string;

beforeAll(async () => {
  // A copy of the built site that the test "rebuilds" by changing a page and writing sw.js again.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-update-'));
  fs.cpSync(siteDir('seed'), dist, { recursive: true });
  host = await serveWithNginx(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

const quotesHeading = (text: string) => `<h1 class="page-title">${text}</h1>`;

describe('a new build of an offline site', () => {
  it('is served only once no page of the old build is open, and replaces the old cache entries', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await page.evaluate(`navigator.serviceWorker.ready.then(() => true)`);

    // The next build changes a page.
    const quotesFile = path.join(dist, 'quotes/index.html');
    fs.writeFileSync(
      quotesFile,
      fs.readFileSync(quotesFile, 'utf8').replace(quotesHeading('Quotes'), quotesHeading('Quotes, rebuilt')),
    );
    await writeServiceWorker({ outDir: dist });

    // Navigating checks for the new service worker; it installs but waits while the old build's page is open.
    await page.goto(`${host.url}quotes/`);
    await page.evaluate(`navigator.serviceWorker.getRegistration().then((r) => r.update())`);
    await expect
      .poll(() => page.evaluate(`navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))`), {
        timeout: 30_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await page.goto(`${host.url}quotes/`);
    expect(await page.locator('h1').innerText()).toBe('Quotes');

    // With the old build's pages closed, the new build takes over, offline too.
    await page.close();
    const fresh = await context.newPage();
    await expect
      .poll(
        async () => {
          await fresh.goto(`${host.url}quotes/`);
          return fresh.locator('h1').innerText();
        },
        { timeout: 30_000 },
      )
      .toBe('Quotes, rebuilt');
    const cached = (await fresh.evaluate(`caches.keys().then(async (names) => {
      const urls = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    })`)) as string[];
    expect(cached.length).toBe(readPrecacheManifest(dist).length);
    await context.close();
  });
});

describe('the precache budget on a real build', () => {
  it('precaches the shell and search runtime but not the search index or card pages when the site is over budget', async () => {
    const manifest = readPrecacheManifest(siteDir('seed'));
    expect(manifest.some((e) => e.url.startsWith('articles/'))).toBe(true);
    expect(manifest.some((e) => e.url.startsWith('pagefind/fragment/'))).toBe(true);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-budget-'));
    try {
      fs.cpSync(siteDir('seed'), copy, { recursive: true });
      const shell = ['index.html', 'search/index.html', 'offline/index.html', '404.html', 'pagefind/pagefind.js'];
      const shellBytes = shell.reduce((sum, url) => sum + transferSize(copy, url) + HEADER_BYTES_PER_REQUEST, 0);
      const summary = await writeServiceWorker({ outDir: copy, budget: { bytes: shellBytes * 3, requests: 1000 } });
      expect(summary.selection.wholeSite).toBe(false);
      const urls = readPrecacheManifest(copy).map((e) => e.url);
      for (const url of [...shell, 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind']) {
        expect(urls).toContain(url);
      }
      expect(urls.some((url) => url.endsWith('.pf_meta'))).toBe(true);
      // The search page runs Pagefind without its worker.
      expect(urls).not.toContain('pagefind/pagefind-worker.js');
      expect(urls.some((url) => /^pagefind\/(fragment|index|filter)\//.test(url))).toBe(false);
      expect(urls.some((url) => /^(people|claims|quotes)\//.test(url))).toBe(false);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
