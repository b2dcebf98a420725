import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll, toText } from '../helpers/html';

const related = siteDir('related');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The related stories listed on an article page: link, title and the line under it. */
function relatedOn(slug: string) {
  const page = readPage(related, `/articles/${slug}/`);
  return selectAll('.related .related__item', page).map((item) => ({
    href: attr(select('a', item)!, 'href'),
    title: squash(toText(select('a', item)!)),
    meta: squash(toText(select('.related__meta', item)!)),
  }));
}

describe('related stories', () => {
  it('ranks a shared person and two topics (5) above a shared claim (3), with what is shared', () => {
    expect(relatedOn('tariff-talks')).toEqual([
      {
        href: '/articles/rare-earth-exports/',
        title: 'Rare earth exports resume',
        // Topics as every page names them (the topic links say "trade" and "Rare Earths" too).
        meta: 'February 12, 2026 · Also about Scott Bessent, trade, Rare Earths',
      },
      {
        href: '/articles/farm-sales/',
        title: 'Soybean buyers return',
        meta: 'February 14, 2026 · Also about the claim A framework that avoids new tariffs',
      },
    ]);
  });

  it('lists only articles that share something', () => {
    expect(relatedOn('rare-earth-exports').map(({ href }) => href)).toEqual(['/articles/tariff-talks/']);
    expect(relatedOn('farm-sales').map(({ href }) => href)).toEqual(['/articles/tariff-talks/']);
  });

  it('sits after the story and its corrections, before the annotations, outside the search index', () => {
    const page = readPage(related, '/articles/tariff-talks/');
    const section = select('.article__body > section.related', page)!;
    expect(attr(section, 'dataPagefindIgnore')).toBeDefined();
    expect(squash(toText(select(`#${attr(section, 'ariaLabelledBy')}`, section)!))).toBe('Related stories');
    const body = select('.article__body', page)!;
    const order = body.children.flatMap((child) =>
      child.type === 'element' ? [String(attr(child, 'className') ?? child.tagName)] : [],
    );
    expect(order.indexOf('related')).toBeGreaterThan(-1);
    expect(order.indexOf('related')).toBeLessThan(order.findIndex((name) => name.includes('endnotes')));
  });

  it('shows no related section on a site where nothing is shared', () => {
    // The seed archive has one article: nothing to relate it to.
    const page = readPage(siteDir('seed'), '/articles/us-china-trade-framework/');
    expect(select('.related', page)).toBeUndefined();
  });
});
