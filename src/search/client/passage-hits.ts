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

/** The record itself as a result: an article or a person, found by Pagefind's words. */
function recordHit(data: PagefindResultData, type: 'article' | 'person'): SearchHit {
  const excerpt = excerptParts(data.excerpt);
  return { type, url: data.url, title: data.meta[META.title] || data.url, words: matchedWords(excerpt), excerpt };
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
