/**
 * Editions of the site, so that saved articles follow a new build. A build's edition is the
 * content hash Pagefind gives its index (`pagefind-entry.json`), which changes whenever an
 * indexed text changes and not otherwise. The service worker answers that file from the
 * precache of the build it serves, so the edition read is the one the reader's pages and search
 * come from, online or offline; saved articles are fetched again when it changes.
 */
import { siteUrls } from '../lib/urls';
import { readSavedList, type SavedArticle } from './saved-list';

interface PagefindEntry {
  languages?: Record<string, { hash?: string }>;
}

/** The edition the site is served in, or undefined when it cannot be read. */
export async function currentEdition(base: string): Promise<string | undefined> {
  try {
    const response = await fetch(siteUrls(base).path('pagefind/pagefind-entry.json'), { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const { languages = {} } = (await response.json()) as PagefindEntry;
    const hashes = Object.values(languages).flatMap(({ hash }) => (hash ? [hash] : []));
    return hashes.length ? hashes.sort().join(' ') : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a saved article is from an edition before the one served. */
export const fromEarlierEdition = (article: SavedArticle, edition: string | undefined) =>
  edition !== undefined && article.edition !== edition;

/**
 * Saves again, one at a time, every saved article from an earlier edition, while the browser is
 * online; one that cannot be fetched keeps its copy (and says it is from an earlier edition).
 * Returns how many were brought up to date.
 */
export async function refreshSavedArticles(base: string): Promise<number> {
  if (!navigator.onLine) return 0;
  const saved = readSavedList();
  if (saved.length === 0) return 0;
  const edition = await currentEdition(base);
  const stale = saved.filter((article) => fromEarlierEdition(article, edition));
  if (stale.length === 0) return 0;
  const { saveArticle } = await import('./save-articles');
  let updated = 0;
  for (const article of stale) {
    try {
      await saveArticle(article.url, { edition, keepPlace: true });
      updated++;
    } catch {
      // Kept as it was: still readable, and labelled as an earlier edition.
    }
  }
  return updated;
}
