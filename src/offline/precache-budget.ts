/**
 * Which built files the service worker precaches: what a reader's first visit downloads in
 * the background, whatever the archive's size. A site that fits the budget whole is
 * precached whole (readable and searchable offline after one visit). A larger one gets the
 * app shell (stylesheet, scripts, home, search, offline and 404 pages, icon, Pagefind's
 * runtime) and then its newest articles while they fit; everything else is cached at run
 * time as the reader opens it. README ("Offline") documents the numbers.
 */

export interface TransferBudget {
  /** Bytes on the wire (gzip-compressed where a host compresses, plus response headers). */
  bytes: number;
  requests: number;
}

/** What a first visit may download in the background, at any archive size. */
export const FIRST_VISIT_BUDGET: TransferBudget = { bytes: 2_000_000, requests: 100 };

/**
 * Set aside for the page the reader opened (its HTML, stylesheet, scripts, icon and `sw.js`),
 * which the first visit downloads too; the precache gets the rest.
 */
export const OPENED_PAGE_ALLOWANCE: TransferBudget = { bytes: 250_000, requests: 12 };

export const PRECACHE_BUDGET: TransferBudget = {
  bytes: FIRST_VISIT_BUDGET.bytes - OPENED_PAGE_ALLOWANCE.bytes,
  requests: FIRST_VISIT_BUDGET.requests - OPENED_PAGE_ALLOWANCE.requests,
};

/** Response headers of one request, counted on top of its body. */
export const HEADER_BYTES_PER_REQUEST = 400;

export type PrecacheRole = 'shell' | 'article' | 'other';

export interface PrecacheCandidate {
  /** Relative to the site root: `articles/x/index.html`, `pagefind/pagefind.js`. */
  url: string;
  role: PrecacheRole;
}

export interface BudgetSelection<T extends PrecacheCandidate> {
  entries: T[];
  /** Estimated bytes on the wire, headers included. */
  bytes: number;
  /** True when the whole site fits and is precached. */
  wholeSite: boolean;
  /** Article pages left out (they are cached when opened or saved). */
  skippedArticles: number;
  /** The shell alone is over budget (it is kept anyway). */
  shellOverBudget: boolean;
}

/**
 * @param newestFirst article pages (`articles/<slug>/index.html` entries), newest first.
 * @param transferSize estimated bytes on the wire of one file, without headers.
 */
export function selectWithinBudget<T extends PrecacheCandidate>(
  candidates: readonly T[],
  newestFirst: readonly T[],
  transferSize: (entry: T) => number,
  budget: TransferBudget = PRECACHE_BUDGET,
): BudgetSelection<T> {
  const cost = (entry: T) => transferSize(entry) + HEADER_BYTES_PER_REQUEST;
  const sum = (list: readonly T[]) => list.reduce((total, entry) => total + cost(entry), 0);
  // Counting comes first: a large archive is ruled out without sizing thousands of files.
  if (candidates.length <= budget.requests) {
    const bytes = sum(candidates);
    if (bytes <= budget.bytes) {
      return { entries: [...candidates], bytes, wholeSite: true, skippedArticles: 0, shellOverBudget: false };
    }
  }
  const entries = candidates.filter((entry) => entry.role === 'shell');
  let bytes = sum(entries);
  const shellOverBudget = bytes > budget.bytes || entries.length > budget.requests;
  let taken = 0;
  for (const article of newestFirst) {
    const size = cost(article);
    // Once one article does not fit, older ones are left out too: the newest stay together.
    if (entries.length + 1 > budget.requests || bytes + size > budget.bytes) break;
    entries.push(article);
    bytes += size;
    taken++;
  }
  return { entries, bytes, wholeSite: false, skippedArticles: newestFirst.length - taken, shellOverBudget };
}
