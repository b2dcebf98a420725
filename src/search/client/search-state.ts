import { FILTER, SEARCH_PARAMS, isResultType, type RecordKind, type ResultType } from '../search-schema';

/** What the search page shows, as it lives in the URL: `/search/?q=deal&type=quote&speaker=…`. */
export interface SearchState {
  query: string;
  type?: ResultType;
  speaker?: string;
}

/**
 * Longest query searched and kept in the URL. A pasted 10 KB text is cut here, so the URL
 * stays well under what static hosts accept (nginx refuses request lines over 8 KB).
 */
export const MAX_QUERY_LENGTH = 200;
/** Longest speaker name kept from a URL; real names are far shorter. */
const MAX_SPEAKER_LENGTH = 200;

/** Trims, collapses whitespace and cuts the query to {@link MAX_QUERY_LENGTH} characters. */
export function normalizeQuery(raw: string): string {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  // Cut on a code point, not inside a surrogate pair.
  return Array.from(collapsed).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = { query: normalizeQuery(params.get(SEARCH_PARAMS.query) ?? '') };
  const type = params.get(SEARCH_PARAMS.type)?.trim();
  if (type && isResultType(type)) state.type = type;
  const speaker = params.get(SEARCH_PARAMS.speaker)?.replace(/\s+/g, ' ').trim().slice(0, MAX_SPEAKER_LENGTH);
  if (speaker) state.speaker = speaker;
  return state;
}

/** The query string for a state, without empty parameters (`?q=deal&type=quote`). */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  if (state.type) params.set(SEARCH_PARAMS.type, state.type);
  if (state.speaker) params.set(SEARCH_PARAMS.speaker, state.speaker);
  return params;
}

export function sameSearchState(a: SearchState, b: SearchState): boolean {
  return a.query === b.query && a.type === b.type && a.speaker === b.speaker;
}

/** A Pagefind filter value: one value, or any of several. */
export type PagefindFilter = string | { any: string[] };

/** The records that can hold results of a type: people are their own records, the rest are passages. */
const RECORDS_OF_TYPE: Record<ResultType, RecordKind[]> = {
  article: ['article'],
  quote: ['article'],
  figure: ['article'],
  claim: ['article', 'claims'],
  person: ['person'],
};

/**
 * Pagefind's `filters` option for a state. Types are told apart on the page, not by a filter
 * (each article holds passages of every type), so a search with words names no filter and
 * downloads no filter data; a speaker narrows to the records they speak in, and a listing
 * without words, or of people, names the kinds of record that can hold the type.
 */
export function pagefindFilters(state: SearchState): Record<string, PagefindFilter> {
  const filters: Record<string, PagefindFilter> = {};
  if (state.speaker) filters[FILTER.speaker] = state.speaker;
  else if (state.type && (!state.query || state.type === 'person'))
    filters[FILTER.record] = { any: RECORDS_OF_TYPE[state.type] };
  return filters;
}

/** Whether there is anything to search: words, or a filter to list everything it matches. */
export function hasSearch(state: SearchState): boolean {
  return Boolean(state.query || state.type || state.speaker);
}
