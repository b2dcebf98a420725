import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../src/annotations/kinds';
import { manifestArticle, siteManifest, type SiteManifest } from '../../src/collections/site-manifest';
import { loadRegistry } from '../../src/content/registry';
import { publishedArticle, type PublishedArticle } from '../../src/search/published-article';
import { searchRecords, type RecordSources } from '../../src/search/records';
import { annotate, PIPELINE_CONTENT } from '../helpers/annotate';

const MDX = [
  'U.S. Treasury Secretary :person[Scott Bessent]{#scott-bessent} said on :figure[Sunday]{value=2025-10-26 about="day of the interview"} he reached a “:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}” that :claim[will avoid :figure[100 percent]{value=100 unit=percent about="U.S. tariffs on Chinese goods"} tariffs]{#framework-avoids-tariffs}.',
  '',
  '“:quote[They want to make a deal and we want to make a deal]{by=donald-trump claim=both-sides-want-a-deal},” :person[Trump]{#donald-trump} said, and :person[Bessent]{#scott-bessent} agreed.',
].join('\n');

const TITLE = 'Framework <reached> & “agreed”';

/** The manifest the content layer writes for the pipeline fixtures' people and claims. */
const manifest = (): SiteManifest => siteManifest([], loadRegistry(PIPELINE_CONTENT));

async function publishedFixture(): Promise<{
  article: PublishedArticle;
  pipeline: Awaited<ReturnType<typeof annotate>>;
}> {
  const pipeline = await annotate(MDX);
  const entry = manifestArticle('fixture', { title: TITLE, published: '2025-10-26' });
  return { article: publishedArticle(entry, pipeline.annotations), pipeline };
}

describe('what search knows of a published article', () => {
  it('has the pipeline’s annotation records as they are, with the manifest’s title, date and language', async () => {
    const { article, pipeline } = await publishedFixture();
    expect(article).toMatchObject({
      path: '/articles/fixture/',
      title: TITLE,
      language: 'en',
      published: '2025-10-26',
    });
    expect(article.annotations).toEqual(pipeline.annotations);
  });

  it('makes its records in reading order, the order of the page', async () => {
    const { article, pipeline } = await publishedFixture();
    const shuffled = { ...article, annotations: [...article.annotations].reverse() };
    const passages = searchRecords([shuffled], manifest())
      .filter((r) => r.url.startsWith('/articles/') && r.filters.type![0] !== 'claim')
      .map((r) => r.url.split('#')[1]);
    const onPage = [...pipeline.html.matchAll(/<[a-z]+ [^>]*data-annotation="(quote|figure)"[^>]*>/g)].map(
      (tag) => /\bid="([^"]+)"/.exec(tag[0])![1],
    );
    expect([...passages].sort()).toEqual([...onPage].sort());
    const order = (kind: string) => onPage.filter((id) => id!.startsWith(kind));
    expect(passages.filter((id) => id!.startsWith('quote'))).toEqual(order('quote'));
    expect(passages.filter((id) => id!.startsWith('figure'))).toEqual(order('figure'));
  });

  it('words a figure as its card does: what it measures and its value in words', async () => {
    const { article, pipeline } = await publishedFixture();
    const records = searchRecords([article], manifest());
    const percent = records.find((r) => r.url.endsWith('#figure-100-percent'))!;
    expect(percent.content).toBe('100 percent · U.S. tariffs on Chinese goods');
    const sunday = records.find((r) => r.url.endsWith('#figure-sunday'))!;
    expect(sunday.content).toBe('Sunday · day of the interview · October 26, 2025');
    expect(pipeline.html).toContain('<data value="2025-10-26">October 26, 2025</data>');
  });
});

describe('the site manifest', () => {
  it('keeps the people and claims in the registry’s order, with the fields search uses', () => {
    const registry = loadRegistry(PIPELINE_CONTENT);
    const { people, claims, articles } = siteManifest(
      [
        manifestArticle('b', { title: 'B', published: '2025-10-27' }),
        manifestArticle('a', { title: 'A', published: '2025-10-26' }),
      ],
      registry,
    );
    expect(articles.map((a) => a.slug)).toEqual(['a', 'b']);
    expect(articles[0]).toEqual({ slug: 'a', title: 'A', published: '2025-10-26', language: 'en' });
    expect(people.map((p) => p.id)).toEqual([...registry.people.keys()]);
    expect(claims.map((c) => c.id)).toEqual([...registry.claims.keys()]);
    const trump = registry.people.get('donald-trump')!.data;
    expect(people.find((p) => p.id === 'donald-trump')).toEqual({
      id: 'donald-trump',
      name: trump.name,
      role: trump.role,
      aliases: trump.aliases,
      bio: trump.bio,
    });
    for (const claim of claims)
      expect(Object.keys(claim).every((key) => ['id', 'statement', 'claimant', 'context'].includes(key))).toBe(true);
  });
});

describe('search records', () => {
  it('makes one record per quote and figure at its passage, one per claim and one per person at their card', async () => {
    const { article } = await publishedFixture();
    const records = searchRecords([article], manifest());
    expect(records.map((r) => [r.filters.type![0], r.url])).toEqual([
      ['quote', '/articles/fixture/#quote-very-substantial-framework'],
      ['quote', '/articles/fixture/#quote-they-want-to-make-a-deal'],
      // Cited by a quote only: its card lists the passages.
      ['claim', '/claims/both-sides-want-a-deal/'],
      ['claim', '/articles/fixture/#claim-framework-avoids-tariffs'],
      ['figure', '/articles/fixture/#figure-sunday'],
      ['figure', '/articles/fixture/#figure-100-percent'],
      ['person', '/people/donald-trump/'],
      ['person', '/people/scott-bessent/'],
    ]);
  });

  it('makes one record per person and per claim however many articles mention them', async () => {
    const { article } = await publishedFixture();
    const later: PublishedArticle = {
      ...article,
      path: '/articles/later/',
      title: 'Later',
      published: '2025-11-02',
      annotations: article.annotations.map((a) => (a.kind === 'claim' ? { ...a, text: 'avoids the tariffs' } : a)),
    };
    // The later article comes first in the list: the claim still points where it was first reported.
    const records = searchRecords([later, article], manifest());
    expect(records.filter((r) => r.meta.title === 'Scott Bessent').map((r) => r.url)).toEqual([
      '/people/scott-bessent/',
    ]);
    const claims = records.filter((r) => r.url.includes('#claim-'));
    expect(claims.map((r) => r.url)).toEqual(['/articles/fixture/#claim-framework-avoids-tariffs']);
    // Found by the words of every passage that states it.
    expect(claims[0]!.content).toContain('will avoid 100 percent tariffs · avoids the tariffs · ');
    expect(records.filter((r) => r.filters.type![0] === 'quote')).toHaveLength(4);
  });

  it('gives a quote its speaker and article as filters and meta, and makes the speaker searchable', async () => {
    const { article } = await publishedFixture();
    const quote = searchRecords([article], manifest()).find((r) => r.url.endsWith('#quote-they-want-to-make-a-deal'))!;
    expect(quote).toEqual({
      url: '/articles/fixture/#quote-they-want-to-make-a-deal',
      content: '“They want to make a deal and we want to make a deal” — Donald Trump',
      language: 'en',
      meta: {
        title: '“They want to make a deal and we want to make a deal”',
        speaker: 'Donald Trump',
        article: TITLE,
      },
      filters: { type: ['quote'], speaker: ['Donald Trump'], article: [TITLE] },
    });
  });

  it('finds a quote that answers someone else’s claim by that claim too, and names it in meta', async () => {
    const pipeline = await annotate(
      'Trump: “:quote[Nothing is agreed]{by=donald-trump disputes=framework-avoids-tariffs}”, not yet.',
    );
    const entry = manifestArticle('answer', { title: 'Answer', published: '2025-10-27' });
    const records = searchRecords([publishedArticle(entry, pipeline.annotations)], manifest());
    const quote = records.find((r) => r.url === '/articles/answer/#quote-nothing-is-agreed')!;
    const statement = 'The framework will avoid 100 percent U.S. tariffs on Chinese goods.';
    expect(quote).toEqual({
      url: '/articles/answer/#quote-nothing-is-agreed',
      content: `“Nothing is agreed” — Donald Trump · Disputes the claim · ${statement} · Scott Bessent`,
      language: 'en',
      meta: {
        title: '“Nothing is agreed”',
        speaker: 'Donald Trump',
        article: 'Answer',
        responds_to: statement,
        stance: 'Disputes',
      },
      filters: { type: ['quote'], speaker: ['Donald Trump'], article: ['Answer'] },
    });
    // Answering a claim does not cite it: the claim's record stays at its card.
    expect(records.find((r) => r.filters.type![0] === 'claim' && r.meta.title === statement)!.url).toBe(
      '/claims/framework-avoids-tariffs/',
    );
  });

  it('titles a claim by its statement, credits its claimant, and finds it by passage or statement', async () => {
    const { article } = await publishedFixture();
    const sources = manifest();
    const claim = searchRecords([article], sources).find((r) => r.url.endsWith('#claim-framework-avoids-tariffs'))!;
    const statement = sources.claims.find((c) => c.id === 'framework-avoids-tariffs')!.statement;
    expect(claim.meta.title).toBe(statement);
    expect(claim.filters.speaker).toEqual(['Scott Bessent']);
    expect(claim.content).toBe(`will avoid 100 percent tariffs · ${statement} · Scott Bessent`);
    expect(claim.meta).toEqual({ title: statement, speaker: 'Scott Bessent', article: TITLE });
  });

  it('links a claim no passage states to its card, with its claimant and the article that cites it', async () => {
    const { article } = await publishedFixture();
    const sources = manifest();
    const card = searchRecords([article], sources).find((r) => r.url === '/claims/both-sides-want-a-deal/')!;
    expect(card).toEqual({
      url: '/claims/both-sides-want-a-deal/',
      content: 'Both sides want a deal. · Donald Trump',
      language: 'en',
      meta: { title: 'Both sides want a deal.', speaker: 'Donald Trump', article: TITLE },
      filters: { type: ['claim'], speaker: ['Donald Trump'], article: [TITLE] },
    });
    // A claim no article cites yet is still found, at its card.
    const uncited = searchRecords([], sources).filter((r) => r.filters.type![0] === 'claim');
    expect(uncited.map((r) => [r.url, r.filters.article])).toEqual([
      ['/claims/both-sides-want-a-deal/', undefined],
      ['/claims/framework-avoids-tariffs/', undefined],
    ]);
  });

  it('makes a figure findable by what it measures and by its value in words, without a speaker', async () => {
    const { article } = await publishedFixture();
    const sunday = searchRecords([article], manifest()).find((r) => r.url.endsWith('#figure-sunday'))!;
    expect(sunday.meta.title).toBe('Sunday: day of the interview');
    expect(sunday.content).toBe('Sunday · day of the interview · October 26, 2025');
    expect(sunday.filters).not.toHaveProperty('speaker');
    expect(sunday.meta).not.toHaveProperty('speaker');
  });

  it('names a person by their registry name, found by role, aliases and bio, at their card', async () => {
    const { article } = await publishedFixture();
    const trump = searchRecords([article], manifest()).find((r) => r.url === '/people/donald-trump/')!;
    expect(trump).toEqual({
      url: '/people/donald-trump/',
      content: 'Donald Trump · President of the United States · Trump · President of the United States.',
      language: 'en',
      meta: { title: 'Donald Trump' },
      filters: { type: ['person'] },
    });
  });

  it('stops on a reference the registry does not know, naming the passage', () => {
    const quoteRecord: AnnotationRecord = {
      id: 'quote-hi',
      kind: 'quote',
      number: 1,
      ref: 'nobody',
      person: 'nobody',
      text: 'hi',
      context: 'hi',
      contextOffset: 0,
      line: 1,
      column: 1,
    };
    const article: PublishedArticle = {
      path: '/articles/x/',
      title: 'X',
      language: 'en',
      annotations: [quoteRecord],
    };
    const sources: RecordSources = { people: [], claims: [] };
    expect(() => searchRecords([article], sources)).toThrow('/articles/x/#quote-hi: unknown person `nobody`');
  });
});
