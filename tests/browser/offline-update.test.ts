import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeServiceWorker } from '../../src/offline/service-worker';
import { DEFAULT_PRECACHE_BUDGET_BYTES } from '../../src/offline/precache-budget';
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
    await writeServiceWorker({ outDir: dist, budgetBytes: DEFAULT_PRECACHE_BUDGET_BYTES });

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
  it('leaves the oldest articles out of the service worker when the site is over budget', async () => {
    const manifest = readPrecacheManifest(siteDir('seed'));
    expect(manifest.some((e) => e.url.startsWith('articles/'))).toBe(true);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-budget-'));
    try {
      fs.cpSync(siteDir('seed'), copy, { recursive: true });
      const shell = manifest.filter((e) => !/^(articles|people|claims)\//.test(e.url));
      const shellBytes = shell.reduce((sum, e) => sum + fs.statSync(path.join(copy, e.url)).size, 0);
      const summary = await writeServiceWorker({ outDir: copy, budgetBytes: shellBytes + 1024 });
      expect(summary.selection.skippedArticles).toEqual(['us-china-trade-framework']);
      const urls = readPrecacheManifest(copy).map((e) => e.url);
      expect(urls).toContain('pagefind/pagefind.js');
      expect(urls).toContain('search/index.html');
      expect(urls.some((url) => url.startsWith('articles/'))).toBe(false);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
