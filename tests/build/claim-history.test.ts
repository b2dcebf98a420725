import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll, toText } from '../helpers/html';
import { textContent } from '../helpers/text-content';

type Node = Record<string, any>;

/** In the second site, the bridge claim went from pending to false; the bike-lane claim never changed. */
const CHANGED = '/claims/bridge-opens-in-spring/';
const UNCHANGED = '/claims/lanes-cut-crashes/';
const ARTICLE = '/articles/riverton-bridge/';
const CHANGE = {
  date: '2026-06-22',
  note: "Spring ended with the bridge still closed; the city's public works department now expects it to reopen in October.",
  source: {
    title: 'Riverton public works, Elm Street bridge schedule (June 2026)',
    url: 'https://example.org/riverton/elm-street-bridge-schedule',
  },
};
const APPEARANCE = {
  date: '2026-03-18',
  source: 'Interview on Riverton Community Radio',
  url: 'https://example.org/riverton-radio/okafor-interview',
};

const second = siteDir('second');
const seed = siteDir('seed');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function graph(dist: string, page: string): Node[] {
  return JSON.parse(textContent(select('script[type="application/ld+json"]', readPage(dist, page))!))[
    '@graph'
  ] as Node[];
}

function claimReview(dist: string, page: string): Node | undefined {
  return graph(dist, page).find((node) => node['@type'] === 'ClaimReview');
}

describe('a claim whose status changed', () => {
  const page = readPage(second, CHANGED);

  it('shows the current status near the top with the day it was updated, in words', () => {
    const status = select('.card-page__status .status', page)!;
    expect(attr(status, 'className')).toContain('status--false');
    expect(squash(toText(status))).toBe(
      'False · updated June 22, 2026 Contradicted by the evidence cited on this card.',
    );
    expect(attr(select('.status__when time', status)!, 'dateTime')).toBe(CHANGE.date);
  });

  it('has a History timeline, oldest first, each entry with its day, status, note and sources', () => {
    const section = select('section.claim-history', page)!;
    expect(squash(toText(select(`#${attr(section, 'ariaLabelledBy')}`, section)!))).toBe('History');
    const entries = selectAll('ol.timeline > li', section);
    expect(entries.map((li) => squash(toText(select('.timeline__when', li)!)))).toEqual([
      'March 2, 2026 · First recorded',
      'June 22, 2026 · Changed to',
    ]);
    expect(entries.map((li) => toText(select('.status__label', li)!))).toEqual(['Pending', 'False']);
    expect(entries.map((li) => attr(select('time', li)!, 'dateTime'))).toEqual(['2026-03-02', CHANGE.date]);
    const [first, change] = entries as [Element, Element];
    expect(select('.timeline__note', first)).toBeUndefined();
    expect(toText(select('.timeline__note', change)!)).toBe(CHANGE.note);
    const links = selectAll('.timeline__sources a', change);
    expect(links.map((a) => [toText(a), attr(a, 'href')])).toEqual([[CHANGE.source.title, CHANGE.source.url]]);
    expect(attr(links[0]!, 'rel')).toBe('noopener noreferrer');
  });

  it('lists the other times the claim was made', () => {
    const section = select('section.appearances', page)!;
    expect(squash(toText(select('h2', section)!))).toBe('Also said');
    const items = selectAll('.appearance-list li', section);
    expect(items.map((li) => squash(toText(li)))).toEqual([`March 18, 2026: ${APPEARANCE.source}`]);
    expect(attr(select('time', items[0]!)!, 'dateTime')).toBe(APPEARANCE.date);
    expect(attr(select('a', items[0]!)!, 'href')).toBe(APPEARANCE.url);
  });

  it('says on its card in the article that the status was updated, and when', () => {
    const article = readPage(second, ARTICLE);
    const statuses = selectAll('.card__status .status', article).filter((s) =>
      attr(s, 'className')!.includes('status--false'),
    );
    expect(statuses.length).toBeGreaterThan(0);
    // A claim card gives the meaning too; a quote or figure backing the claim only its status and day.
    for (const status of statuses) {
      expect(squash(toText(status))).toMatch(
        /^False · updated June 22, 2026( Contradicted by the evidence cited on this card\.)?$/,
      );
    }
  });

  it('is reviewed in JSON-LD from its first verdict, modified at its latest change, with every appearance', () => {
    const review = claimReview(second, CHANGED)!;
    expect(review.datePublished).toBe(CHANGE.date);
    expect(review.dateModified).toBe(CHANGE.date);
    expect(review.reviewRating.alternateName).toBe('False');
    const claim = review.itemReviewed;
    expect(claim.datePublished).toBe('2026-03-02');
    expect(claim.appearance.map((node: Node) => node['@type'])).toEqual(['NewsArticle', 'CreativeWork']);
    expect(claim.appearance[1]).toEqual({
      '@type': 'CreativeWork',
      name: APPEARANCE.source,
      datePublished: APPEARANCE.date,
      sameAs: APPEARANCE.url,
    });
    expect(claim.firstAppearance['@id']).toBe(claim.appearance[0]['@id']);
  });

  it('shows its current status wherever the claim is listed', () => {
    const person = readPage(second, '/people/amara-okafor/');
    expect(toText(person)).toContain('False');
    expect(toText(person)).not.toContain('Pending');
  });
});

describe('a claim whose status never changed', () => {
  it('has no history, no "updated" and no appearances', () => {
    for (const [dist, page] of [
      [second, UNCHANGED],
      [seed, '/claims/framework-avoids-tariffs/'],
    ] as const) {
      const tree = readPage(dist, page);
      expect(select('.claim-history', tree), page).toBeUndefined();
      expect(select('.appearances', tree), page).toBeUndefined();
      expect(select('.status__updated', tree), page).toBeUndefined();
    }
    expect(select('.status__updated', readPage(seed, '/articles/us-china-trade-framework/'))).toBeUndefined();
  });

  it('keeps its review dated by the article, with no dateModified', () => {
    const review = claimReview(second, UNCHANGED)!;
    expect(review.datePublished).toBe('2026-03-05');
    expect(review.dateModified).toBeUndefined();
    expect(review.itemReviewed.appearance.map((node: Node) => node['@type'])).toEqual(['NewsArticle']);
  });
});
