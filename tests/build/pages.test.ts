import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { PROJECT_ROOT } from '../helpers/paths';
import { attr, listPages, readPage, select, selectAll, toText } from '../helpers/html';

const ARTICLE = '/articles/us-china-trade-framework/';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const ids = (folder: string) =>
  fs
    .readdirSync(path.join(PROJECT_ROOT, 'content', folder))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();

describe('the front page', () => {
  const home = readPage(siteDir('seed'), '/');

  it('leads with the newest article: headline, dateline and standfirst', () => {
    const lead = select('.lead', home)!;
    expect(attr(select('.lead__title a', lead)!, 'href')).toBe(ARTICLE);
    expect(squash(toText(select('.lead__title', lead)!))).toMatch(/^Bessent says U\.S\. and China/);
    expect(squash(toText(select('.lead__standfirst', lead)!)).length).toBeGreaterThan(40);
    expect(attr(select('.lead__dateline time', lead)!, 'dateTime')).toBe('2025-10-26');
  });

  it('names the people and claims the lead annotates, each claim with its status in words', () => {
    const people = selectAll('.lead__people a', home).map((a) => attr(a, 'href'));
    expect(people).toContain('/people/scott-bessent/');
    const claims = selectAll('.lead__claims li', home);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(attr(select('a', claim)!, 'href')).toMatch(/^\/claims\/[a-z0-9-]+\/$/);
      expect(toText(select('.status__label', claim)!)).toMatch(/^(Stated|Pending|Supported|Disputed|False)$/);
    }
  });

  it('has one h1 and leads the way to people, claims and quotes', () => {
    expect(selectAll('h1', home)).toHaveLength(1);
    const links = selectAll('main a', home).map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/people/', '/claims/', '/quotes/']));
    const nav = selectAll('.site-nav a', home).map((a) => attr(a, 'href'));
    expect(nav).toEqual(['/', '/people/', '/claims/', '/quotes/']);
  });
});

describe('the front page of a site whose editor chose the lead', () => {
  const home = readPage(siteDir('second'), '/');

  it('leads with the article marked `lead: true` though another is newer: byline, time, photograph, standfirst', () => {
    const lead = select('.lead', home)!;
    expect(attr(select('.lead__title a', lead)!, 'href')).toBe('/articles/riverton-bridge/');
    // Staff authors first, then the contributors' line, the place and the day.
    const parts = selectAll('.lead__dateline > span', lead).map((span) => squash(toText(span)));
    expect(parts).toEqual([
      'By Lena Hart and Priya Nair',
      'With reporting by the Riverton Courier',
      'Riverton',
      'March 3, 2026',
    ]);
    expect(attr(select('.lead__dateline time', lead)!, 'dateTime')).toBe('2026-03-03');
    expect(select('.lead img', lead)).toBeDefined();
    expect(attr(select('.lead img', lead)!, 'alt')!.length).toBeGreaterThan(10);
    expect(squash(toText(select('.lead__standfirst', lead)!))).toMatch(/^The mayor promises a spring reopening/);
    // The newer article follows it.
    const more = selectAll('.front-more .article-list__title a', home).map((a) => attr(a, 'href'));
    expect(more).toEqual(['/articles/sunday-ferry-timetable/']);
  });

  it('shows staff authors in every article list, before a contributors’ line', () => {
    for (const list of ['/', '/archive/', '/topics/transport/']) {
      const page = readPage(siteDir('second'), list);
      const bridge = selectAll('.article-list__item', page).find((item) =>
        toText(item).includes('Riverton council backs'),
      );
      if (!bridge) continue;
      expect(squash(toText(select('.article-list__meta', bridge)!))).toBe(
        'March 3, 2026 By Lena Hart and Priya Nair With reporting by the Riverton Courier',
      );
      expect(selectAll('.article-list__meta a[rel="author"]', bridge)).toHaveLength(2);
    }
    const archive = readPage(siteDir('second'), '/archive/');
    expect(squash(toText(select('.article-list__meta', archive)!))).toMatch(/ By Lena Hart$/);
  });
});

describe('the index pages', () => {
  it('/people/ lists everyone with their role and counts', () => {
    const page = readPage(siteDir('seed'), '/people/');
    const items = selectAll('.index-list__item', page);
    const linked = items.map((item) => attr(select('a', item)!, 'href')!.split('/')[2]!);
    expect([...linked].sort()).toEqual(ids('people'));
    const bessent = items.find((item) => toText(item).includes('Scott Bessent'))!;
    expect(squash(toText(select('.index-list__role', bessent)!))).toBe('U.S. Treasury Secretary');
    expect(squash(toText(select('.index-list__counts', bessent)!))).toBe('4 quotes · 5 claims · named in 1 article');
  });

  it('/claims/ lists every claim under its status, named in words', () => {
    const page = readPage(siteDir('seed'), '/claims/');
    const linked = selectAll('.claim-summary__title a', page).map((a) => attr(a, 'href')!.split('/')[2]!);
    expect([...linked].sort()).toEqual(ids('claims'));
    for (const group of selectAll('.claim-group', page)) {
      expect(toText(select('h2', group)!).trim()).toMatch(/^(Stated|Pending|Supported|Disputed|False)$/);
      expect(toText(select('.claim-group__meaning', group)!).length).toBeGreaterThan(10);
    }
    // The speaker comes before each statement.
    for (const summary of selectAll('.claim-summary', page)) {
      const who = squash(toText(select('.claim-summary__who a', summary)!));
      const statement = squash(toText(select('.claim-summary__statement', summary)!));
      const text = squash(toText(summary));
      expect(who.length).toBeGreaterThan(0);
      expect(text.indexOf(who)).toBeLessThan(text.indexOf(statement));
    }
  });
});

describe('the quotes and person pages', () => {
  it('show each quote once, with no space before a comma', () => {
    const page = readPage(siteDir('seed'), '/quotes/');
    expect(squash(toText(select('main', page)!))).not.toMatch(/\s,/);
    const cited = selectAll('.quote-list blockquote', page).map((q) => attr(q, 'cite'));
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited).size).toBe(cited.length);
    // One link per quote, to its passage; its article and date in one line.
    for (const item of selectAll('.quote-list li', page)) {
      expect(selectAll('a', item)).toHaveLength(1);
      expect(squash(toText(select('.quote-list__source', item)!))).toMatch(/^— in “.+”, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    }
  });

  it('show a paragraph with two quotes once, both marked', () => {
    const page = readPage(siteDir('seed'), '/people/scott-bessent/');
    const passages = selectAll('.passage blockquote', page).map((q) => squash(toText(q)));
    expect(new Set(passages).size).toBe(passages.length);
    expect(selectAll('#quotes-title ~ .passage-list mark', page)).toHaveLength(4);
    // Headings are never smaller in rank than what they head: h1, then h2 sections, then h3.
    const levels = selectAll('h1, h2, h3, h4', page).map((h) => Number(h.tagName.slice(1)));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });
});

describe('the claim page', () => {
  it('is headed by the claim’s title, unique in every test site, in its <title> and <h1>', () => {
    for (const site of ['seed', 'second', 'related'] as const) {
      const pages = listPages(siteDir(site)).filter((p) => /^\/claims\/[^/]+\/$/.test(p));
      expect(pages.length, site).toBeGreaterThan(0);
      const heads = pages.map((p) => readPage(siteDir(site), p));
      const titles = heads.map((page) => squash(toText(select('title', page)!)));
      const h1s = heads.map((page) => squash(toText(select('h1', page)!)));
      expect(new Set(titles).size, site).toBe(pages.length);
      expect(new Set(h1s).size, site).toBe(pages.length);
      for (const [i, h1] of h1s.entries()) expect(titles[i]).toContain(h1);
    }
  });

  it('names the speaker before the statement and shows the status in words', () => {
    const page = readPage(siteDir('seed'), '/claims/framework-avoids-tariffs/');
    const header = select('.claim-head', page)!;
    const text = squash(toText(header));
    expect(text.indexOf('Scott Bessent')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Scott Bessent')).toBeLessThan(text.indexOf('The framework agreed'));
    expect(squash(toText(select('h1', header)!))).toBe('The framework averts the 100 percent tariffs');
    const status = squash(toText(select('.card-page__status', header)!));
    expect(status).toContain('Pending');
    expect(status).toContain('About the future; cannot be checked yet.');
  });
});
