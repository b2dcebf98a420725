import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One search record as Pagefind wrote it (a fragment file of the bundle). */
export interface WrittenRecord {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/**
 * Reads every record of a written Pagefind bundle: each fragment is gzipped JSON behind a
 * `pagefind_dcd` signature (Pagefind 1.x bundle format).
 */
export function readWrittenRecords(distDir: string): WrittenRecord[] {
  const dir = path.join(distDir, 'pagefind', 'fragment');
  if (!fs.existsSync(dir)) throw new Error(`No Pagefind bundle in ${distDir}: did the search integration run?`);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const text = gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
      const signature = 'pagefind_dcd';
      if (!text.startsWith(signature)) throw new Error(`${name} is not a Pagefind fragment`);
      return JSON.parse(text.slice(signature.length)) as WrittenRecord;
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** A passage of a written record (meta `passages`), with the words it covers in the stored content. */
export interface WrittenPassage {
  i: string;
  k: string;
  text: string;
  s?: string;
  t?: string;
  x?: string;
  a?: string;
  u?: string;
}

type Span = [number, number];

/**
 * The passages a record lists, each with its own words and its speaker, statement and further
 * words read back from the content Pagefind stored (the entries point at them by word position).
 */
export function passagesOf(record: Pick<WrittenRecord, 'content' | 'meta'>): WrittenPassage[] {
  const words = record.content.split(/\s+/);
  const at = ([first, count]: Span) => words.slice(first, first + count).join(' ');
  const entries = JSON.parse(record.meta.passages ?? '[]') as (Pick<WrittenPassage, 'i' | 'k' | 'a' | 'u'> & {
    w: Span;
    c?: Span;
    s?: Span;
    t?: Span;
    x?: Span;
  })[];
  return entries.map(({ w, c, s, t, x, ...passage }) => {
    const text = at(w);
    return {
      ...passage,
      text: c ? text.slice(c[0], text.length - c[1]) : text,
      ...(s ? { s: at(s) } : {}),
      ...(t ? { t: at(t) } : {}),
      ...(x ? { x: at(x) } : {}),
    };
  });
}

/** The precache list of a Workbox-generated service worker: `{url, revision}` entries. */
export function readPrecacheManifest(distDir: string): { url: string; revision: string | null }[] {
  const source = fs.readFileSync(path.join(distDir, 'sw.js'), 'utf8');
  const entries = [...source.matchAll(/\{url:"([^"]+)",revision:(?:"([^"]*)"|null)\}/g)].map((m) => ({
    url: m[1]!,
    revision: m[2] ?? null,
  }));
  if (entries.length === 0) throw new Error('sw.js has no precache manifest');
  return entries;
}
