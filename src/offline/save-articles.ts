/**
 * Saving articles for offline reading, in the browser: each article page, the person and
 * claim pages it links to and its images go into the `saved-articles` cache, which the
 * service worker answers from when the network is gone and which no new build replaces.
 */
import { CACHE_NAMES } from './cache-names';
import { siteUrls } from '../lib/urls';
import { currentEdition } from './saved-editions';
import { filesOnlyIn, readSavedList, writeSavedList, type SavedArticle } from './saved-list';

/** Card pages an article links to (within the article, not the site's header or footer). */
const CARD_LINKS = 'a[href*="/people/"], a[href*="/claims/"]';

const pathOf = (href: string, base: string) => {
  const url = new URL(href, base);
  return url.origin === location.origin ? url.pathname : undefined;
};

/** Image URLs of the article: every `src` and every candidate of every `srcset`. */
function imagePaths(article: Element, pageUrl: string): string[] {
  const urls: string[] = [];
  for (const element of article.querySelectorAll('img[src], img[srcset], source[srcset]')) {
    const src = element.getAttribute('src');
    if (src) urls.push(src);
    for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.push(url);
    }
  }
  return urls.flatMap((url) => pathOf(url, pageUrl) ?? []);
}

/**
 * The page's stylesheets and scripts: a later build replaces them (their names carry a
 * content hash), and a saved page must still find the ones it was built with.
 */
function pageAssets(doc: Document, pageUrl: string): string[] {
  return [...doc.querySelectorAll('link[rel~="stylesheet"][href], script[src]')].flatMap(
    (element) => pathOf(element.getAttribute('href') ?? element.getAttribute('src') ?? '', pageUrl) ?? [],
  );
}

/** What to save with an article page: its card pages, images, stylesheets and scripts, each once. */
function filesOfArticle(doc: Document, pageUrl: string): string[] {
  const article = doc.querySelector('article') ?? doc.body;
  const cards = [...article.querySelectorAll<HTMLAnchorElement>(CARD_LINKS)].flatMap((link) => {
    const path = pathOf(link.getAttribute('href') ?? '', pageUrl);
    return path ? [path.replace(/\/?$/, '/')] : [];
  });
  return [...new Set([...cards, ...imagePaths(article, pageUrl), ...pageAssets(doc, pageUrl)])];
}

/** Fetches one file into the cache; a file that fails leaves the rest saved. */
async function store(cache: Cache, path: string): Promise<boolean> {
  try {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (!response.ok) return false;
    await cache.put(path, response);
    return true;
  } catch {
    return false;
  }
}

interface SaveOptions {
  /** The edition being saved, when the caller has read it already. */
  edition?: string;
  /** Keep the article's place in the saved list (bringing it up to date), rather than putting it first. */
  keepPlace?: boolean;
}

/**
 * Saves an article page (a path such as `/articles/x/`) with its cards and images, as the
 * edition of the site now served. Saving again replaces the page and its files.
 */
export async function saveArticle(path: string, options: SaveOptions = {}): Promise<SavedArticle> {
  const edition = options.edition ?? (await currentEdition(siteUrls(import.meta.env.BASE_URL).base));
  const cache = await caches.open(CACHE_NAMES.saved);
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.clone().text();
  await cache.put(path, response);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const extras = filesOfArticle(doc, new URL(path, location.href).href);
  const stored = await Promise.all(extras.map(async (file) => ((await store(cache, file)) ? file : undefined)));
  const saved: SavedArticle = {
    url: path,
    title: doc.querySelector('h1')?.textContent?.trim() || path,
    date: doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? '',
    files: [path, ...stored.filter((file): file is string => Boolean(file))],
    edition,
  };
  const list = readSavedList();
  const place = list.findIndex((article) => article.url === path);
  if (options.keepPlace && place !== -1) {
    // Files only the earlier copy used (a renamed stylesheet, a removed image) go with it.
    const others = list.filter((article) => article.url !== path);
    const unused = filesOnlyIn(list[place]!, [...others, saved]);
    await Promise.all(unused.map((file) => cache.delete(file)));
    writeSavedList(list.map((article, index) => (index === place ? saved : article)));
  } else writeSavedList([saved, ...list.filter((article) => article.url !== path)]);
  return saved;
}

/** Removes saved articles and the files that no other saved article uses. */
export async function removeArticles(paths: readonly string[]): Promise<void> {
  const list = readSavedList();
  const kept = list.filter((article) => !paths.includes(article.url));
  const removed = list.filter((article) => paths.includes(article.url));
  const cache = await caches.open(CACHE_NAMES.saved);
  for (const article of removed) {
    await Promise.all(filesOnlyIn(article, kept).map((file) => cache.delete(file)));
  }
  writeSavedList(kept);
}

/**
 * Asks the browser to keep saved articles when storage runs short (without it they may be
 * evicted), and says how much space the site's offline copies take.
 */
export async function keepAndMeasure(): Promise<{ persisted: boolean; usage?: number }> {
  const persisted = navigator.storage?.persist ? await navigator.storage.persist() : false;
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : undefined;
  return { persisted, usage: estimate?.usage };
}

/** "2.4 MB": bytes for a status line. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
