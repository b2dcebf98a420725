import { describe, expect, it } from 'vitest';
import { foldCase } from '../../src/lib/fold';
import { excerptAround, matchRecords, words, type SavedRecord } from '../../src/offline/saved-search-match';

const article = 'Bessent says U.S. and China reached a framework';
const records: SavedRecord[] = [
  {
    url: '/articles/trade/',
    type: 'article',
    title: article,
    content: `Treasury Secretary Scott Bessent said on Sunday he has reached a “very substantial framework” with Chinese Vice Premier He Lifeng. ${'Talks continued in Kuala Lumpur. '.repeat(10)}The Élysée was not involved.`,
  },
  {
    url: '/articles/trade/#quote-very-substantial-framework',
    type: 'quote',
    title: '“very substantial framework”',
    speaker: 'Scott Bessent',
    article,
    content: '“very substantial framework” — Scott Bessent',
  },
  {
    url: '/articles/trade/#quote-want-a-deal',
    type: 'quote',
    title: '“They want to make a deal and we want to make a deal”',
    speaker: 'Donald Trump',
    article,
    content: '“They want to make a deal and we want to make a deal” — Donald Trump',
  },
  { url: '/people/he-lifeng/', type: 'person', title: 'He Lifeng', content: 'He Lifeng Chinese Vice Premier' },
  { url: '/people/he-lifeng/', type: 'person', title: 'He Lifeng', content: 'He Lifeng Chinese Vice Premier' },
];

describe('offline search over saved articles', () => {
  it('folds case and accents', () => {
    expect(foldCase('Élysée BESSENT')).toBe('elysee bessent');
    expect(words('“Very”, substantial—framework!')).toEqual(['very', 'substantial', 'framework']);
  });

  it('matches every word of the query as a prefix, case and accents ignored', () => {
    expect(matchRecords(records, 'WANT deal').map((r) => r.url)).toEqual(['/articles/trade/#quote-want-a-deal']);
    expect(matchRecords(records, 'subst frame').map((r) => r.url)).toEqual([
      '/articles/trade/',
      '/articles/trade/#quote-very-substantial-framework',
    ]);
    expect(matchRecords(records, 'elysee').map((r) => r.type)).toEqual(['article']);
    expect(matchRecords(records, 'ubstantial')).toEqual([]);
    expect(matchRecords(records, 'deal unicorn')).toEqual([]);
  });

  it('filters by type and by speaker, and lists each URL once', () => {
    expect(matchRecords(records, 'framework', { type: 'quote' }).map((r) => r.speaker)).toEqual(['Scott Bessent']);
    expect(matchRecords(records, '', { speaker: 'donald trump' }).map((r) => r.type)).toEqual(['quote']);
    expect(matchRecords(records, 'lifeng', { type: 'person' })).toHaveLength(1);
  });

  it('returns the fields a result shows, with an excerpt around the match', () => {
    const [quote] = matchRecords(records, 'want deal');
    expect(quote).toEqual({
      url: '/articles/trade/#quote-want-a-deal',
      type: 'quote',
      title: '“They want to make a deal and we want to make a deal”',
      speaker: 'Donald Trump',
      article,
      excerpt: '“They want to make a deal and we want to make a deal” — Donald Trump',
    });
    const [page] = matchRecords(records, 'elysee', { type: 'article' });
    expect(page!.excerpt.startsWith('…')).toBe(true);
    expect(page!.excerpt).toContain('The Élysée was not involved.');
    expect(page!.excerpt.length).toBeLessThanOrEqual(170);
  });

  it('cuts a long text on word boundaries', () => {
    const text = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`;
    const excerpt = excerptAround(text, ['needle']);
    expect(excerpt).toMatch(/^…word .*needle.* tail…$/);
  });
});
