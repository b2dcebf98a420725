/**
 * The caches the site keeps offline besides Workbox's precache: pages the reader opened,
 * assets and images, search files, and the articles the reader saved (which no build
 * replaces: only the reader removes them).
 */
export const CACHE_NAMES = {
  pages: 'opened-pages',
  assets: 'assets',
  search: 'search-data',
  saved: 'saved-articles',
} as const;
