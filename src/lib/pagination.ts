/**
 * List pages that stay small however large the archive grows: every list that grows with it is
 * split into numbered pages, page 1 at the list's own address and page n at `<list>/n/`.
 * The sizes live here, in one place, so each list splits the same way everywhere.
 */

/** How many items each list shows per page. */
export const PAGE_SIZES = {
  /** Articles after the lead on the front page (the rest are in the archive). */
  frontPage: 20,
  /** Articles per page of `/archive/`, of a topic and of an author. */
  articles: 50,
  /** Quotes per page of `/quotes/`. */
  quotes: 100,
  /** Claims per page of `/claims/`. */
  claims: 100,
  /** Corrections per page of `/corrections/`. */
  corrections: 50,
  /** People per page of `/people/`. */
  people: 200,
  /** A person's paragraphs of quotes, claims and articles per page of `/people/<id>/`. */
  personSection: 20,
  /** The people and claims a topic page shows, most frequent first. */
  topicTop: 20,
} as const;

/** One page of a list. */
interface ListPage<T> {
  /** 1 for the first page. */
  number: number;
  /** How many pages the list has (at least 1). */
  total: number;
  items: T[];
  /** Index of the page's first item in the whole list. */
  start: number;
  /** Items in the whole list. */
  count: number;
}

/** How many pages `count` items make, `size` to a page: at least one, so an empty list still has its page. */
export function pageCount(count: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A page holds at least one item, not ${size}.`);
  return Math.max(1, Math.ceil(count / size));
}

/** Page `number` (1-based) of a list; past the last page it is empty. */
export function pageOf<T>(items: readonly T[], size: number, number: number): ListPage<T> {
  const start = (number - 1) * size;
  return {
    number,
    total: pageCount(items.length, size),
    items: items.slice(start, start + size),
    start,
    count: items.length,
  };
}

/** Splits a list into pages of `size`, in order; every item is on exactly one page. */
export function splitPages<T>(items: readonly T[], size: number): ListPage<T>[] {
  return Array.from({ length: pageCount(items.length, size) }, (_, index) => pageOf(items, size, index + 1));
}

/** A group of a grouped list (claims by status, quotes by speaker). */
interface ListGroup<K, T> {
  key: K;
  items: T[];
}

/** The part of a group that falls on one page. */
interface GroupOnPage<K, T> extends ListGroup<K, T> {
  /** The group began on an earlier page. */
  continued: boolean;
  /** Items of the whole group. */
  count: number;
}

/** A page of a grouped list: its groups, and the page each group of the list starts on. */
interface GroupedPage<K, T> extends ListPage<T> {
  groups: GroupOnPage<K, T>[];
}

/**
 * Splits groups, in order, into pages of `size` items: a group longer than what is left of a
 * page goes on over the next, so pages stay even and every item is on exactly one page.
 * Also returns the page on which each group starts, for a table of contents on every page.
 */
export function splitGroups<K, T>(
  groups: readonly ListGroup<K, T>[],
  size: number,
): { pages: GroupedPage<K, T>[]; startPage: Map<K, number> } {
  const flat = groups.flatMap((group, index) => group.items.map((item) => ({ index, item })));
  const startPage = new Map<K, number>();
  let offset = 0;
  for (const group of groups) {
    if (group.items.length > 0) startPage.set(group.key, Math.floor(offset / size) + 1);
    offset += group.items.length;
  }
  const pages = splitPages(flat, size).map((page) => {
    const onPage: GroupOnPage<K, T>[] = [];
    for (const { index, item } of page.items) {
      const group = groups[index]!;
      const last = onPage[onPage.length - 1];
      if (last && last.key === group.key) last.items.push(item);
      else {
        const continued = (startPage.get(group.key) ?? page.number) < page.number;
        onPage.push({ key: group.key, items: [item], continued, count: group.items.length });
      }
    }
    return { ...page, items: page.items.map(({ item }) => item), groups: onPage };
  });
  return { pages, startPage };
}

/** The `[...page]` route parameter of page `number`: none for page 1, so it keeps the list's own address. */
export function pageParam(number: number): string | undefined {
  return number > 1 ? String(number) : undefined;
}

/** The address of page `number` of a list whose first page is at `first` (ending in `/`). */
export function pageHref(first: string, number: number): string {
  return number > 1 ? `${first}${number}/` : first;
}

/** A page's title: the list's own for page 1, then "Claims, page 2". */
export function pageTitle(title: string, number: number): string {
  return number > 1 ? `${title}, page ${number}` : title;
}

/**
 * The page numbers a page's navigation shows: the first, the last, and the current one with
 * its neighbours; `gap` stands for the numbers left out, so the navigation stays short.
 */
export function pageWindow(current: number, total: number, around = 1): (number | 'gap')[] {
  const shown = new Set([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  return numbers.flatMap((n, index) => {
    const previous = numbers[index - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A single missing number is shown rather than a gap that stands for it.
    return n === previous + 2 ? [previous + 1, n] : ['gap' as const, n];
  });
}
