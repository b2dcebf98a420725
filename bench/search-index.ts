import fs from 'node:fs';
import path from 'node:path';
import { walkFiles } from './build';

/**
 * The search index a built site serves. `project` is the index the project's own build writes
 * to `<dist>/pagefind/` (Pagefind pages plus custom records for quotes, claims, people and
 * figures). `stand-in` is one the bench writes itself with Pagefind's Node API over the built
 * HTML pages only, into `<dist>/bench-pagefind/`: it lets the search measurements run on a
 * build that has no index of its own, and is always labelled as such in the results.
 */
export interface SearchIndex {
  source: 'project' | 'stand-in';
  /** Folder of the bundle inside dist, relative to the site root, with a trailing slash. */
  bundlePath: string;
  files: number;
  bytes: number;
  /** Files by kind (index chunks, fragments, filters, metadata, runtime, wasm). */
  breakdown: Record<string, { files: number; bytes: number }>;
}

export const PROJECT_BUNDLE = 'pagefind/';
export const STAND_IN_BUNDLE = 'bench-pagefind/';

/** What a Pagefind bundle file is, from its name: runtime, wasm, metadata, chunk, filter or fragment. */
export function pagefindFileKind(name: string): string {
  if (/\.pf_index$/.test(name)) return 'chunks';
  if (/\.pf_fragment$/.test(name)) return 'fragments';
  if (/\.pf_filter$/.test(name)) return 'filters';
  if (/\.pf_meta$/.test(name) || /pagefind-entry\.json$/.test(name)) return 'metadata';
  if (/wasm\.[a-z-]+\.pagefind$/.test(name) || /\.wasm$/.test(name)) return 'wasm';
  if (/\.(js|mjs)$/.test(name)) return 'runtime';
  return 'other';
}

function describe(dist: string, bundlePath: string, source: SearchIndex['source']): SearchIndex {
  const files = walkFiles(path.join(dist, bundlePath));
  const breakdown: SearchIndex['breakdown'] = {};
  let bytes = 0;
  for (const file of files) {
    const size = fs.statSync(file).size;
    const kind = pagefindFileKind(file);
    breakdown[kind] ??= { files: 0, bytes: 0 };
    breakdown[kind].files++;
    breakdown[kind].bytes += size;
    bytes += size;
  }
  return { source, bundlePath, files: files.length, bytes, breakdown };
}

/** The project's own index in a built site, or null when the build wrote none. */
export function projectIndex(dist: string): SearchIndex | null {
  if (!fs.existsSync(path.join(dist, PROJECT_BUNDLE, 'pagefind.js'))) return null;
  return describe(dist, PROJECT_BUNDLE, 'project');
}

export interface StandInIndex extends SearchIndex {
  /** Wall time of createIndex → addDirectory → writeFiles, ms. */
  indexingMs: number;
  pagesIndexed: number;
}

/**
 * Indexes the built HTML with Pagefind's Node API (as a site's `astro:build:done` step would)
 * into `<dist>/bench-pagefind/`, and times it.
 */
export async function buildStandInIndex(dist: string): Promise<StandInIndex> {
  const pagefind = await import('pagefind');
  const outputPath = path.join(dist, STAND_IN_BUNDLE);
  fs.rmSync(outputPath, { recursive: true, force: true });
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(`Pagefind could not index ${dist}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    const indexingMs = Math.round(performance.now() - started);
    return { ...describe(dist, STAND_IN_BUNDLE, 'stand-in'), indexingMs, pagesIndexed: added.page_count };
  } finally {
    await pagefind.close();
  }
}
