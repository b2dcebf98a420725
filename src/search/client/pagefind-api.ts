import { siteUrls } from '../../lib/urls';
import type { PagefindFilter } from './search-state';

/** The part of Pagefind's browser API (`/pagefind/pagefind.js`) the search page uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `null` as the term lists everything the filters match. */
  search(term: string | null, options?: { filters?: Record<string, PagefindFilter> }): Promise<PagefindResponse>;
  /**
   * Downloads what `search(term, options)` would need (the index chunks of its words and the
   * data of the filters it names) without searching; `null` as the term loads filters only.
   */
  preload(term: string | null, options?: { filters?: Record<string, PagefindFilter> }): Promise<void>;
}

/** Filter name → value → number of results. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Results per filter value with the current filters applied (empty when none were given). */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResultData {
  /** With the base path, ready to link. */
  url: string;
  /** The matched text with `<mark>` around matches (`<` and `>` escaped). */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/**
 * Loads Pagefind from where the build wrote it, under the base path. Pagefind works out
 * its own base path (and so the result URLs) from that location. `init()` fetches the
 * runtime and the index metadata, so the first search does not wait for them; no filter
 * data is loaded until a search needs it (`pagefind.filters()` would fetch every filter,
 * the `article` filter's thousand titles included).
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
  const url = siteUrls(base).path('pagefind/pagefind.js');
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}
