/**
 * The search page (`/search/`): a small UI on Pagefind's JavaScript API. The query and filters
 * live in the URL, typing replaces the history entry and a submitted search or a filter change
 * adds one, so Back returns to the previous search. Results are built from text nodes only.
 */
import { RESULT_TYPE_LABELS, RESULT_TYPES, FILTER, isResultType, type ResultType } from '../search-schema';
import { excerptParts, markWords, matchedWords, resultHref, type TextPart } from './excerpt';
import { loadPagefind, type FilterCounts, type Pagefind, type PagefindResultData } from './pagefind-api';
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

function appendParts(parent: HTMLElement, parts: readonly TextPart[]): void {
  for (const part of parts) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The result's type from its `type` filter, if it is one the page knows. */
function resultType(data: PagefindResultData): ResultType | undefined {
  const rawType = data.filters[FILTER.type]?.[0] ?? '';
  return isResultType(rawType) ? rawType : undefined;
}

/** The result's title as a heading, linked to the passage, with the matched words marked. */
function resultTitle(data: PagefindResultData, words: readonly string[]): HTMLHeadingElement {
  const heading = element('h2', 'search-result__title');
  const link = element('a', 'search-result__link');
  link.href = resultHref(data.url, words, location.origin);
  appendParts(link, markWords(data.meta.title || data.url, words));
  heading.append(link);
  return heading;
}

/** Who said it and in which article, when the result has either (an article result never names itself). */
function resultSource(data: PagefindResultData, type: ResultType | undefined): HTMLParagraphElement | undefined {
  const speaker = data.meta.speaker ?? data.filters[FILTER.speaker]?.[0];
  const article = type === 'article' ? undefined : data.meta.article;
  if (!speaker && !article) return undefined;
  const source = element('p', 'search-result__source');
  if (speaker) source.append(element('span', 'search-result__speaker', speaker));
  if (speaker && data.meta.article) source.append(' · ');
  if (article) {
    source.append('in ');
    source.append(element('cite', 'search-result__article', article));
  }
  return source;
}

/** One result: type, the linked title with matched words marked, the excerpt, who and where. */
function resultItem(data: PagefindResultData): HTMLLIElement {
  const type = resultType(data);
  const parts = excerptParts(data.excerpt);
  const words = matchedWords(parts);
  const item = element('li', `search-result${type ? ` search-result--${type}` : ''}`);
  if (type) item.append(element('p', 'search-result__type', RESULT_TYPE_LABELS[type].one));
  item.append(resultTitle(data, words));
  // A quote's title is the quote itself; other results show where the words matched.
  if (type !== 'quote' && parts.length) {
    const excerpt = element('p', 'search-result__excerpt');
    appendParts(excerpt, parts);
    item.append(excerpt);
  }
  const source = resultSource(data, type);
  if (source) item.append(source);
  return item;
}

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

function unavailableMessage(): string {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return `Search is not available right now${offline ? ' (you are offline and this site is not saved on this device yet)' : ''}. Reload the page to try again, or browse the quotes list.`;
}

/** Counts for the type and speaker filters, each leaving out its own filter: "how many if I pick this one instead". */
async function facetCounts(
  pagefind: Pagefind,
  term: string | null,
  state: SearchState,
  counts: FilterCounts,
): Promise<{ typeCounts: FilterCounts; speakerCounts: FilterCounts }> {
  const typeCounts = state.type
    ? (await pagefind.search(term, { filters: pagefindFilters({ ...state, type: undefined }) })).filters
    : counts;
  const speakerCounts = state.speaker
    ? (await pagefind.search(term, { filters: pagefindFilters({ ...state, speaker: undefined }) })).filters
    : counts;
  return { typeCounts, speakerCounts };
}

class SearchPage {
  private pagefind: Promise<Pagefind>;
  private run = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private remaining: (() => Promise<PagefindResultData>)[] = [];
  /** Speakers listed in the page by the build; a shared link may add one. */
  private speakers: string[];
  /** Whether typing already has its own history entry, which further typing then updates. */
  private typingEntry = false;

  constructor(
    private readonly ui: Elements,
    base: string,
  ) {
    this.speakers = [...ui.speaker.options].slice(1).map((option) => option.value);
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
    more.addEventListener('click', () => void this.showMore(true));
    window.addEventListener('popstate', () => {
      this.typingEntry = false;
      this.show(this.urlState());
    });
    const state = this.urlState();
    // A query cut to length or cleaned up is written back, so the URL says what was searched.
    history.replaceState(history.state, '', this.urlFor(state));
    this.show(state);
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
      this.clearResults();
      this.setStatus(unavailableMessage(), 'error');
      console.error('Search failed:', error);
    } finally {
      if (run === this.run) {
        results.removeAttribute('aria-busy');
        more.hidden = this.remaining.length === 0;
      }
    }
  }

  /** Searches, then shows the counts and the first results, unless a newer search (`run`) started meanwhile. */
  private async searchAndShow(state: SearchState, run: number): Promise<void> {
    const pagefind = await this.pagefind;
    if (run !== this.run) return;
    if (!hasSearch(state)) {
      this.clearCounts();
      this.clearResults();
      this.setStatus('Type a few words to search quotes, claims, people, figures and articles.', 'empty');
      return;
    }
    const term = state.query || null;
    const filters = pagefindFilters(state);
    // Pagefind counts results per value only for filters whose data it has loaded: every
    // search names `type`, and the speaker counts need `speaker` too. Both load alongside
    // the words' index chunks; the `article` filter is never needed here.
    await Promise.all([
      pagefind.preload(term, { filters }),
      pagefind.preload(null, { filters: { [FILTER.speaker]: { any: [] } } }),
    ]);
    if (run !== this.run) return;
    const response = await pagefind.search(term, { filters });
    const { typeCounts, speakerCounts } = await facetCounts(pagefind, term, state, response.filters);
    if (run !== this.run) return;
    this.updateCounts(state, typeCounts, speakerCounts);
    this.clearResults();
    this.remaining = response.results.map((result) => () => result.data());
    if (response.results.length === 0) {
      this.setStatus(noResultsMessage(state), 'empty');
      return;
    }
    await this.showMore(false, run);
    // Announced once the first results are on the page.
    if (run === this.run) this.setStatus(describe(state, response.results.length));
  }

  private clearResults(): void {
    this.ui.results.replaceChildren();
    this.remaining = [];
    this.ui.more.hidden = true;
  }

  /** Renders the next page of results; from the button, moves focus to the first new one. */
  private async showMore(fromButton: boolean, run = this.run): Promise<void> {
    const next = this.remaining.splice(0, PAGE_SIZE);
    const loaded = await Promise.all(next.map((load) => load()));
    if (run !== this.run) return;
    const items = loaded.map(resultItem);
    this.ui.results.append(...items);
    this.ui.more.hidden = this.remaining.length === 0;
    if (fromButton) items[0]?.querySelector('a')?.focus();
  }

  /** Before any search: no counts, every speaker can be picked. */
  private clearCounts(): void {
    for (const radio of this.ui.types) {
      const badge = radio.parentElement?.querySelector('[data-count]');
      if (badge) badge.textContent = '';
    }
    for (const option of [...this.ui.speaker.options].slice(1)) {
      option.textContent = option.value;
      option.disabled = false;
    }
  }

  /** Writes counts next to each type and speaker; lists speakers the index knows. */
  private updateCounts(state: SearchState, typeCounts: FilterCounts, speakerCounts: FilterCounts): void {
    this.updateTypeCounts(typeCounts[FILTER.type] ?? {});
    this.updateSpeakerCounts(state, speakerCounts[FILTER.speaker] ?? {});
  }

  /** The count beside each type radio; "any type" shows the total. */
  private updateTypeCounts(byType: Record<string, number>): void {
    const total = RESULT_TYPES.reduce((sum, type) => sum + (byType[type] ?? 0), 0);
    for (const radio of this.ui.types) {
      const count = radio.value ? (byType[radio.value] ?? 0) : total;
      const badge = radio.parentElement?.querySelector('[data-count]');
      if (badge) badge.textContent = String(count);
    }
  }

  /** The speaker options with their counts; a speaker without results cannot be picked unless chosen. */
  private updateSpeakerCounts(state: SearchState, bySpeaker: Record<string, number>): void {
    const { speaker } = this.ui;
    this.listSpeakers(state, Object.keys(bySpeaker));
    for (const option of [...speaker.options].slice(1)) {
      const count = bySpeaker[option.value] ?? 0;
      option.textContent = `${option.value} (${count})`;
      option.disabled = count === 0 && option.value !== state.speaker;
    }
    speaker.value = state.speaker ?? '';
  }

  /** Adds speakers the index knows (and the chosen one) to the list of options. */
  private listSpeakers(state: SearchState, names: readonly string[]): void {
    if (names.some((name) => !this.speakers.includes(name))) {
      this.speakers = [...new Set([...this.speakers, ...names])].sort((a, b) => a.localeCompare(b));
    }
    const { speaker } = this.ui;
    const listed = [...this.speakers];
    if (state.speaker && !listed.includes(state.speaker)) listed.push(state.speaker);
    const current = [...speaker.options].slice(1).map((option) => option.value);
    // Rebuilt only when the list changes, so the control keeps its place while counts change.
    if (current.join('\n') !== listed.join('\n')) {
      speaker.replaceChildren(
        speaker.options[0] ?? new Option('Anyone', ''),
        ...listed.map((name) => new Option(name, name)),
      );
    }
  }
}

const ui = findElements();
if (ui) new SearchPage(ui, import.meta.env.BASE_URL).start();
