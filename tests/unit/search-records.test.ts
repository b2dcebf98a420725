import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../src/annotations/kinds';
import { manifestArticle, siteManifest, type SiteManifest } from '../../src/collections/site-manifest';
import { loadRegistry } from '../../src/content/registry';
import { publishedArticle, type PublishedArticle } from '../../src/search/published-article';
import { CLAIMS_PER_RECORD, searchRecords, type RecordSources, type SearchRecord } from '../../src/search/records';
import { passagesOf } from '../helpers/pagefind-output';
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
  return { article: publishedArticle(entry, pipeline.annotations, pipeline.text), pipeline };
}

const articleRecords = (records: SearchRecord[]) => records.filter((r) => r.meta.record === 'article');

describe('what search knows of a published article', () => {
  it('has the pipeline’s text and annotation records as they are, with the manifest’s title, date and language', async () => {
    const { article, pipeline } = await publishedFixture();
    expect(article).toMatchObject({
      path: '/articles/fixture/',
      title: TITLE,
      language: 'en',
      published: '2025-10-26',
    });
    expect(article.annotations).toEqual(pipeline.annotations);
    expect(article.text).toEqual(pipeline.text);
  });

  it('lists its quotes, stated claims and figures as passages in reading order, the order of the page', async () => {
    const { article, pipeline } = await publishedFixture();
    const shuffled = { ...article, annotations: [...article.annotations].reverse() };
    const [record] = articleRecords(searchRecords([shuffled], manifest()));
    const onPage = [...pipeline.html.matchAll(/<[a-z]+ [^>]*data-annotation="(quote|figure|claim)"[^>]*>/g)].map(
      (tag) => /\bid="([^"]+)"/.exec(tag[0])![1],
    );
    expect(passagesOf(record!).map((p) => p.i)).toEqual(onPage);
  });

  it('words a figure as its card does: what it measures and its value in words', async () => {
    const { article, pipeline } = await publishedFixture();
    const passages = passagesOf(articleRecords(searchRecords([article], manifest()))[0]!);
    expect(passages.find((p) => p.i === 'figure-100-percent')).toEqual({
      i: 'figure-100-percent',
      k: 'figure',
      text: '100 percent',
      t: 'U.S. tariffs on Chinese goods',
    });
    expect(passages.find((p) => p.i === 'figure-sunday')).toEqual({
      i: 'figure-sunday',
      k: 'figure',
      text: 'Sunday',
      t: 'day of the interview',
      x: 'October 26, 2025',
    });
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
      expect(Object.keys(claim).every((key) => ['id', 'title', 'statement', 'claimant', 'context'].includes(key))).toBe(
        true,
      );
  });
});

describe('search records', () => {
  it('makes one record per article, one per person, and one for the claims no article states', async () => {
    const { article } = await publishedFixture();
    const records = searchRecords([article], manifest());
    expect(records.map((r) => [r.meta.record, r.url])).toEqual([
      ['article', '/articles/fixture/'],
      ['person', '/people/donald-trump/'],
      ['person', '/people/scott-bessent/'],
      // Cited by a quote only: the claims record links it to its card.
      ['claims', '/claims/#claims-1'],
    ]);
    expect(records.map((r) => r.filters.card)).toEqual([undefined, ['person'], ['person'], ['claims']]);
  });

  it('keeps the article’s title and text as its content, and the words that find a passage after them', async () => {
    const { article, pipeline } = await publishedFixture();
    const [record] = articleRecords(searchRecords([article], manifest()));
    expect(record!.content.startsWith(`${TITLE}\n\n${pipeline.text.text}\n\n`)).toBe(true);
    // "trump deal" finds the article by its speaker's name, even where the text only says "Trump".
    expect(record!.content.split('\n')).toContain('Donald Trump');
    expect(record!.meta).toMatchObject({ title: TITLE, record: 'article', date: '2025-10-26' });
    expect(Object.keys(record!.meta).sort()).toEqual(['date', 'passages', 'record', 'title']);
  });

  it('makes one record per person and claim however many articles mention them', async () => {
    const { article } = await publishedFixture();
    const later: PublishedArticle = { ...article, path: '/articles/later/', title: 'Later', published: '2025-11-02' };
    const records = searchRecords([later, article], manifest());
    expect(records.filter((r) => r.meta.title === 'Scott Bessent').map((r) => r.url)).toEqual([
      '/people/scott-bessent/',
    ]);
    expect(articleRecords(records)).toHaveLength(2);
    // The claims record names the earliest article citing a claim, whatever the order.
    const [claims] = records.filter((r) => r.meta.record === 'claims');
    expect(passagesOf(claims!).map((p) => p.a)).toEqual([TITLE]);
  });

  it('gives a quote its speaker, and the article the speakers it quotes as the `speaker` filter', async () => {
    const { article } = await publishedFixture();
    const [record] = articleRecords(searchRecords([article], manifest()));
    expect(passagesOf(record!).find((p) => p.i === 'quote-they-want-to-make-a-deal')).toEqual({
      i: 'quote-they-want-to-make-a-deal',
      k: 'quote',
      text: 'They want to make a deal and we want to make a deal',
      s: 'Donald Trump',
    });
    expect(passagesOf(record!).find((p) => p.i === 'quote-very-substantial-framework')!.text).toBe(
      'very substantial framework',
    );
    expect(record!.filters).toEqual({ speaker: ['Scott Bessent', 'Donald Trump'] });
  });

  it('finds a quote that answers someone else’s claim by that claim too', async () => {
    const pipeline = await annotate(
      'Trump: “:quote[Nothing is agreed]{by=donald-trump disputes=framework-avoids-tariffs}”, not yet.',
    );
    const entry = manifestArticle('answer', { title: 'Answer', published: '2025-10-27' });
    const records = searchRecords([publishedArticle(entry, pipeline.annotations, pipeline.text)], manifest());
    const title = manifest().claims.find((c) => c.id === 'framework-avoids-tariffs')!.title;
    expect(passagesOf(articleRecords(records)[0]!)).toEqual([
      {
        i: 'quote-nothing-is-agreed',
        k: 'quote',
        text: 'Nothing is agreed',
        s: 'Donald Trump',
        x: `Disputes the claim · ${title} · Scott Bessent`,
      },
    ]);
    // Answering a claim does not state it: the claim stays in the claims record, at its card.
    const claims = passagesOf(records.find((r) => r.meta.record === 'claims')!);
    expect(claims.find((p) => p.t === title)!.u).toBe('/claims/framework-avoids-tariffs/');
  });

  it('makes a stated claim a passage of its article, titled by its title and credited to its claimant', async () => {
    const { article } = await publishedFixture();
    const sources = manifest();
    const [record] = articleRecords(searchRecords([article], sources));
    const claim = sources.claims.find((c) => c.id === 'framework-avoids-tariffs')!;
    expect(passagesOf(record!).find((p) => p.k === 'claim')).toEqual({
      i: 'claim-framework-avoids-tariffs',
      k: 'claim',
      text: 'will avoid 100 percent tariffs',
      s: 'Scott Bessent',
      t: claim.title,
      x: claim.statement,
    });
  });

  it('links a claim no passage states to its card, with its claimant and the article that cites it', async () => {
    const { article } = await publishedFixture();
    const sources = manifest();
    const claims = searchRecords([article], sources).find((r) => r.meta.record === 'claims')!;
    expect(claims.filters).toEqual({ card: ['claims'], speaker: ['Donald Trump'] });
    expect(passagesOf(claims)).toEqual([
      {
        i: 'both-sides-want-a-deal',
        k: 'claim',
        text: 'Both sides want a deal · Both sides want a deal. · Donald Trump',
        s: 'Donald Trump',
        t: 'Both sides want a deal',
        u: '/claims/both-sides-want-a-deal/',
        a: TITLE,
      },
    ]);
    // A claim no article cites yet is still found, at its card.
    const uncited = passagesOf(searchRecords([], sources).find((r) => r.meta.record === 'claims')!);
    expect(uncited.map((p) => [p.u, p.a])).toEqual([
      ['/claims/both-sides-want-a-deal/', undefined],
      ['/claims/framework-avoids-tariffs/', undefined],
    ]);
  });

  it('groups the claims no article states, so their records stay few', () => {
    const claims = Array.from({ length: CLAIMS_PER_RECORD * 2 + 1 }, (_, n) => ({
      id: `claim-${n}`,
      title: `Claim ${n}`,
      statement: `Statement ${n}.`,
      claimant: 'donald-trump',
    }));
    const records = searchRecords([], { people: manifest().people, claims });
    const groups = records.filter((r) => r.meta.record === 'claims');
    expect(groups.map((r) => passagesOf(r).length)).toEqual([CLAIMS_PER_RECORD, CLAIMS_PER_RECORD, 1]);
    expect(passagesOf(groups[2]!)[0]!.text).toBe(
      `Claim ${CLAIMS_PER_RECORD * 2} · Statement ${CLAIMS_PER_RECORD * 2}. · Donald Trump`,
    );
  });

  it('names a person by their registry name, found by role, aliases and bio, at their card', async () => {
    const { article } = await publishedFixture();
    const trump = searchRecords([article], manifest()).find((r) => r.url === '/people/donald-trump/')!;
    expect(trump).toEqual({
      url: '/people/donald-trump/',
      content: 'Donald Trump · President of the United States · Trump · President of the United States.',
      language: 'en',
      meta: { title: 'Donald Trump', record: 'person' },
      filters: { card: ['person'] },
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
      text: { text: 'hi', spans: { 'quote-hi': [0, 2] } },
    };
    const sources: RecordSources = { people: [], claims: [] };
    expect(() => searchRecords([article], sources)).toThrow('/articles/x/#quote-hi: unknown person `nobody`');
  });
});
