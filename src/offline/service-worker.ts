import fs from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import { SERVICE_WORKER_FILE } from './service-worker-file';
import { selectWithinBudget, type BudgetSelection, type SizedEntry } from './precache-budget';

/** What the shell, the articles, the cards and search need offline. */
const PRECACHE_PATTERNS = [
  '**/*.{html,css,js,mjs,json,jsonld,svg,png,jpg,webp,avif,ico,woff2,webmanifest}',
  'pagefind/**/*',
];
/** Pagefind's ready-made UIs, which the site does not load (it has its own search page). */
const UNUSED = [
  'pagefind/pagefind-ui.*',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/playground/**',
];

export interface ServiceWorkerOptions {
  /** The built site, with the Pagefind bundle already written. */
  outDir: string;
  /** Bytes above which only the newest articles are precached. */
  budgetBytes: number;
}

export interface ServiceWorkerSummary {
  file: string;
  count: number;
  bytes: number;
  selection: BudgetSelection<SizedEntry>;
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
 * Slugs of the built articles, newest first, from the publication time each page declares
 * in its head: a look at the head of each file, not a parse of the whole page.
 */
export function articlesNewestFirst(outDir: string): string[] {
  const articlesDir = path.join(outDir, 'articles');
  if (!fs.existsSync(articlesDir)) return [];
  const dated: { slug: string; published: string }[] = [];
  for (const slug of fs.readdirSync(articlesDir)) {
    const file = path.join(articlesDir, slug, 'index.html');
    if (!fs.existsSync(file)) continue;
    dated.push({ slug, published: PUBLISHED_TIME.exec(pageHead(file))?.[1] ?? '' });
  }
  return dated
    .sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug))
    .map(({ slug }) => slug);
}

/**
 * Writes `<outDir>/sw.js` with Workbox: a precache of the built files (each with a content
 * revision) that installs in the background and takes over only when no page of the old
 * version is open, then deletes the entries the new build no longer lists. A site is thus
 * read and searched offline from one build's files, never a mix of two.
 */
export async function writeServiceWorker({ outDir, budgetBytes }: ServiceWorkerOptions): Promise<ServiceWorkerSummary> {
  const newestFirst = articlesNewestFirst(outDir);
  let selection: BudgetSelection<SizedEntry> | undefined;
  const file = path.join(outDir, SERVICE_WORKER_FILE);
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: [SERVICE_WORKER_FILE, ...UNUSED],
    swDest: file,
    // URLs stay relative to sw.js, which sits at the base path: the site works under any BASE_PATH.
    directoryIndex: 'index.html',
    // A static host ignores query strings; so does the cache (`?q=` on search, `?highlight=`, Pagefind's `?ts=`).
    ignoreURLParametersMatching: [/./],
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    maximumFileSizeToCacheInBytes: budgetBytes,
    manifestTransforms: [
      (entries) => {
        selection = selectWithinBudget(entries, budgetBytes, newestFirst);
        return { manifest: selection.entries as typeof entries, warnings: [] };
      },
    ],
  });
  return { file, count, bytes: size, selection: selection!, warnings };
}
