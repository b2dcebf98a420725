import { describe, expect, it } from 'vitest';
import { excerptParts, markWords, matchedWords, resultHref } from '../../src/search/client/excerpt';
import {
  MAX_QUERY_LENGTH,
  hasSearch,
  normalizeQuery,
  pagefindFilters,
  readSearchState,
  searchStateToParams,
} from '../../src/search/client/search-state';

describe('search state in the URL', () => {
  it('reads query, type and speaker, and writes them back without empty parameters', () => {
    const state = readSearchState(
      new URLSearchParams('q=%20want++to%20make%0Aa%20deal%20&type=quote&speaker=Donald+Trump'),
    );
    expect(state).toEqual({ query: 'want to make a deal', type: 'quote', speaker: 'Donald Trump' });
    expect(searchStateToParams(state).toString()).toBe('q=want+to+make+a+deal&type=quote&speaker=Donald+Trump');
    expect(searchStateToParams({ query: '' }).toString()).toBe('');
  });

  it('ignores a type it does not know', () => {
    expect(readSearchState(new URLSearchParams('q=deal&type=<script>'))).toEqual({ query: 'deal' });
  });

  it('cuts a 10 KB query to a searchable length, never inside a character', () => {
    const huge = '😀'.repeat(10_000);
    const query = normalizeQuery(huge);
    expect(Array.from(query)).toHaveLength(MAX_QUERY_LENGTH);
    expect(query).toBe('😀'.repeat(MAX_QUERY_LENGTH));
    expect(searchStateToParams({ query: normalizeQuery('x'.repeat(10_240)) }).toString().length).toBeLessThan(300);
  });

  it('keeps special characters as typed; they are text, not syntax', () => {
    const q = `"deal" <b>&amp; 100% ?#/\\ ' OR 1=1 --`;
    const state = readSearchState(searchStateToParams({ query: q }));
    expect(state.query).toBe(q);
  });

  it('asks Pagefind for any type when none is chosen, so it counts results per filter value', () => {
    expect(pagefindFilters({ query: 'deal' })).toEqual({
      type: { any: ['article', 'quote', 'claim', 'person', 'figure'] },
    });
    expect(pagefindFilters({ query: '', type: 'quote', speaker: 'Donald Trump' })).toEqual({
      type: 'quote',
      speaker: 'Donald Trump',
    });
    expect(hasSearch({ query: '' })).toBe(false);
    expect(hasSearch({ query: '', speaker: 'Donald Trump' })).toBe(true);
  });
});

describe('excerpts and highlighting', () => {
  it('splits an excerpt into text and matched words, showing escaped markup as text', () => {
    expect(excerptParts('They &lt;b&gt;want to <mark>deal”,</mark> & <mark>make</mark>')).toEqual([
      { text: 'They <b>want to ', marked: false },
      { text: 'deal”,', marked: true },
      { text: ' & ', marked: false },
      { text: 'make', marked: true },
    ]);
  });

  it('never turns excerpt text into elements', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <mark>deal</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', marked: false });
  });

  it('collects the matched words once, without punctuation', () => {
    expect(matchedWords(excerptParts('<mark>“Deal</mark> and <mark>deal”,</mark> <mark>U.S.-China</mark>'))).toEqual([
      'Deal',
      'U.S.-China',
    ]);
  });

  it('marks whole words only, in any case', () => {
    expect(markWords('A deal, dealt: DEAL.', ['deal'])).toEqual([
      { text: 'A ', marked: false },
      { text: 'deal', marked: true },
      { text: ', dealt: ', marked: false },
      { text: 'DEAL', marked: true },
      { text: '.', marked: false },
    ]);
    expect(markWords('a (b) [c]', ['(b)', '[c]', '.*'])).toEqual([
      { text: 'a ', marked: false },
      { text: '(b)', marked: true },
      { text: ' ', marked: false },
      { text: '[c]', marked: true },
    ]);
  });

  it('links to the passage with the words to mark before the fragment, under the base path', () => {
    expect(resultHref('/news/articles/x/#quote-a', ['want', 'deal'], 'http://127.0.0.1:8080')).toBe(
      '/news/articles/x/?highlight=want&highlight=deal#quote-a',
    );
    expect(resultHref('/people/a/', [], 'http://127.0.0.1:8080')).toBe('/people/a/');
  });
});
