import { describe, expect, it } from 'vitest';
import {
  pageCount,
  pageHref,
  pageOf,
  pageParam,
  pageTitle,
  pageWindow,
  splitGroups,
  splitPages,
} from '../../src/lib/pagination';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('splitPages', () => {
  it('puts every item on exactly one page, in order, with even pages and a shorter last one', () => {
    const pages = splitPages(range(120), 50);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap((p) => p.items)).toEqual(range(120));
    expect(pages.map((p) => [p.number, p.total, p.start, p.count])).toEqual([
      [1, 3, 0, 120],
      [2, 3, 50, 120],
      [3, 3, 100, 120],
    ]);
  });

  it('gives an empty list one empty page, and an exact multiple no empty page', () => {
    expect(splitPages([], 50)).toEqual([{ number: 1, total: 1, items: [], start: 0, count: 0 }]);
    expect(splitPages(range(100), 50)).toHaveLength(2);
    expect(splitPages(range(101), 50)).toHaveLength(3);
  });

  it('refuses a page size below one', () => {
    expect(() => pageCount(10, 0)).toThrow(RangeError);
    expect(() => splitPages(range(3), 1.5)).toThrow(RangeError);
  });

  it('gives an empty page past the last, for lists paged beside a longer one', () => {
    expect(pageOf(range(5), 2, 3).items).toEqual([5]);
    expect(pageOf(range(5), 2, 4)).toMatchObject({ items: [], total: 3, count: 5 });
  });
});

describe('splitGroups', () => {
  const groups = [
    { key: 'a', items: range(3) },
    { key: 'b', items: [] },
    { key: 'c', items: range(5).map((n) => n + 10) },
    { key: 'd', items: [99] },
  ];

  it('fills each page, carrying a long group over to the next page, marked continued', () => {
    const { pages, startPage } = splitGroups(groups, 4);
    expect(pages.map((p) => p.groups.map((g) => [g.key, g.items, g.continued, g.count]))).toEqual([
      [
        ['a', [1, 2, 3], false, 3],
        ['c', [11], false, 5],
      ],
      [['c', [12, 13, 14, 15], true, 5]],
      [['d', [99], false, 1]],
    ]);
    expect([...startPage]).toEqual([
      ['a', 1],
      ['c', 1],
      ['d', 3],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual([1, 2, 3, 11, 12, 13, 14, 15, 99]);
  });

  it('starts a group at the top of a page as new when the page before ended exactly with another', () => {
    const { pages } = splitGroups(
      [
        { key: 'x', items: [1, 2] },
        { key: 'y', items: [3] },
      ],
      2,
    );
    expect(pages[1]!.groups).toEqual([{ key: 'y', items: [3], continued: false, count: 1 }]);
  });
});

describe('page addresses and titles', () => {
  it('keeps page 1 at the list address and numbers the others', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
    expect(pageHref('/news/claims/', 1)).toBe('/news/claims/');
    expect(pageHref('/news/claims/', 12)).toBe('/news/claims/12/');
    expect(pageTitle('Claims', 1)).toBe('Claims');
    expect(pageTitle('Claims', 2)).toBe('Claims, page 2');
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(1, 40)).toEqual([1, 2, 'gap', 40]);
    expect(pageWindow(20, 40)).toEqual([1, 'gap', 19, 20, 21, 'gap', 40]);
    expect(pageWindow(40, 40)).toEqual([1, 'gap', 39, 40]);
  });

  it('shows a single left-out number instead of a gap', () => {
    expect(pageWindow(4, 8)).toEqual([1, 2, 3, 4, 5, 'gap', 8]);
  });
});
