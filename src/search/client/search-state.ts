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
type PagefindFilter = string | { any: string[] };
/** Pagefind's `filters` option: filter name → value, or `not` → filters a record must not match. */
export interface PagefindFilters {
  [name: string]: PagefindFilter | PagefindFilters;
}

/** Cards that cannot hold a result of each type (an article holds every type but people). */
const CARDS_WITHOUT: Record<Exclude<ResultType, 'person'>, Exclude<RecordKind, 'article'>[]> = {
  article: ['person', 'claims'],
  quote: ['person', 'claims'],
  figure: ['person', 'claims'],
  claim: ['person'],
};

/**
 * Pagefind's `filters` option for a state. Types are told apart on the page (each article
 * holds passages of every type), so a search of everything names no filter and downloads no
 * filter data; a speaker narrows to the records they speak in (articles and claims records);
 * a type leaves out the person and claims records that cannot hold it, with a filter whose
 * data lists those few records only.
 */
export function pagefindFilters(state: SearchState): PagefindFilters {
  if (state.speaker) return { [FILTER.speaker]: state.speaker };
  if (!state.type) return {};
  if (state.type === 'person') return { [FILTER.card]: 'person' };
  return { not: { [FILTER.card]: { any: CARDS_WITHOUT[state.type] } } };
}

/** Whether there is anything to search: words, or a filter to list everything it matches. */
export function hasSearch(state: SearchState): boolean {
  return Boolean(state.query || state.type || state.speaker);
}
