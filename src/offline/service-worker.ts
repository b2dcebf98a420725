import fs from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import { SERVICE_WORKER_FILE } from './service-worker-file';
import { PRECACHE_BUDGET, selectWithinBudget, type BudgetSelection, type TransferBudget } from './precache-budget';
import { RUNTIME_CACHING } from './runtime-caching';
import { ARTICLE_PAGE, offlineCandidates, transferSize } from './site-files';
import type { PrecacheCandidate } from './precache-budget';

interface ServiceWorkerOptions {
  /** The built site, with the Pagefind bundle already written. */
  outDir: string;
  /** What the precache may download on a first visit; PRECACHE_BUDGET by default. */
  budget?: TransferBudget;
}

interface ServiceWorkerSummary {
  file: string;
  count: number;
  /** Bytes on disk of the precached files. */
  size: number;
  selection: BudgetSelection<PrecacheCandidate>;
  /** Workbox's notes, e.g. a file too large to precache. */
  warnings: string[];
}

const PUBLISHED_TIME = /<meta property="article:published_time" content="([^"]*)"/;
const HEAD_BYTES = 16 * 1024;

/** The start of a page, up to `</head>` when that comes within HEAD_BYTES. */
function pageHead(file: string): string {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, HEAD_BYTES, 0));
    const end = text.indexOf('</head>');
    return end === -1 ? text : text.slice(0, end);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Article pages newest first, from the publication time each page declares in its head:
 * a look at the head of each file, not a parse of the whole page.
 */
function articlesNewestFirst<T extends PrecacheCandidate>(outDir: string, candidates: readonly T[]): T[] {
  return candidates
    .filter((entry) => ARTICLE_PAGE.test(entry.url))
    .map((entry) => ({ entry, published: PUBLISHED_TIME.exec(pageHead(path.join(outDir, entry.url)))?.[1] ?? '' }))
    .sort((a, b) => b.published.localeCompare(a.published) || a.entry.url.localeCompare(b.entry.url))
    .map(({ entry }) => entry);
}

/** A literal path as a glob pattern (file names may hold glob characters). */
const literalGlob = (url: string) => url.replace(/[*?[\]{}()!+@]/g, '\\$&');

/**
 * Writes `<outDir>/sw.js` with Workbox: a precache of the selected files (each with a content
 * revision) that installs in the background and takes over only when no page of the old
 * version is open, then deletes the entries the new build no longer lists; and run-time
 * caching of what the reader opens. Only the selected files are hashed, so a large archive
 * costs the build no more than a small one.
 */
export async function writeServiceWorker({
  outDir,
  budget = PRECACHE_BUDGET,
}: ServiceWorkerOptions): Promise<ServiceWorkerSummary> {
  const candidates = offlineCandidates(outDir, new Set([SERVICE_WORKER_FILE]));
  const selection = selectWithinBudget(
    candidates,
    articlesNewestFirst(outDir, candidates),
    (entry) => transferSize(outDir, entry.url),
    budget,
  );
  const file = path.join(outDir, SERVICE_WORKER_FILE);
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: selection.entries.map((entry) => literalGlob(entry.url)),
    swDest: file,
    // URLs stay relative to sw.js, which sits at the base path: the site works under any BASE_PATH.
    directoryIndex: 'index.html',
    // A static host ignores query strings; so does the cache (`?q=` on search, `?highlight=`, Pagefind's `?ts=`).
    ignoreURLParametersMatching: [/./],
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    runtimeCaching: RUNTIME_CACHING,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    maximumFileSizeToCacheInBytes: 50 * 1024 * 1024,
  });
  return { file, count, size, selection, warnings };
}
