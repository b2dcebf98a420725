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
import type { PagefindResultData } from '../../src/search/client/pagefind-api';
import { foldWord, queryTerms, recordHits, type SearchHit } from '../../src/search/client/passage-hits';
import { manifestArticle, siteManifest } from '../../src/collections/site-manifest';
import { loadRegistry } from '../../src/content/registry';
import { publishedArticle } from '../../src/search/published-article';
import { searchRecords, type SearchRecord } from '../../src/search/records';
import { RECORDS_PER_PAGE, ResultStream } from '../../src/search/client/result-stream';
import { annotate, PIPELINE_CONTENT } from '../helpers/annotate';

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

  it('names no filter for a search of everything, so it downloads no filter data', () => {
    expect(pagefindFilters({ query: 'deal' })).toEqual({});
    expect(hasSearch({ query: '' })).toBe(false);
    expect(hasSearch({ query: '', speaker: 'Donald Trump' })).toBe(true);
  });

  it('narrows to the records a speaker speaks in, or leaves out the cards that cannot hold a type', () => {
    expect(pagefindFilters({ query: '', type: 'quote', speaker: 'Donald Trump' })).toEqual({
      speaker: 'Donald Trump',
    });
    expect(pagefindFilters({ query: 'deal', speaker: 'Donald Trump' })).toEqual({ speaker: 'Donald Trump' });
    // Only people and claims records have a `card`: its data stays small however many articles there are.
    expect(pagefindFilters({ query: 'deal', type: 'quote' })).toEqual({ not: { card: { any: ['person', 'claims'] } } });
    expect(pagefindFilters({ query: '', type: 'figure' })).toEqual({ not: { card: { any: ['person', 'claims'] } } });
    expect(pagefindFilters({ query: 'deal', type: 'claim' })).toEqual({ not: { card: { any: ['person'] } } });
    expect(pagefindFilters({ query: 'trump', type: 'person' })).toEqual({ card: 'person' });
  });
});

/** What Pagefind hands the page for a record: its stored content (whitespace collapsed) and meta, its URL under the base path. */
function loaded(record: SearchRecord, base = '/news/'): PagefindResultData {
  return {
    url: `${base}${record.url.slice(1)}`,
    content: record.content.replace(/\s+/g, ' ').trim(),
    excerpt: '<mark>Bessent</mark> says',
    meta: record.meta,
    filters: record.filters,
  };
}

describe('the results of a loaded record', () => {
  const MDX = [
    ':person[Scott Bessent]{#scott-bessent} said on :figure[Sunday]{value=2025-10-26 about="day of the interview"} he reached a “:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}” that :claim[will avoid tariffs]{#framework-avoids-tariffs}.',
    '',
    '“:quote[They want to make a Déal]{by=donald-trump claim=both-sides-want-a-deal},” :person[Trump]{#donald-trump} said.',
  ].join('\n');
  const records = async () => {
    const { annotations, text } = await annotate(MDX);
    const entry = manifestArticle('fixture', { title: 'Bessent says', published: '2025-10-26' });
    const sources = siteManifest([], loadRegistry(PIPELINE_CONTENT));
    return searchRecords([publishedArticle(entry, annotations, text)], sources);
  };
  const article = async () => (await records()).find((r) => r.meta.record === 'article')!;
  const summary = (hits: SearchHit[]) => hits.map((hit) => [hit.type, hit.url, hit.title, hit.speaker ?? '']);

  it('lists the article, then each passage holding every word, linked under the base path', async () => {
    const hits = recordHits(loaded(await article()), { query: 'deal' }, '/news/');
    expect(summary(hits)).toEqual([
      // The excerpt's words hold no passage: the link carries them as a text fragment.
      ['article', '/news/articles/fixture/#:~:text=Bessent%20says', 'Bessent says', ''],
      ['quote', '/news/articles/fixture/#quote-they-want-to-make-a-deal', '“They want to make a Déal”', 'Donald Trump'],
    ]);
    expect(hits[1]!.article).toBe('Bessent says');
    // The word as written in the passage, for the landing page to mark.
    expect(hits[1]!.words).toEqual(['Déal']);
  });

  it('matches words by prefix, without case or accents, the speaker’s name counting for a quote', async () => {
    const data = loaded(await article());
    const quotes = (query: string) => summary(recordHits(data, { query, type: 'quote' }, '/news/')).map((h) => h[1]);
    expect(quotes('trump deal')).toEqual(['/news/articles/fixture/#quote-they-want-to-make-a-deal']);
    expect(quotes('DEA')).toEqual(['/news/articles/fixture/#quote-they-want-to-make-a-deal']);
    expect(quotes('bessent substantial')).toEqual(['/news/articles/fixture/#quote-very-substantial-framework']);
    // Both words are in the article, never in one quote.
    expect(quotes('substantial deal')).toEqual([]);
  });

  it('tells the types apart: a claim by its title, a figure by what it measures and its value', async () => {
    const data = loaded(await article());
    const claim = recordHits(data, { query: 'framework tariffs', type: 'claim' }, '/news/');
    expect(summary(claim)).toEqual([
      [
        'claim',
        '/news/articles/fixture/#claim-framework-avoids-tariffs',
        'The framework will avoid 100 percent U.S. tariffs on Chinese goods',
        'Scott Bessent',
      ],
    ]);
    expect(claim[0]!.excerpt!.filter((part) => part.marked).map((part) => part.text)).toEqual(['tariffs']);
    const figure = recordHits(data, { query: 'october', type: 'figure' }, '/news/');
    expect(summary(figure)).toEqual([
      ['figure', '/news/articles/fixture/#figure-sunday', 'Sunday: day of the interview', ''],
    ]);
    expect(recordHits(data, { query: 'deal', type: 'article' }, '/news/').map((hit) => hit.type)).toEqual(['article']);
  });

  it('keeps only the chosen speaker’s passages, and lists them all without words', async () => {
    const data = loaded(await article());
    const bessent = recordHits(data, { query: '', speaker: 'Scott Bessent' }, '/news/');
    expect(bessent.map((hit) => hit.url.split('#')[1])).toEqual([
      'quote-very-substantial-framework',
      'claim-framework-avoids-tariffs',
    ]);
    expect(recordHits(data, { query: '', type: 'figure' }, '/news/').map((hit) => hit.title)).toEqual([
      'Sunday: day of the interview',
    ]);
  });

  it('links a claim of a claims record to its card, and a person to theirs', async () => {
    const all = await records();
    const claims = recordHits(loaded(all.find((r) => r.meta.record === 'claims')!), { query: 'both' }, '/news/');
    expect(summary(claims)).toEqual([
      ['claim', '/news/claims/both-sides-want-a-deal/', 'Both sides want a deal', 'Donald Trump'],
    ]);
    expect(claims[0]!.article).toBe('Bessent says');
    const trump = recordHits(loaded(all.find((r) => r.url === '/people/donald-trump/')!), { query: 'trump' }, '/news/');
    expect(summary(trump)).toEqual([['person', '/news/people/donald-trump/', 'Donald Trump', '']]);
    expect(recordHits(loaded(all[1]!), { query: 'trump', type: 'quote' }, '/news/')).toEqual([]);
  });

  it('folds a query into distinct words', () => {
    expect(queryTerms(' “Déal”  deal TRUMP, ')).toEqual(['deal', 'trump']);
    expect(foldWord('Ärger')).toBe('arger');
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

describe('reading results progressively', () => {
  /** `records` fake records, each giving `perRecord` results; counts the records read. */
  function stream(records: number, perRecord: number) {
    let read = 0;
    const loaders = Array.from({ length: records }, (_, n) => async () => {
      read++;
      return { url: `/r${n}/`, content: '', excerpt: '', meta: {}, filters: {} } as PagefindResultData;
    });
    const hits = (data: PagefindResultData): SearchHit[] =>
      Array.from({ length: perRecord }, (_, k) => ({ type: 'quote', url: `${data.url}#${k}`, title: '', words: [] }));
    return { results: new ResultStream(loaders, hits), read: () => read };
  }

  it('reads records a few at a time until enough results are in hand, and keeps the rest for later', async () => {
    const { results, read } = stream(100, 2);
    expect((await results.take(10, 5)).map((hit) => hit.url)).toEqual([
      '/r0/#0',
      '/r0/#1',
      '/r1/#0',
      '/r1/#1',
      '/r2/#0',
      '/r2/#1',
    ]);
    expect(read()).toBe(3);
    expect(results.complete).toBe(false);
    expect(await results.take(10)).toHaveLength(10);
    expect(read()).toBe(9);
  });

  it('stops after a dozen records when they hold nothing, so a rare type never reads the archive', async () => {
    const { results, read } = stream(1000, 0);
    expect(await results.take(10, 5)).toEqual([]);
    expect(read()).toBe(RECORDS_PER_PAGE);
    expect(results.hasMore).toBe(true);
  });

  it('lists a passage once, and says when every record is read', async () => {
    const { results } = stream(2, 3);
    const loaders = [0, 1].map(() => async () => ({ url: '/same/', content: '', excerpt: '', meta: {}, filters: {} }));
    const same = new ResultStream(loaders, (data) => [{ type: 'article', url: data.url, title: '', words: [] }]);
    expect(await same.take(10)).toHaveLength(1);
    expect(await results.take(10)).toHaveLength(6);
    expect(results.complete && !results.hasMore).toBe(true);
  });
});
