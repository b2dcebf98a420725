/**
 * Matching for the offline search over saved and cached articles: plain records in, results
 * out, with no DOM, so it is tested on its own. A record matches when every word of the
 * query starts a word of the record (case and accents ignored), as Pagefind matches prefixes.
 */
import { foldCase } from '../lib/fold';

type SavedResultType = 'article' | 'quote' | 'claim' | 'person' | 'figure';

export interface SavedResult {
  url: string;
  type: SavedResultType;
  title: string;
  speaker?: string;
  /** The article's title, for passages. */
  article?: string;
  excerpt: string;
}

/** One searchable thing read from a cached page: an article, or a passage or card in it. */
export interface SavedRecord extends Omit<SavedResult, 'excerpt'> {
  /** Every word the record is found by. */
  content: string;
}

export interface SavedFilters {
  type?: string;
  speaker?: string;
}

const EXCERPT_CHARS = 160;

export function words(text: string): string[] {
  return foldCase(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The index in `text` where the first query word starts a word, or -1. */
function firstHit(text: string, queryWords: readonly string[]): number {
  const folded = foldCase(text);
  let best = -1;
  for (const word of queryWords) {
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'u').exec(folded)?.index ?? -1;
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best;
}

/** About EXCERPT_CHARS of the content around its first match, on word boundaries. */
export function excerptAround(content: string, queryWords: readonly string[]): string {
  const text = content.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const hit = Math.max(0, firstHit(text, queryWords));
  let start = Math.max(0, hit - EXCERPT_CHARS / 3);
  if (start > 0) start = text.indexOf(' ', start) + 1;
  let end = Math.min(text.length, start + EXCERPT_CHARS);
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), hit + 1);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function matchesFilters(record: SavedRecord, filters: SavedFilters): boolean {
  if (filters.type && record.type !== filters.type) return false;
  if (filters.speaker && foldCase(record.speaker ?? '') !== foldCase(filters.speaker)) return false;
  return true;
}

/**
 * Records that match every query word as a prefix and the filters, in the order given, each
 * URL once. An empty query matches every record the filters let through.
 */
export function matchRecords(
  records: readonly SavedRecord[],
  query: string,
  filters: SavedFilters = {},
): SavedResult[] {
  const queryWords = words(query);
  const seen = new Set<string>();
  const results: SavedResult[] = [];
  for (const record of records) {
    if (seen.has(record.url) || !matchesFilters(record, filters)) continue;
    const recordWords = words(`${record.title} ${record.content} ${record.speaker ?? ''}`);
    if (!queryWords.every((q) => recordWords.some((w) => w.startsWith(q)))) continue;
    seen.add(record.url);
    const { content, ...shown } = record;
    results.push({ ...shown, excerpt: excerptAround(content, queryWords) });
  }
  return results;
}
