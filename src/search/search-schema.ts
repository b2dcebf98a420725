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

/** Pagefind filter names (`data-pagefind-filter`, `addCustomRecord({ filters })`). */
export const FILTER = {
  /** One of {@link RESULT_TYPES}. */
  type: 'type',
  /** Display name of whoever said it: quotes and claims. */
  speaker: 'speaker',
  /** Title of the article the passage is in. */
  article: 'article',
} as const;

/** Query parameters of `/search/?q=deal&type=quote&speaker=Donald%20Trump`. */
export const SEARCH_PARAMS = { query: 'q', type: FILTER.type, speaker: FILTER.speaker } as const;

/**
 * Query parameter that carries the searched words to the page a result links to, where
 * Pagefind's highlight script marks them (`/articles/x/?highlight=deal#quote-…`).
 */
export const HIGHLIGHT_PARAM = 'highlight';
