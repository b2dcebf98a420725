/**
 * Turns a loaded Pagefind record into the results the search page lists: an article itself,
 * each of its passages (quotes, claims, figures) the search words match, a person, or the
 * claims of a claims record. Pagefind finds the record; which of its passages match is worked
 * out here, from the words of each passage in the record's stored content.
 */
import { siteUrls } from '../../lib/urls';
import { META, type PassageEntry, type ResultType, type WordSpan } from '../search-schema';
import { excerptParts, markWords, matchedWords, type TextPart } from './excerpt';
import type { PagefindResultData } from './pagefind-api';
import type { SearchState } from './search-state';
import { foldCase } from '../../lib/fold';

/** One result as the page shows it, whatever found it (Pagefind, or pages saved for offline reading). */
export interface SearchHit {
  type: ResultType;
  /** With the base path, ready to link (the matched words are added as `?highlight=`). */
  url: string;
  title: string;
  /** Words to mark in the title and carry to the passage, as they are written there. */
  words: string[];
  /** Shown under the title, matched words marked. */
  excerpt?: TextPart[];
  speaker?: string;
  article?: string;
}

/** Lower case without accents or surrounding punctuation: `“Déal,”` → `deal`. */
export function foldWord(word: string): string {
  return foldCase(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The distinct words of a query, folded: what each passage is matched against. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.split(/\s+/).map(foldWord).filter(Boolean))];
}

const foldAll = (text: string) => text.split(/\s+/).map(foldWord).filter(Boolean);
const hasTerm = (words: readonly string[], term: string) => words.some((word) => word.startsWith(term));

/** Words of the record's content at a span, as one line of text. */
const wordsAt = (contentWords: readonly string[], [first, count]: WordSpan) =>
  contentWords.slice(first, first + count).join(' ');

/** A passage with its words read back from the record's content. */
interface ReadPassage {
  entry: PassageEntry;
  /** Its own words, cut to the passage where a word runs past it. */
  text: string;
  speaker?: string;
  shown?: string;
  further?: string;
}

function readPassage(contentWords: readonly string[], entry: PassageEntry): ReadPassage {
  const words = wordsAt(contentWords, entry.w);
  const text = entry.c ? words.slice(entry.c[0], words.length - entry.c[1]) : words;
  const at = (span: WordSpan | undefined) => (span ? wordsAt(contentWords, span) : undefined);
  return { entry, text, speaker: at(entry.s), shown: at(entry.t), further: at(entry.x) };
}

/** Words of `text` that start with a search term, as written there (`Deals` for `deal`). */
function foundWords(text: string, terms: readonly string[]): string[] {
  const words = new Map<string, string>();
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const folded = foldWord(word);
    if (folded && terms.some((term) => folded.startsWith(term)) && !words.has(folded)) words.set(folded, word);
  }
  return [...words.values()];
}

const sentence = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');

interface RecordContext {
  data: PagefindResultData;
  state: SearchState;
  /** The search terms the record holds at all; a passage must hold each of them. */
  terms: string[];
  base: string;
}

function passageHit(passage: ReadPassage, { data, terms, base }: RecordContext): SearchHit {
  const { entry, text, speaker, shown, further } = passage;
  const words = foundWords(sentence(text, shown, further), terms);
  const url = entry.u ? siteUrls(base).path(entry.u.replace(/^\//, '')) : `${data.url}#${entry.i}`;
  const article = entry.a ?? (entry.u ? undefined : data.meta[META.title]);
  const where = { url, words, speaker, article };
  switch (entry.k) {
    case 'quote':
      return { type: 'quote', title: `“${text}”`, ...where };
    case 'claim':
      return { type: 'claim', title: shown ?? text, excerpt: markWords(text, words), ...where };
    case 'figure':
      return {
        type: 'figure',
        title: shown ? `${text}: ${shown}` : text,
        excerpt: markWords(sentence(text, shown, further), words),
        ...where,
      };
  }
}

/** The passages of an article or claims record that match the state's words, type and speaker. */
function passageHits(context: RecordContext): SearchHit[] {
  const { data, state, terms } = context;
  const contentWords = data.content.split(/\s+/);
  const entries = JSON.parse(data.meta[META.passages] ?? '[]') as PassageEntry[];
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    if (state.type && entry.k !== state.type) continue;
    const passage = readPassage(contentWords, entry);
    if (state.speaker && passage.speaker !== state.speaker) continue;
    const words = foldAll(sentence(passage.text, passage.speaker, passage.shown, passage.further));
    if (terms.every((term) => hasTerm(words, term))) hits.push(passageHit(passage, context));
  }
  return hits;
}

/** Where a run of words first occurs in the record's words, or -1. */
function indexOfRun(contentWords: readonly string[], run: readonly string[]): number {
  if (run.length === 0) return -1;
  for (let i = 0; i + run.length <= contentWords.length; i++) {
    if (run.every((word, j) => contentWords[i + j] === word)) return i;
  }
  return -1;
}

/** The position in the record's words of the excerpt's first matched word, or -1. */
function excerptMatchAt(contentWords: readonly string[], parts: readonly TextPart[]): number {
  const words = parts.flatMap((part) =>
    part.text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ word, part })),
  );
  const start = indexOfRun(
    contentWords,
    words.slice(0, 6).map(({ word }) => word),
  );
  const marked = words.findIndex(({ part }) => part.marked);
  return start === -1 || marked === -1 ? -1 : start + marked;
}

/**
 * The passage an article result's excerpt shows: the shortest of the article's passages that
 * holds the excerpt's first matched word, so the link lands on the words the reader saw.
 */
function excerptPassage(data: PagefindResultData, at: number): PassageEntry | undefined {
  const entries = JSON.parse(data.meta[META.passages] ?? '[]') as PassageEntry[];
  return entries
    .filter((entry) => !entry.u && entry.w[0] <= at && at < entry.w[0] + entry.w[1])
    .sort((a, b) => a.w[1] - b.w[1])[0];
}

/**
 * A text fragment (`#:~:text=`) for the excerpt's words around its first match, where no
 * passage holds them: the browser scrolls to and marks them itself.
 */
function excerptFragment(parts: readonly TextPart[]): string | undefined {
  const words = parts.flatMap((part) =>
    part.text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ word, part })),
  );
  const marked = words.findIndex(({ part }) => part.marked);
  if (marked === -1) return undefined;
  const run = words.slice(Math.max(0, marked - 2), marked + 4).map(({ word }) => word);
  return `:~:text=${encodeURIComponent(run.join(' ')).replace(/-/g, '%2D')}`;
}

/** The record itself as a result: an article or a person, found by Pagefind's words. */
function recordHit(data: PagefindResultData, type: 'article' | 'person'): SearchHit {
  const excerpt = excerptParts(data.excerpt);
  const title = data.meta[META.title] || data.url;
  const words = matchedWords(excerpt);
  if (type === 'person') return { type, url: data.url, title, words, excerpt };
  // An article result opens at the passage its excerpt shows, not at the top of the article.
  const at = excerptMatchAt(data.content.split(/\s+/), excerpt);
  const passage = at === -1 ? undefined : excerptPassage(data, at);
  // An excerpt not found among the article's words (never expected) opens the article's top.
  const hash = passage ? passage.i : at === -1 ? undefined : excerptFragment(excerpt);
  return { type, url: hash ? `${data.url}#${hash}` : data.url, title, words, excerpt };
}

/** Every result a loaded record gives for a search, in reading order: the article first, then its passages. */
export function recordHits(data: PagefindResultData, state: SearchState, base: string): SearchHit[] {
  const kind = data.meta[META.record];
  const wanted = (type: ResultType) => !state.speaker && (!state.type || state.type === type);
  if (kind === 'person') return wanted('person') ? [recordHit(data, 'person')] : [];
  const recordWords = foldAll(data.content);
  // Terms Pagefind matched by stem alone, or not at all, cannot be asked of a passage.
  const terms = queryTerms(state.query).filter((term) => hasTerm(recordWords, term));
  if (state.query && terms.length === 0)
    return kind === 'article' && wanted('article') ? [recordHit(data, 'article')] : [];
  const hits = passageHits({ data, state, terms, base });
  return kind === 'article' && wanted('article') ? [recordHit(data, 'article'), ...hits] : hits;
}
