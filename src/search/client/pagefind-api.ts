import { siteUrls } from '../../lib/urls';
import type { PagefindFilters } from './search-state';

/** The part of Pagefind's browser API (`/pagefind/pagefind.js`) the search page uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `null` as the term lists everything the filters match. */
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse>;
  /**
   * Downloads what `search(term, options)` would need (the index chunks of its words and the
   * data of the filters it names) without searching; `null` as the term loads filters only.
   */
  preload(term: string | null, options?: { filters?: PagefindFilters }): Promise<void>;
  /** Drops the loaded index, so that `options()` and `init()` load it again. */
  destroy(): Promise<void>;
}

interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResultData {
  /** With the base path, ready to link. */
  url: string;
  /** The matched text with `<mark>` around matches (`<` and `>` escaped). */
  excerpt: string;
  /** The record's searchable words as stored, whitespace collapsed: passages are word positions in it. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/**
 * Loads Pagefind from where the build wrote it, under the base path. Pagefind works out
 * its own base path (and so the result URLs) from that location. Install a
 * {@link PagefindFetches} first: it sees what Pagefind fetches, and so whether a search
 * could look at all.
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
  const url = siteUrls(base).path('pagefind/pagefind.js');
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await startPagefind(pagefind);
  return pagefind;
}

/**
 * Starts (or starts again) Pagefind's search. `init()` fetches the entry, the WebAssembly and
 * the index metadata, so the first search does not wait for them; no filter data is loaded
 * until a search names a filter (`pagefind.filters()` would fetch them all). Pagefind runs on
 * the page's thread (`noWorker`): its worker would fetch the index where the page cannot see a
 * failed request, and swallow it. A search costs a few milliseconds of the page's time.
 */
async function startPagefind(pagefind: Pagefind): Promise<void> {
  await pagefind.options({ excerptLength: 24, noWorker: true });
  await pagefind.init();
}

/** Drops what Pagefind loaded and starts it again, after its entry, metadata or WebAssembly failed. */
export async function restartPagefind(pagefind: Pagefind): Promise<void> {
  await pagefind.destroy();
  await startPagefind(pagefind);
}
