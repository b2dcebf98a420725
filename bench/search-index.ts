import fs from 'node:fs';
import path from 'node:path';
import { walkFiles } from './build';

/**
 * The search index a built site serves: the one the project's own build writes to
 * `<dist>/pagefind/`, described by its files only (no assumption about its records).
 */
export interface SearchIndex {
  source: 'project';
  /** Folder of the bundle inside dist, relative to the site root, with a trailing slash. */
  bundlePath: string;
  files: number;
  bytes: number;
  /** Files by kind (index chunks, fragments, filters, metadata, runtime, wasm). */
  breakdown: Record<string, { files: number; bytes: number }>;
}

export const PROJECT_BUNDLE = 'pagefind/';

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
