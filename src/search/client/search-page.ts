/**
 * The search page (`/search/`): a small UI on Pagefind's JavaScript API. The query and filters
 * live in the URL, typing replaces the history entry and a submitted search or a filter change
 * adds one, so Back returns to the previous search. Pagefind finds articles (and people, and
 * claims no article states); the quotes, claims and figures of each article that match are
 * picked out as its fragment loads (see passage-hits.ts). Results are built from text nodes only.
 */
import { searchSaved, type SavedResult } from '../../offline/saved-search';
import { RESULT_TYPE_LABELS, isResultType } from '../search-schema';
import { markWords, type TextPart } from './excerpt';
import { siteUrls } from '../../lib/urls';
import { loadPagefind, restartPagefind, type Pagefind } from './pagefind-api';
import { PagefindFetches } from './pagefind-fetches';
import { queryTerms, recordHits, type SearchHit } from './passage-hits';
import { resultItem } from './result-markup';
import { ResultStream } from './result-stream';
import {
  hasSearch,
  normalizeQuery,
  pagefindFilters,
  readSearchState,
  sameSearchState,
  searchStateToParams,
  type SearchState,
} from './search-state';

const PAGE_SIZE = 10;
/**
 * Results that end a page's reading of records: every further record costs a fragment
 * download, so a page shows what the records read so far hold (up to {@link PAGE_SIZE}) once
 * there are this many.
 */
const ENOUGH_TO_SHOW = 5;
const TYPING_DELAY_MS = 250;

interface Elements {
  form: HTMLFormElement;
  query: HTMLInputElement;
  types: HTMLInputElement[];
  speaker: HTMLSelectElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function findElements(): Elements | undefined {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const results = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const query = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const speaker = form?.querySelector<HTMLSelectElement>('select[name="speaker"]');
  if (!form || !status || !results || !more || !query || !speaker) return undefined;
  const types = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]')];
  return { form, query, types, speaker, status, results, more };
}

const quoted = (text: string) => `“${text}”`;

/**
 * Results from the pages saved or cached on this device, for when the search index cannot be
 * reached: the offline layer reads them from the service worker's caches.
 */
function savedResults(base: string, state: SearchState): Promise<SavedResult[]> {
  return searchSaved(base, state.query, { type: state.type, speaker: state.speaker });
}

/** Saved results in the markup of any other result, the searched words marked. */
function showSavedResults(list: HTMLOListElement, saved: readonly SavedResult[], query: string): void {
  const terms = queryTerms(query);
  const hits = saved.flatMap((result): SearchHit[] => {
    if (!isResultType(result.type)) return [];
    const words = markedWords(markWords(`${result.title} ${result.excerpt}`, terms));
    return [{ ...result, type: result.type, words, excerpt: markWords(result.excerpt, words) }];
  });
  list.append(...hits.map(resultItem));
}

/** The words marked in `parts`, once each. */
const markedWords = (parts: readonly TextPart[]) => [
  ...new Set(parts.filter((part) => part.marked).map((part) => part.text)),
];

function describe(state: SearchState, count: number): string {
  const what = state.type
    ? RESULT_TYPE_LABELS[state.type][count === 1 ? 'one' : 'many'].toLowerCase()
    : count === 1
      ? 'result'
      : 'results';
  const parts = [`${count} ${what}`];
  if (state.query) parts.push(`for ${quoted(state.query)}`);
  if (state.speaker) parts.push(`by ${state.speaker}`);
  return `${parts.join(' ')}.`;
}

/** The page title with the query in front, replacing the query of an earlier search. */
function titleFor(query: string): string {
  return `${query ? `${quoted(query)} · ` : ''}${document.title.replace(/^“[\s\S]*?” · /, '')}`;
}

function noResultsMessage(state: SearchState): string {
  const filtered = Boolean(state.type || state.speaker);
  return `No results${state.query ? ` for ${quoted(state.query)}` : ''}${filtered ? ' with these filters' : ''}. Try fewer or other words${filtered ? ', or remove a filter' : ''}.`;
}

/** Said when the index cannot load or a fetch fails: what is saved on the device may still be searched. */
const UNAVAILABLE_MESSAGE = 'Search needs the network for results beyond what is saved.';

/** Why the index is out of reach, as far as the browser knows. */
const outOfReach = () => (navigator.onLine ? 'The search index could not be reached' : 'You are offline');

/** Pagefind out of reach: what the saved and cached articles hold instead, if anything. */
const savedMessage = (count: number) =>
  count === 0
    ? `${outOfReach()}. ${UNAVAILABLE_MESSAGE}`
    : `${outOfReach()}: ${count} ${count === 1 ? 'result' : 'results'} from the articles saved or opened on this device. More results need the network.`;

/** Matching records whose fragment failed: their results are missing from those shown. */
const unreadMessage = (count: number) =>
  ` ${count} matching ${count === 1 ? 'article or card' : 'articles and cards'} could not be loaded: check the connection and search again.`;

/**
 * While matching records remain unread: "First 10 quotes for “deal”, from 212 matching
 * articles and cards.", or "No quotes for “deal” in the first 24 of 212 matching articles and
 * cards yet." when the records read so far held none.
 */
function describeSoFar(state: SearchState, count: number, read: number, records: number): string {
  if (count > 0) return `First ${describe(state, count).slice(0, -1)}, from ${records} matching articles and cards.`;
  const none = describe(state, 0).replace(/^0 /, 'No ').slice(0, -1);
  return `${none} in the first ${read} of ${records} matching articles and cards yet.`;
}

class SearchPage {
  private pagefind: Promise<Pagefind>;
  /** Installed before Pagefind loads, to see every file it fetches. */
  private readonly fetches: PagefindFetches;
  private run = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private stream: ResultStream | undefined;
  private state: SearchState = { query: '' };
  private shown = 0;
  /** Whether typing already has its own history entry, which further typing then updates. */
  private typingEntry = false;

  constructor(
    private readonly ui: Elements,
    private readonly base: string,
  ) {
    this.fetches = new PagefindFetches(siteUrls(base).path('pagefind/'));
    this.pagefind = loadPagefind(base);
    // The URL is the state; an unhandled rejection is reported by search() instead.
    this.pagefind.catch(() => undefined);
  }

  start(): void {
    const { form, query, types, speaker, more } = this.ui;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit('push');
    });
    query.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.commit(this.typingEntry ? 'replace' : 'push', true), TYPING_DELAY_MS);
    });
    for (const radio of types) radio.addEventListener('change', () => this.commit('push'));
    speaker.addEventListener('change', () => this.commit('push'));
    more.addEventListener('click', () => void this.showMoreFromButton());
    window.addEventListener('popstate', () => {
      this.typingEntry = false;
      this.show(this.urlState());
    });
    const state = this.urlState();
    // A query cut to length or cleaned up is written back, so the URL says what was searched.
    history.replaceState(history.state, '', this.urlFor(state));
    this.show(state);
  }

  private async showMoreFromButton(): Promise<void> {
    const run = this.run;
    this.ui.results.setAttribute('aria-busy', 'true');
    try {
      await this.showMore(true, run);
    } catch (error) {
      if (run !== this.run) return;
      console.error('Search failed:', error);
      this.setStatus(`${outOfReach()}. ${UNAVAILABLE_MESSAGE}`, 'error');
      this.ui.more.hidden = true;
    } finally {
      if (run === this.run) this.ui.results.removeAttribute('aria-busy');
    }
  }

  private urlState(): SearchState {
    return readSearchState(new URLSearchParams(location.search));
  }

  private urlFor(state: SearchState): string {
    const params = searchStateToParams(state).toString();
    return `${location.pathname}${params ? `?${params}` : ''}`;
  }

  private formState(): SearchState {
    const { query, types, speaker } = this.ui;
    const state: SearchState = { query: normalizeQuery(query.value) };
    const type = types.find((radio) => radio.checked)?.value ?? '';
    if (isResultType(type)) state.type = type;
    if (speaker.value) state.speaker = speaker.value;
    return state;
  }

  /**
   * Records the form's search in the history and shows it. A submitted search or a filter
   * change is a new entry; typing gets one entry, updated as the words change.
   */
  private commit(mode: 'push' | 'replace', typing = false): void {
    clearTimeout(this.typingTimer);
    const state = this.formState();
    const changed = !sameSearchState(state, this.urlState());
    // After Enter or a filter, the next words typed start a new entry.
    this.typingEntry = typing;
    if (!changed) return;
    if (mode === 'push') history.pushState(null, '', this.urlFor(state));
    else history.replaceState(null, '', this.urlFor(state));
    void this.search(state);
  }

  /** Shows a state from the URL: fills the form, then searches. */
  private show(state: SearchState): void {
    const { query, types } = this.ui;
    if (document.activeElement !== query || normalizeQuery(query.value) !== state.query) query.value = state.query;
    for (const radio of types) radio.checked = radio.value === (state.type ?? '');
    this.selectSpeaker(state.speaker);
    void this.search(state);
  }

  private selectSpeaker(name: string | undefined): void {
    const { speaker } = this.ui;
    if (name && ![...speaker.options].some((option) => option.value === name)) {
      // A speaker from a shared link, before (or without) the index listing them.
      speaker.append(new Option(name, name));
    }
    speaker.value = name ?? '';
  }

  private setStatus(text: string, kind: 'info' | 'empty' | 'error' = 'info'): void {
    this.ui.status.textContent = text;
    this.ui.status.dataset.kind = kind;
  }

  private async search(state: SearchState): Promise<void> {
    const run = ++this.run;
    const { results, more } = this.ui;
    document.title = titleFor(state.query);
    results.setAttribute('aria-busy', 'true');
    try {
      await this.searchAndShow(state, run);
    } catch (error) {
      if (run !== this.run) return;
      console.error('Search failed:', error);
      await this.searchUnavailable(state, run);
    } finally {
      if (run === this.run) {
        results.removeAttribute('aria-busy');
        more.hidden = !this.stream?.hasMore;
      }
    }
  }

  /** The index or a fragment could not be fetched: say so, and list what is saved on the device. */
  private async searchUnavailable(state: SearchState, run: number): Promise<void> {
    this.clearResults();
    this.setStatus(savedMessage(0), 'error');
    const saved = hasSearch(state) ? await savedResults(this.base, state).catch(() => []) : [];
    if (run !== this.run) return;
    showSavedResults(this.ui.results, saved, state.query);
    if (saved.length) this.setStatus(savedMessage(saved.length), 'info');
  }

  /**
   * Pagefind, ready to search: loaded again when its script failed to load, started again when
   * its entry, metadata or WebAssembly failed (it loads those once), so a search made once the
   * network is back finds what the site holds.
   */
  private async readyPagefind(): Promise<Pagefind> {
    const pagefind = await this.pagefind.catch(() => (this.pagefind = loadPagefind(this.base)));
    if (this.fetches.setupFailed) {
      this.fetches.clear();
      await restartPagefind(pagefind);
    }
    return pagefind;
  }

  /** Whether the search could not look: a file it depended on failed (a fragment only loses its own results). */
  private couldNotLook(mark: number): boolean {
    return this.fetches.setupFailed || this.fetches.since(mark).some((failure) => failure.kind !== 'fragment');
  }

  /** Searches, then shows the first results, unless a newer search (`run`) started meanwhile. */
  private async searchAndShow(state: SearchState, run: number): Promise<void> {
    const pagefind = await this.readyPagefind();
    if (run !== this.run) return;
    if (!hasSearch(state)) {
      this.clearResults();
      this.setStatus('Type a few words to search quotes, claims, people, figures and articles.', 'empty');
      return;
    }
    const mark = this.fetches.mark();
    const response = await pagefind.search(state.query || null, { filters: pagefindFilters(state) });
    if (run !== this.run) return;
    // Pagefind answers "nothing" when a chunk of the index failed to load, or (offline) was never cached.
    if (this.couldNotLook(mark) || (!response.results.length && !navigator.onLine)) {
      return this.searchUnavailable(state, run);
    }
    this.clearResults();
    this.state = state;
    const stream = new ResultStream(
      response.results.map((result) => () => result.data()),
      (data) => recordHits(data, state, this.base),
    );
    this.stream = stream;
    await this.showMore(false, run);
  }

  private clearResults(): void {
    this.ui.results.replaceChildren();
    this.stream = undefined;
    this.shown = 0;
    this.ui.more.hidden = true;
  }

  /** Renders the next page of results and says how many there are; from the button, moves focus to the first new one. */
  private async showMore(fromButton: boolean, run = this.run): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    const hits = await stream.take(PAGE_SIZE, ENOUGH_TO_SHOW);
    if (run !== this.run) return;
    // Nothing read but failures: the results are out of reach, not absent.
    if (this.shown === 0 && hits.length === 0 && stream.failed > 0) return this.searchUnavailable(this.state, run);
    const items = hits.map(resultItem);
    this.ui.results.append(...items);
    this.shown += items.length;
    this.ui.more.hidden = !stream.hasMore;
    // Announced once the results are on the page; exact once every matching record is read.
    const unread = stream.failed ? unreadMessage(stream.failed) : '';
    if (stream.complete) {
      const total = this.shown + stream.pending;
      if (total === 0) this.setStatus(noResultsMessage(this.state), 'empty');
      else this.setStatus(describe(this.state, total) + unread);
    } else this.setStatus(describeSoFar(this.state, this.shown, stream.read, stream.recordCount) + unread);
    if (fromButton) items[0]?.querySelector('a')?.focus();
  }
}

const ui = findElements();
if (ui) new SearchPage(ui, import.meta.env.BASE_URL).start();
