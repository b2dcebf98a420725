/**
 * Which built files the service worker precaches when the site is larger than the budget.
 * Always: the site's shell (CSS, JS, home, search, quotes and 404 pages) and the whole
 * search bundle, so search works offline. Then articles, newest first, then the card pages
 * (people, claims), each while it still fits. README ("Offline") documents the order.
 */

export interface SizedEntry {
  /** Relative to the site root: `articles/x/index.html`, `pagefind/pagefind.js`. */
  url: string;
  size: number;
}

export interface BudgetSelection<T extends SizedEntry> {
  entries: T[];
  bytes: number;
  /** Article slugs left out, oldest last. */
  skippedArticles: string[];
  skippedCardPages: number;
  /** The shell and search bundle alone are over budget (they are kept anyway). */
  shellOverBudget: boolean;
}

/** 10 MiB: the shell and search bundle plus roughly a hundred articles with their cards. */
export const DEFAULT_PRECACHE_BUDGET_BYTES = 10 * 1024 * 1024;

const articleSlug = (url: string) => /^articles\/([^/]+)\//.exec(url)?.[1];
const isCardPage = (url: string) => /^(people|claims)\//.test(url);

/**
 * @param newestFirst article slugs ordered newest first; articles not listed come last.
 */
export function selectWithinBudget<T extends SizedEntry>(
  entries: readonly T[],
  budget: number,
  newestFirst: readonly string[],
): BudgetSelection<T> {
  const shell: T[] = [];
  const articles = new Map<string, T[]>();
  const cards: T[] = [];
  for (const entry of entries) {
    const slug = articleSlug(entry.url);
    if (slug) articles.set(slug, [...(articles.get(slug) ?? []), entry]);
    else if (isCardPage(entry.url)) cards.push(entry);
    else shell.push(entry);
  }
  const rank = (slug: string) => {
    const at = newestFirst.indexOf(slug);
    return at === -1 ? newestFirst.length : at;
  };
  const orderedSlugs = [...articles.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  const sum = (list: readonly T[]) => list.reduce((total, entry) => total + entry.size, 0);
  const selected = [...shell];
  let bytes = sum(shell);
  const shellOverBudget = bytes > budget;
  const skippedArticles: string[] = [];
  for (const slug of orderedSlugs) {
    const files = articles.get(slug)!;
    // Once one article does not fit, older ones are left out too: the newest stay together.
    if (skippedArticles.length === 0 && bytes + sum(files) <= budget) {
      selected.push(...files);
      bytes += sum(files);
    } else skippedArticles.push(slug);
  }
  let skippedCardPages = 0;
  for (const card of [...cards].sort((a, b) => a.url.localeCompare(b.url))) {
    if (bytes + card.size <= budget) {
      selected.push(card);
      bytes += card.size;
    } else skippedCardPages++;
  }
  return { entries: selected, bytes, skippedArticles, skippedCardPages, shellOverBudget };
}
