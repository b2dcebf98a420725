import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PrecacheCandidate, PrecacheRole } from './precache-budget';

/**
 * Files a reader needs offline: pages, styles, scripts, images and the search bundle (not the
 * Web Annotations exports, which are for machines).
 */
const OFFLINE_FILE = /\.(?:html|css|js|mjs|json|svg|png|jpe?g|webp|avif|ico|woff2|webmanifest)$/;
/**
 * Not for readers of this site: Pagefind's ready-made UIs, which the site does not load (it
 * has its own search page), and its web worker, which the search page does not start (Pagefind
 * runs on the page's thread); claim cards and oEmbed files made for other sites; the open data.
 */
const UNUSED =
  /^(?:pagefind\/(?:pagefind-(?:ui|modular-ui|component-ui)\.|pagefind-worker\.js$|playground\/)|claims\/[^/]+\/(?:embed\/|oembed\.json)|data\/.+\.(?:json|csv))/;
/** What a static host compresses (nginx `gzip_types`, and HTML always). */
const COMPRESSED_BY_HOST = /\.(?:html|css|js|mjs|json|jsonld|svg|xml|webmanifest)$/;

/** Pages of the app shell, relative to the site root. */
const SHELL_PAGES = new Set(['index.html', 'search/index.html', 'offline/index.html', '404.html']);
/** Pagefind's runtime: what every search loads before it reads any index or fragment. */
const PAGEFIND_RUNTIME = new Set([
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind-highlight.js',
]);

export const ARTICLE_PAGE = /^articles\/[^/]+\/index\.html$/;

/** The WebAssembly files of the languages Pagefind indexed (`wasm.en.pagefind`). */
function pagefindWasm(outDir: string): Set<string> {
  const entry = path.join(outDir, 'pagefind', 'pagefind-entry.json');
  if (!fs.existsSync(entry)) return new Set();
  const { languages = {} } = JSON.parse(fs.readFileSync(entry, 'utf8')) as {
    languages?: Record<string, { wasm?: string }>;
  };
  return new Set(Object.values(languages).map(({ wasm }) => `pagefind/wasm.${wasm ?? 'unknown'}.pagefind`));
}

/** `Dirent.parentPath` (Node 20.12+), or `path` before it. */
const parentOf = (file: fs.Dirent) => file.parentPath ?? (file as unknown as { path: string }).path;

function roleOf(url: string, wasm: Set<string>): PrecacheRole {
  if (ARTICLE_PAGE.test(url)) return 'article';
  if (SHELL_PAGES.has(url) || PAGEFIND_RUNTIME.has(url) || wasm.has(url)) return 'shell';
  if (/^_astro\/[^/]+\.(?:css|js|mjs)$/.test(url) || /^pagefind\/[^/]+\.pf_meta$/.test(url)) return 'shell';
  // The icon and web app manifest at the site root.
  if (/^[^/]+\.(?:svg|ico|png|webmanifest)$/.test(url)) return 'shell';
  return 'other';
}

/**
 * Every built file a reader could need offline, with its role in the precache, sorted by
 * URL. Leaves out the service worker's own files.
 */
export function offlineCandidates(outDir: string, exclude: ReadonlySet<string>): PrecacheCandidate[] {
  const wasm = pagefindWasm(outDir);
  const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true });
  const candidates: PrecacheCandidate[] = [];
  for (const file of files) {
    if (!file.isFile()) continue;
    const url = path
      .relative(outDir, path.join(parentOf(file), file.name))
      .split(path.sep)
      .join('/');
    const searchData = url.startsWith('pagefind/') && !UNUSED.test(url);
    if (exclude.has(url) || (!searchData && (!OFFLINE_FILE.test(url) || UNUSED.test(url)))) continue;
    candidates.push({ url, role: roleOf(url, wasm) });
  }
  return candidates.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * Estimated bytes on the wire for one file: gzip at the lowest level (what nginx uses by
 * default, so the estimate errs high) for what hosts compress, the size on disk otherwise.
 */
export function transferSize(outDir: string, url: string): number {
  const file = path.join(outDir, url);
  if (!COMPRESSED_BY_HOST.test(url)) return fs.statSync(file).size;
  return gzipSync(fs.readFileSync(file), { level: 1 }).length;
}
