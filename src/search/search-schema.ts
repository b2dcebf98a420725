/**
 * The shape of the search index that pages, the index builder and the search page agree on:
 * filter names, the values of the `type` filter and the query parameters of `/search/`.
 * Described for readers and themers in README ("Search").
 */
import { KINDS } from '../annotations/kinds';

/** What a search result is: a whole article, or one annotated passage or card. */
export const RESULT_TYPES = ['article', 'quote', 'claim', 'person', 'figure'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** "Quote" / "Quotes": an article, or the kind's words from the one vocabulary table. */
export const RESULT_TYPE_LABELS: Record<ResultType, { one: string; many: string }> = {
  article: { one: 'Article', many: 'Articles' },
  quote: { one: KINDS.quote.one, many: KINDS.quote.many },
  claim: { one: KINDS.claim.one, many: KINDS.claim.many },
  person: { one: KINDS.person.one, many: KINDS.person.many },
  figure: { one: KINDS.figure.one, many: KINDS.figure.many },
};

export function isResultType(value: string): value is ResultType {
  return (RESULT_TYPES as readonly string[]).includes(value);
}

/**
 * Pagefind filter names (`addCustomRecord({ filters })`). There is no `type` filter: every
 * article holds passages of several types, so types are told apart on the page.
 */
export const FILTER = {
  /**
   * Who speaks in a record: everyone quoted or stating a claim in an article, the claimants of
   * a claims record. Narrowed to the passages themselves on the page.
   */
  speaker: 'speaker',
  /**
   * The card a record stands for: `person`, or `claims` (see {@link RecordKind}). Articles have
   * none, so the filter's data stays as small as the number of people and claims records; a
   * type excludes the records that cannot hold it (`not`).
   */
  card: 'card',
} as const;

/** Query parameters of `/search/?q=deal&type=quote&speaker=Donald%20Trump`. */
export const SEARCH_PARAMS = { query: 'q', type: 'type', speaker: FILTER.speaker } as const;

/**
 * Query parameter that carries the searched words to the page a result links to, where
 * Pagefind's highlight script marks them (`/articles/x/?highlight=deal#quote-…`).
 */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * What a Pagefind record stands for (meta `record`; filter `card` for the last two): an article
 * with its passages, a person's card, or a group of claims no article states (each linking to
 * its card).
 */
export type RecordKind = 'article' | 'person' | 'claims';

/** The kinds of passage an article record lists: each is a result of that type. */
type PassageType = Extract<ResultType, 'quote' | 'claim' | 'figure'>;

/** `[first word, word count]` in a record's `content` split on whitespace (as Pagefind stores it). */
export type WordSpan = [number, number];

/**
 * One annotated passage of a record (meta `passages`, a JSON array), as short keys and word
 * positions rather than text, because every result fragment carries them: a thousand
 * articles list 24,000 passages. Its speaker, statement and further words are written once in
 * the record's content (so Pagefind finds the record by them) and pointed at from here.
 */
export interface PassageEntry {
  /** The passage's element id in the article (`#quote-…`), or a claim id in a claims record. */
  i: string;
  k: PassageType;
  /** Its own words. */
  w: WordSpan;
  /**
   * Characters to drop from the start and end of its words when they run past the passage
   * (`“very` of `“:quote[very …]`), when not zero.
   */
  c?: [number, number];
  /** Speaker of a quote, claimant of a claim. */
  s?: WordSpan;
  /** Shown with the passage: a claim's title, what a figure measures. */
  t?: WordSpan;
  /** Further words that find it: a figure's value, a claim's statement and context, the claim a quote answers. */
  x?: WordSpan;
  /** Title of the article citing a claim of a claims record. */
  a?: string;
  /** Its own address (from the site root), when not `<record url>#<i>`: a claim's card. */
  u?: string;
}

/** Meta keys of every record: `title`, `record` (a {@link RecordKind}), `date`, `passages`. */
export const META = { title: 'title', record: 'record', date: 'date', passages: 'passages' } as const;
