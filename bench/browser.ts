import http from 'node:http';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

/** One response as Chromium's network stack saw it, with the bytes that crossed the wire. */
export interface Transfer {
  url: string;
  /** Playwright resource type: document, stylesheet, script, font, image, fetch, other, … */
  type: string;
  status: number;
  /** Response headers + encoded (gzip) body, as received. */
  bytes: number;
  encoding: string | null;
  /**
   * `browser`: sizes Chromium reported (CDP Network.loadingFinished encodedDataLength, through
   * Playwright, which also sees requests made by workers); `refetch`: Chromium reported no body
   * size (a worker's own script), so the body was fetched again with gzip and counted.
   */
  sizedBy: 'browser' | 'refetch';
  /** When the request started (epoch ms, the browser's timing when it has one). */
  startedAt: number;
  /** `service`: made by a service worker (its precache fetches); null: by the page or a dedicated worker. */
  worker: 'service' | null;
}

/** Bytes of a gzip-encoded body as the server sends it. */
function encodedBodySize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        let size = 0;
        response.on('data', (chunk: Buffer) => (size += chunk.length));
        response.on('end', () => resolve(size));
      })
      .on('error', reject);
  });
}

/**
 * Records every finished request of a page's context, including those of the workers it
 * starts (Pagefind searches in a Web Worker; with service workers allowed, the service
 * worker's precache fetches). By default the browser cache is off so every measurement starts
 * cold; a first visit keeps it, as a reader's browser would.
 */
export async function recordTransfers(
  page: Page,
  options: { cacheDisabled?: boolean } = {},
): Promise<{ transfers: Transfer[]; reset(): void; settle(): Promise<void> }> {
  if (options.cacheDisabled ?? true) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  const transfers: Transfer[] = [];
  const inFlight = new Map<Request, number>();
  const context = page.context();
  context.on('request', (request) => inFlight.set(request, Date.now()));
  context.on('requestfailed', (request) => inFlight.delete(request));
  context.on('requestfinished', async (request) => {
    try {
      transfers.push(await describeTransfer(request, inFlight.get(request) ?? Date.now()));
    } finally {
      inFlight.delete(request);
    }
  });
  return {
    transfers,
    reset: () => {
      transfers.length = 0;
    },
    // Waits until no request has been in flight for a moment.
    settle: async () => {
      let quiet = 0;
      for (let i = 0; i < 400 && quiet < 6; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        quiet = inFlight.size === 0 ? quiet + 1 : 0;
      }
    },
  };
}

/** One finished request as a Transfer; `seenAt` is when Node heard of it (used without browser timing). */
async function describeTransfer(request: Request, seenAt: number): Promise<Transfer> {
  const response = await request.response();
  const sizes = await request.sizes();
  const status = response?.status() ?? 0;
  let body = sizes.responseBodySize;
  let sizedBy: Transfer['sizedBy'] = 'browser';
  if (body === 0 && status === 200) {
    body = await encodedBodySize(request.url());
    sizedBy = 'refetch';
  }
  const startTime = request.timing().startTime;
  return {
    url: request.url(),
    type: request.resourceType(),
    status,
    bytes: sizes.responseHeadersSize + body,
    encoding: (await response?.headerValue('content-encoding')) ?? null,
    sizedBy,
    startedAt: startTime > 0 ? startTime : seenAt,
    worker: request.serviceWorker() ? 'service' : null,
  };
}

/** Contexts for measuring: no service worker, so background precaching never adds bytes. */
export function measuringContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block', ...options });
}

const PAGE_BUCKETS: Record<string, string> = {
  document: 'html',
  stylesheet: 'css',
  script: 'js',
  font: 'fonts',
  image: 'images',
};

export interface ArticlePageMeasurement {
  url: string;
  requests: number;
  totalBytes: number;
  bytes: { html: number; css: number; js: number; fonts: number; images: number; other: number };
  /** Whether the HTML came gzip-compressed (nginx with gzip on). */
  htmlEncoding: string | null;
  transfers: Transfer[];
  /** Resources that block the first render, from Resource Timing's renderBlockingStatus. */
  renderBlocking: { url: string; initiatorType: string }[];
  /** Classic scripts in the document without async/defer/module. */
  blockingScripts: number;
  /** Sum of layout-shift entries without recent input, after load and after opening cards. */
  layoutShift: number;
  /** Annotations with a card trigger on the page. */
  annotations: number;
  /** With JavaScript turned off: the first annotation's card opened from its trigger. */
  cardOpensWithoutJs: boolean;
  /** With JavaScript turned off: the article text is in the page. */
  readableWithoutJs: boolean;
}

const LAYOUT_SHIFT_OBSERVER = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Loads an article cold and measures what it costs a reader. */
export async function measureArticlePage(browser: Browser, url: string): Promise<ArticlePageMeasurement> {
  const context = await measuringContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 412, height: 915 });
  await page.addInitScript({ content: LAYOUT_SHIFT_OBSERVER });
  const recorder = await recordTransfers(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await recorder.settle();

  const bytes = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0 };
  for (const transfer of recorder.transfers)
    bytes[(PAGE_BUCKETS[transfer.type] ?? 'other') as keyof typeof bytes] += transfer.bytes;
  const facts = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as (PerformanceResourceTiming & {
      renderBlockingStatus?: string;
    })[];
    return {
      renderBlocking: resources
        .filter((r) => r.renderBlockingStatus === 'blocking')
        .map((r) => ({ url: r.name, initiatorType: r.initiatorType })),
      // Classic scripts without async/defer hold the parser; module and data scripts do not.
      blockingScripts: [...document.querySelectorAll('script')].filter(
        (s) =>
          !s.async &&
          !s.defer &&
          s.type !== 'module' &&
          s.type !== 'application/ld+json' &&
          s.type !== 'application/json',
      ).length,
      annotations: document.querySelectorAll('[data-annotation] > .annotation__trigger:not([tabindex="-1"])').length,
    };
  });
  // Open a few cards as a reader would; popovers sit in the top layer and must not move the text.
  const triggers = page.locator('[data-annotation] > .annotation__trigger:not([tabindex="-1"])');
  for (let i = 0; i < Math.min(3, facts.annotations); i++) {
    await triggers.nth(i).click();
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(300);
  const layoutShift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
  const htmlEncoding = recorder.transfers.find((t) => t.type === 'document')?.encoding ?? null;
  await context.close();

  const noJs = await measuringContext(browser, { javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(url);
  const readableWithoutJs = (await plain.locator('[data-pagefind-body]').innerText()).length > 500;
  let cardOpensWithoutJs = false;
  const first = plain.locator('[data-annotation] > .annotation__trigger').first();
  const target = (await first.getAttribute('href'))?.slice(1);
  if (target) {
    // Without JavaScript the trigger links to its card and CSS `:target` shows it.
    await first.click();
    cardOpensWithoutJs = await plain.locator(`[id="${target}"]`).isVisible();
  }
  await noJs.close();

  return {
    url,
    requests: recorder.transfers.length,
    totalBytes: Object.values(bytes).reduce((a, b) => a + b, 0),
    bytes,
    htmlEncoding,
    transfers: recorder.transfers,
    ...facts,
    layoutShift,
    cardOpensWithoutJs,
    readableWithoutJs,
  };
}
