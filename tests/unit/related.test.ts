import { describe, expect, it } from 'vitest';
import { defaultMaxPostings, relatedArticles, type RelatedInput } from '../../src/collections/related';

const article = (slug: string, date: string, things: Partial<RelatedInput> = {}): RelatedInput => ({
  slug,
  date,
  people: [],
  claims: [],
  tags: [],
  ...things,
});

const slugsOf = (result: ReturnType<typeof relatedArticles>, slug: string) =>
  (result.related.get(slug) ?? []).map((item) => item.slug);

describe('related articles', () => {
  it('ranks by shared claims (3), topics (2) and people (1), and says what is shared', () => {
    const result = relatedArticles([
      article('viewed', '2026-01-10', { people: ['ana', 'ben'], claims: ['c1'], tags: ['Trade', 'tariffs'] }),
      article('one-person', '2026-01-09', { people: ['ana'] }),
      article('one-claim', '2026-01-01', { claims: ['c1'] }),
      article('two-tags', '2025-12-01', { tags: ['trade', ' TARIFFS '] }),
      article('nothing', '2026-01-11', { people: ['carl'], tags: ['sport'] }),
    ]);
    expect(result.related.get('viewed')).toEqual([
      { slug: 'two-tags', score: 4, shared: { people: [], claims: [], tags: ['Trade', 'tariffs'] } },
      { slug: 'one-claim', score: 3, shared: { people: [], claims: ['c1'], tags: [] } },
      { slug: 'one-person', score: 1, shared: { people: ['ana'], claims: [], tags: [] } },
    ]);
    expect(result.related.get('nothing')).toEqual([]);
  });

  it('relates articles whose tags are one topic however they are spelled, as the topic page groups them', () => {
    const result = relatedArticles([
      article('hyphenated', '2026-01-10', { tags: ['tarrant-bay'] }),
      article('spaced', '2026-01-09', { tags: ['Tarrant Bay'] }),
      article('accented', '2026-01-08', { tags: ['Tarránt Bay.'] }),
    ]);
    expect(result.related.get('hyphenated')).toEqual([
      { slug: 'spaced', score: 2, shared: { people: [], claims: [], tags: ['tarrant-bay'] } },
      { slug: 'accented', score: 2, shared: { people: [], claims: [], tags: ['tarrant-bay'] } },
    ]);
    expect(slugsOf(result, 'spaced')).toEqual(['hyphenated', 'accented']);
  });

  it('breaks ties by recency, then by slug, and keeps at most five', () => {
    const others = ['2026-01-01', '2026-03-01', '2026-02-01', '2026-03-01', '2025-01-01', '2024-01-01', '2026-04-01'];
    const result = relatedArticles([
      article('viewed', '2026-05-01', { people: ['ana'] }),
      ...others.map((date, i) => article(`a${i}`, date, { people: ['ana'] })),
    ]);
    expect(slugsOf(result, 'viewed')).toEqual(['a6', 'a1', 'a3', 'a2', 'a0']);
  });

  it('skips an entity shared by more articles than the cap', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      article(`a${i}`, '2026-01-01', { tags: ['news'], people: i < 2 ? ['ana'] : [] }),
    );
    expect(defaultMaxPostings(many.length)).toBe(10);
    const result = relatedArticles(many);
    expect(slugsOf(result, 'a0')).toEqual(['a1']);
    expect(slugsOf(result, 'a5')).toEqual([]);
    expect(defaultMaxPostings(500)).toBe(100);
    expect(defaultMaxPostings(5_000)).toBe(200);
  });

  it('does work linear in the archive: 10,000 articles with common and rare entities', () => {
    const count = 10_000;
    const articles = Array.from({ length: count }, (_, i) =>
      article(`a${i}`, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, {
        // Two entities in every article (skipped), a person in 50, a claim in 5, a tag in 100.
        tags: ['news', `topic-${i % 100}`],
        people: ['reporter', `person-${i % 200}`],
        claims: [`claim-${i % 2_000}`],
      }),
    );
    const result = relatedArticles(articles);
    // Each article visits at most 200 postings per entity; here 100 + 50 + 5, and none for the two in every article.
    expect(result.operations).toBeLessThanOrEqual(count * (100 + 50 + 5));
    expect(result.operations).toBeGreaterThan(0);
    expect(slugsOf(result, 'a0')).toHaveLength(5);
    expect(result.related.get('a0')?.[0]?.shared.claims).toEqual(['claim-0']);
  });
});
