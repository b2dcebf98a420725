import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { recordTransfers, type Transfer } from './browser';

/** What a reader's first visit downloads in the background, after the page itself has loaded. */
export interface FirstVisitMeasurement {
  url: string;
  /** Requests started after the page's `load` event, until the service worker was activated and ready. */
  requests: number;
  /** Of those, the requests the service worker made (its precache fetches). */
  serviceWorkerRequests: number;
  /** Response headers + encoded (gzip) bodies, as transferred. */
  totalBytes: number;
  /** Milliseconds from the `load` event to `navigator.serviceWorker.ready` with `active.state === 'activated'`; null if it never got there. */
  readyMs: number | null;
  /** Entries in the precache list of `sw.js`, to compare with `serviceWorkerRequests`. */
  precacheEntries: number;
  /** Requests and bytes per top-level folder of the URL path. */
  byFolder: Record<string, { requests: number; bytes: number }>;
  transfers: Transfer[];
}

/** How long a first visit may take to get its service worker ready before the bench gives up. */
const READY_TIMEOUT_MS = 300_000;

/** Precache entries in a Workbox service worker: its manifest lists `{url:"…",revision:…}` objects. */
export function countPrecacheEntries(serviceWorkerSource: string): number {
  return (serviceWorkerSource.match(/(?:\burl|"url"):\s*"/g) ?? []).length;
}

/** Top-level folder of a URL's path below the site's base, `(root)` for files at the base. */
export function urlFolder(url: string, basePath = '/'): string {
  const pathname = new URL(url).pathname;
  const below = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  const slash = below.indexOf('/');
  return slash < 0 ? '(root)' : below.slice(0, slash);
}

/** In the page: waits for an activated service worker; returns the load event's epoch time and ms from it to ready. */
const waitForActivatedWorker = async (timeoutMs: number) => {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const activated = (async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
        if (worker.state === 'activated') resolve();
      });
    }
    return performance.now();
  })();
  const gaveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const at = await Promise.race([activated, gaveUp]);
  return {
    loadEpochMs: performance.timeOrigin + navigation.loadEventStart,
    readyMs: at === null ? null : Math.round(at - navigation.loadEventStart),
  };
};

/**
 * Opens `url` (the home page) in a fresh context with service workers allowed and the browser
 * cache on, then counts every request started after `load` until the service worker is ready.
 */
export async function measureFirstVisit(browser: Browser, url: string, dist: string): Promise<FirstVisitMeasurement> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const recorder = await recordTransfers(page, { cacheDisabled: false });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const { loadEpochMs, readyMs } = await page.evaluate(waitForActivatedWorker, READY_TIMEOUT_MS);
    await recorder.settle();
    const basePath = new URL(url).pathname;
    const transfers = recorder.transfers.filter((t) => t.startedAt >= loadEpochMs);
    const byFolder: FirstVisitMeasurement['byFolder'] = {};
    for (const transfer of transfers) {
      const entry = (byFolder[urlFolder(transfer.url, basePath)] ??= { requests: 0, bytes: 0 });
      entry.requests++;
      entry.bytes += transfer.bytes;
    }
    const swFile = path.join(dist, 'sw.js');
    return {
      url,
      requests: transfers.length,
      serviceWorkerRequests: transfers.filter((t) => t.worker === 'service').length,
      totalBytes: transfers.reduce((sum, t) => sum + t.bytes, 0),
      readyMs,
      precacheEntries: fs.existsSync(swFile) ? countPrecacheEntries(fs.readFileSync(swFile, 'utf8')) : 0,
      byFolder,
      transfers,
    };
  } finally {
    await context.close();
  }
}
