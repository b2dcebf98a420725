/**
 * The reader's saved articles (title, address, day, and the files saved with each), kept in
 * localStorage beside the `saved-articles` cache that holds the files themselves. The
 * offline page lists them; removing an article deletes the files no other saved article uses.
 */
import { CACHE_NAMES } from './cache-names';

export interface SavedArticle {
  /** The article page's path, with the base: `/news/articles/x/`. */
  url: string;
  title: string;
  /** Publication day, `YYYY-MM-DD`, or empty. */
  date: string;
  /** Every path saved with it: the page, its card pages and images. */
  files: string[];
  /** The edition of the site it was saved from (see saved-editions.ts); absent in lists saved before editions. */
  edition?: string;
}

const STORAGE_KEY = 'annotated-news:saved-articles';

const isSaved = (value: unknown): value is SavedArticle =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SavedArticle).url === 'string' &&
  typeof (value as SavedArticle).title === 'string' &&
  Array.isArray((value as SavedArticle).files);

/** Saved articles, newest saved first; an unreadable store reads as empty. */
export function readSavedList(): SavedArticle[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSaved) : [];
  } catch {
    return [];
  }
}

export function writeSavedList(list: readonly SavedArticle[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
}

/** Files of `removed` that no article left in `kept` uses. */
export function filesOnlyIn(removed: SavedArticle, kept: readonly SavedArticle[]): string[] {
  const stillUsed = new Set(kept.flatMap((article) => article.files));
  return removed.files.filter((file) => !stillUsed.has(file));
}

/** Whether each article is saved: in the list and its page still in the cache. */
export async function savedPaths(paths: readonly string[]): Promise<Set<string>> {
  const listed = new Set(readSavedList().map((article) => article.url));
  const cache = await caches.open(CACHE_NAMES.saved);
  const saved = new Set<string>();
  for (const path of paths) if (listed.has(path) && (await cache.match(path))) saved.add(path);
  return saved;
}
