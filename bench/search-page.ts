import type { Browser, Page } from 'playwright-core';
import { measuringContext, recordTransfers, type Transfer } from './browser';
import type { CorpusArticle } from './corpus';
import { pagefindFileKind } from './search-index';

/**
 * Search measured as a reader meets it: through the real search page (`/search/`), counting
 * whatever the page fetches to search, whatever the index looks like. Nothing here depends
 * on Pagefind's filter names or record layout.
 */

export interface SearchPageStep {
  query: string;
  /** Results the page announced (its status line), and result items it shows. */
  results: number | null;
  shown: number;
  requests: number;
  totalBytes: number;
  /** Bytes by kind of file, from the name (runtime, wasm, metadata, chunks, filters, fragments, other). */
  bytes: Record<string, number>;
  transfers: Transfer[];
}

export interface SearchPageMeasurement {
  url: string;
  /** The page's own document, CSS, JS, fonts and images, not counted in the searches. */
  page: { requests: number; bytes: number };
  /** `/search/?q=<word>&type=quote` opened cold. */
  first: SearchPageStep;
  /** Another word typed into the same page's search box afterwards. */
  later: SearchPageStep;
}

/** The page's search box, as src/search/client/search-page.ts finds it. */
export const SEARCH_BOX = '[data-search-form] input[name="q"]';
const SEARCH_STATUS = '[data-search-status]';
const SEARCH_RESULTS = '[data-search-results]';

const OWN_TYPES = new Set(['document', 'stylesheet', 'font', 'image', 'manifest']);

/** Whether a request is part of the page itself (its document, CSS, Astro's JS, fonts, images) rather than of a search. */
export function isPageOwnRequest(transfer: Pick<Transfer, 'url' | 'type'>, basePath = '/'): boolean {
  if (OWN_TYPES.has(transfer.type)) return true;
  const pathname = new URL(transfer.url).pathname;
  return pathname.startsWith(`${basePath}_astro/`) || /\/favicon\.[a-z]+$/.test(pathname);
}

/**
 * The vocabulary words that occur in the most quotes of a corpus, most first: searches for
 * them are quote searches that find something.
 */
export function quoteWords(articles: readonly CorpusArticle[], vocabulary: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const quote of articles.flatMap((a) => a.quotes)) {
    const words = new Set(quote.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const word of vocabulary) if (words.has(word.toLowerCase())) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([word]) => word);
}

/** Waits until the page shows the outcome of a search for `query` (its status names the query), then for a quiet network. */
async function searchShown(
  page: Page,
  query: string,
  settle: () => Promise<void>,
): Promise<{ results: number | null; shown: number }> {
  await page.waitForFunction(
    ({ query, status, results }) => {
      const line = document.querySelector(status);
      if (line?.getAttribute('data-kind') === 'error') throw new Error(`search failed: ${line.textContent}`);
      const list = document.querySelector(results);
      return Boolean(line?.textContent?.includes(`“${query}”`) && list && !list.hasAttribute('aria-busy'));
    },
    { query, status: SEARCH_STATUS, results: SEARCH_RESULTS },
    { timeout: 120_000 },
  );
  await settle();
  const text = (await page.locator(SEARCH_STATUS).textContent()) ?? '';
  const count = /^(\d[\d,]*)\s/.exec(text.trim());
  return {
    results: count ? Number(count[1]!.replace(/,/g, '')) : /^No results/.test(text.trim()) ? 0 : null,
    shown: await page.locator(`${SEARCH_RESULTS} > li`).count(),
  };
}

function step(
  query: string,
  outcome: { results: number | null; shown: number },
  transfers: Transfer[],
): SearchPageStep {
  const bytes: Record<string, number> = {};
  for (const transfer of transfers) {
    const kind = pagefindFileKind(new URL(transfer.url).pathname);
    bytes[kind] = (bytes[kind] ?? 0) + transfer.bytes;
  }
  return {
    query,
    ...outcome,
    requests: transfers.length,
    totalBytes: transfers.reduce((sum, t) => sum + t.bytes, 0),
    bytes,
    transfers: [...transfers],
  };
}

/**
 * Opens `<site>search/?q=<first>&type=quote` in a cold context (service workers blocked, cache
 * off) and counts what the search fetched beyond the page itself; then types `later` into the
 * page's search box and counts what that adds.
 */
export async function measureSearchPage(
  browser: Browser,
  siteUrl: string,
  first: string,
  later: string,
): Promise<SearchPageMeasurement> {
  const basePath = new URL(siteUrl).pathname;
  const url = `${siteUrl}search/?q=${encodeURIComponent(first)}&type=quote`;
  const context = await measuringContext(browser);
  try {
    const page = await context.newPage();
    const recorder = await recordTransfers(page);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const firstShown = await searchShown(page, first, recorder.settle);
    const own = recorder.transfers.filter((t) => isPageOwnRequest(t, basePath));
    const firstStep = step(
      first,
      firstShown,
      recorder.transfers.filter((t) => !isPageOwnRequest(t, basePath)),
    );

    recorder.reset();
    const box = page.locator(SEARCH_BOX);
    await box.click();
    await box.press('ControlOrMeta+A');
    // Faster than the page's typing delay, so one search runs, for the whole word.
    await box.pressSequentially(later, { delay: 30 });
    const laterShown = await searchShown(page, later, recorder.settle);
    return {
      url,
      page: { requests: own.length, bytes: own.reduce((sum, t) => sum + t.bytes, 0) },
      first: firstStep,
      // A late request of the page itself (its icon) is not the search's either.
      later: step(
        later,
        laterShown,
        recorder.transfers.filter((t) => !isPageOwnRequest(t, basePath)),
      ),
    };
  } finally {
    await context.close();
  }
}
