import type { RuntimeCaching } from 'workbox-build';
import { CACHE_NAMES } from './cache-names';

/**
 * Service-worker code written as source text: Workbox copies a function's `toString()` into
 * `sw.js`, and text is the one form a build tool (TypeScript, esbuild's name keeping) cannot
 * rewrite into something that needs helpers the service worker does not have.
 */
function workerFunction(source: string): () => never {
  const placeholder = (): never => {
    throw new Error('Runs only inside the service worker.');
  };
  return Object.assign(placeholder, { toString: () => source });
}

/** The cache key without its query string: a static host ignores `?q=`, `?highlight=`, `?ts=`. */
const withoutQuery = {
  cacheKeyWillBeUsed: workerFunction(`async ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    return url.href;
  }`),
};

/**
 * When a page cannot be fetched: the same page from any cache (saved, opened, precached;
 * a precached page is stored as `…/index.html`), else the offline page.
 */
const offlineFallback = {
  handlerDidError: workerFunction(`async ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    const options = { ignoreSearch: true };
    const page = (await caches.match(url.href, options)) ||
      (url.pathname.endsWith('/') ? await caches.match(url.href + 'index.html', options) : undefined);
    return page || caches.match(new URL('offline/index.html', self.registration.scope).href, options);
  }`),
};

/** An asset the network cannot give: any cache's copy (a saved page keeps its build's stylesheet). */
const anyCache = {
  handlerDidError: workerFunction(`async ({ request }) => caches.match(request.url, { ignoreSearch: true })`),
};

/** Same-origin `_astro/` files and images: content-hashed or rarely changed, so cache first. */
const isAsset = workerFunction(
  `({ url, sameOrigin }) => sameOrigin && /\\/_astro\\/|\\.(?:avif|webp|png|jpe?g|gif|svg|ico)$/.test(url.pathname)`,
);
/** Pagefind's index, fragment, filter and metadata files: their names carry their content's hash. */
const isSearchData = workerFunction(
  `({ url, sameOrigin }) => sameOrigin && /\\/pagefind\\/.+\\.pf_(?:fragment|index|filter|meta)$/.test(url.pathname)`,
);
const isNavigation = workerFunction(`({ request }) => request.mode === 'navigate'`);

/**
 * What the service worker caches as the reader goes (after the precache, which answers
 * first): every page opened (network first, so a reader online always gets the latest
 * build), the assets and images it loads, and the search files a search fetched.
 */
export const RUNTIME_CACHING: RuntimeCaching[] = [
  {
    urlPattern: isNavigation,
    handler: 'NetworkFirst',
    options: {
      cacheName: CACHE_NAMES.pages,
      matchOptions: { ignoreSearch: true },
      expiration: { maxEntries: 500, purgeOnQuotaError: true },
      plugins: [withoutQuery, offlineFallback],
    },
  },
  {
    urlPattern: isAsset,
    handler: 'CacheFirst',
    options: {
      cacheName: CACHE_NAMES.assets,
      expiration: { maxEntries: 500, purgeOnQuotaError: true },
      plugins: [withoutQuery, anyCache],
    },
  },
  {
    urlPattern: isSearchData,
    handler: 'CacheFirst',
    options: {
      cacheName: CACHE_NAMES.search,
      expiration: { maxEntries: 2000, purgeOnQuotaError: true },
      plugins: [withoutQuery],
    },
  },
];
