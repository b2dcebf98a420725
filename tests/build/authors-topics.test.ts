import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, pageFile, readPage, select, selectAll, toText } from '../helpers/html';
import { textContent } from '../helpers/text-content';

type Node = Record<string, any>;

/**
 * The second site: Lena Hart and Priya Nair wrote the bridge article (with a free-text byline
 * beside them); Lena Hart alone wrote the later ferry article. Both articles are tagged
 * `transport`.
 */
const second = siteDir('second');
const seed = siteDir('seed');
const ORIGIN = 'http://localhost:4321';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function graphOf(page: string): Node[] {
  const block = select('script[type="application/ld+json"]', readPage(second, page))!;
  return JSON.parse(textContent(block))['@graph'] as Node[];
}

describe('author pages', () => {
  it('list the author’s articles newest first, with their name, role, bio and links', () => {
    const page = readPage(second, '/authors/lena-hart/');
    expect(toText(select('h1', page)!)).toBe('Lena Hart');
    expect(toText(page)).toContain('Transport reporter');
    expect(toText(page)).toContain('Lena Hart covers roads, bridges and buses');
    const links = selectAll('.author__links a', page).map((a) => [toText(a), attr(a, 'href')]);
    expect(links).toEqual([
      ['Newsletter', 'https://example.org/newsletters/lena-hart'],
      ['Mastodon', 'https://social.example.org/@lenahart'],
    ]);
    const articles = selectAll('.article-list__title a', page).map((a) => attr(a, 'href'));
    expect(articles).toEqual(['/articles/sunday-ferry-timetable/', '/articles/riverton-bridge/']);
  });

  it('have an index of every author', () => {
    const links = selectAll('main a[href^="/authors/"]', readPage(second, '/authors/')).map((a) => attr(a, 'href'));
    expect(links).toEqual(['/authors/lena-hart/', '/authors/priya-nair/']);
  });

  it('describe the author as a ProfilePage whose main entity is a Person', () => {
    const nodes = graphOf('/authors/lena-hart/');
    const profile = nodes.find((node) => node['@type'] === 'ProfilePage')!;
    const person = nodes.find((node) => node['@type'] === 'Person')!;
    expect(profile.mainEntity).toEqual({ '@id': person['@id'] });
    expect(person).toMatchObject({
      name: 'Lena Hart',
      url: `${ORIGIN}/authors/lena-hart/`,
      jobTitle: 'Transport reporter',
    });
  });
});

describe('an article with authors', () => {
  const page = readPage(second, '/articles/riverton-bridge/');

  it('links each author in the byline, and keeps the free-text byline after them', () => {
    const meta = select('.article__meta', page)!;
    // The dateline's items are spans; CSS puts the dots between them.
    const items = selectAll(':scope > span', meta).map((span) => squash(toText(span)));
    expect(items.slice(0, 2)).toEqual(['By Lena Hart and Priya Nair', 'With reporting by the Riverton Courier']);
    const links = selectAll('a[rel="author"]', meta).map((a) => attr(a, 'href'));
    expect(links).toEqual(['/authors/lena-hart/', '/authors/priya-nair/']);
  });

  it('names each author in JSON-LD as a Person with the author page as url and @id (the byline stays text)', () => {
    const article = graphOf('/articles/riverton-bridge/').find((node) => node['@type'] === 'NewsArticle')!;
    expect(article.author).toEqual([
      {
        '@type': 'Person',
        '@id': `${ORIGIN}/authors/lena-hart/#author`,
        name: 'Lena Hart',
        url: `${ORIGIN}/authors/lena-hart/`,
      },
      {
        '@type': 'Person',
        '@id': `${ORIGIN}/authors/priya-nair/#author`,
        name: 'Priya Nair',
        url: `${ORIGIN}/authors/priya-nair/`,
      },
    ]);
    expect(article.keywords).toEqual(['local', 'transport']);
    expect(article.about).toEqual([
      { '@type': 'Thing', name: 'local', url: `${ORIGIN}/topics/local/` },
      { '@type': 'Thing', name: 'transport', url: `${ORIGIN}/topics/transport/` },
    ]);
  });

  it('links its topics', () => {
    const topics = selectAll('.article__topics a', page).map((a) => [toText(a), attr(a, 'href')]);
    expect(topics).toEqual([
      ['local', '/topics/local/'],
      ['transport', '/topics/transport/'],
    ]);
  });
});

describe('topic pages', () => {
  it('list the topic’s articles newest first, and the people and claims in them with counts', () => {
    const page = readPage(second, '/topics/transport/');
    expect(toText(select('h1', page)!)).toBe('transport');
    const articles = selectAll('.article-list__title a', page).map((a) => attr(a, 'href'));
    expect(articles).toEqual(['/articles/sunday-ferry-timetable/', '/articles/riverton-bridge/']);
    const people = selectAll('.topic-people li', page).map((li) => squash(toText(li)));
    expect(people).toHaveLength(2);
    expect(people.every((line) => line.endsWith('in 1 article'))).toBe(true);
    expect(selectAll('.topic-people a', page).map((a) => attr(a, 'href'))).toEqual(
      expect.arrayContaining(['/people/amara-okafor/', '/people/tomas-lindqvist/']),
    );
    const claims = selectAll('.topic-claims a', page).map((a) => attr(a, 'href'));
    expect(claims).toEqual(expect.arrayContaining(['/claims/bridge-opens-in-spring/', '/claims/lanes-cut-crashes/']));
  });

  it('are listed at /topics/ with their article counts', () => {
    const items = selectAll('.topic-list li', readPage(second, '/topics/')).map((li) => squash(toText(li)));
    expect(items).toEqual(['Bridge works 1 article', 'local 1 article', 'transport 2 articles']);
  });

  it('appear in the sitemap', () => {
    const sitemap = fs.readFileSync(path.join(second, 'sitemap-0.xml'), 'utf8');
    for (const page of ['/authors/lena-hart/', '/topics/', '/topics/transport/']) {
      expect(sitemap).toContain(`<loc>${ORIGIN}${page}</loc>`);
    }
  });

  it('exist for the seed’s tags, and the seed has no invented author', () => {
    expect(listPages(seed)).toEqual(expect.arrayContaining(['/topics/', '/topics/trade/', '/topics/tariffs/']));
    expect(listPages(seed).filter((page) => /^\/authors\/[^/]+\//.test(page))).toEqual([]);
    expect(fs.existsSync(pageFile(seed, '/authors/'))).toBe(true);
  });
});

describe('the feed', () => {
  const parser = new XMLParser({ isArray: (name) => ['item', 'category', 'dc:creator'].includes(name) });
  const items = parser.parse(fs.readFileSync(path.join(second, 'rss.xml'), 'utf8')).rss.channel.item as Node[];

  it('names each item’s authors and gives a category per topic', () => {
    const ferry = items.find((item) => item.link.endsWith('/articles/sunday-ferry-timetable/'))!;
    expect(ferry['dc:creator']).toEqual(['Lena Hart']);
    expect(ferry.category).toEqual(['transport', 'Bridge works']);
    const bridge = items.find((item) => item.link.endsWith('/articles/riverton-bridge/'))!;
    expect(bridge['dc:creator']).toEqual(['Lena Hart', 'Priya Nair']);
  });
});
