import { describe, expect, it } from 'vitest';
import {
  FIRST_VISIT_BUDGET,
  HEADER_BYTES_PER_REQUEST,
  OPENED_PAGE_ALLOWANCE,
  PRECACHE_BUDGET,
  selectWithinBudget,
  type PrecacheCandidate,
} from '../../src/offline/precache-budget';

type Sized = PrecacheCandidate & { size: number };
const files: Sized[] = [
  { url: 'index.html', role: 'shell', size: 10 },
  { url: '_astro/site.css', role: 'shell', size: 10 },
  { url: 'pagefind/pagefind.js', role: 'shell', size: 30 },
  { url: 'pagefind/fragment/a.pf_fragment', role: 'other', size: 30 },
  { url: 'articles/old/index.html', role: 'article', size: 20 },
  { url: 'articles/new/index.html', role: 'article', size: 20 },
  { url: 'articles/middle/index.html', role: 'article', size: 20 },
  { url: 'people/a/index.html', role: 'other', size: 4 },
];
const byUrl = (url: string) => files.find((file) => file.url === url)!;
const newestFirst = ['new', 'middle', 'old'].map((slug) => byUrl(`articles/${slug}/index.html`));
const size = (entry: Sized) => entry.size;
const withHeaders = (bytes: number, requests: number) => bytes + requests * HEADER_BYTES_PER_REQUEST;

describe('precache budget', () => {
  it('leaves room in the first visit for the page the reader opened', () => {
    expect(PRECACHE_BUDGET.bytes + OPENED_PAGE_ALLOWANCE.bytes).toBe(FIRST_VISIT_BUDGET.bytes);
    expect(PRECACHE_BUDGET.requests + OPENED_PAGE_ALLOWANCE.requests).toBe(FIRST_VISIT_BUDGET.requests);
    expect(FIRST_VISIT_BUDGET).toEqual({ bytes: 2_000_000, requests: 100 });
  });

  it('keeps the whole site when it fits, search index and card pages included', () => {
    const selection = selectWithinBudget(files, newestFirst, size, { bytes: 10_000, requests: 100 });
    expect(selection.wholeSite).toBe(true);
    expect(selection.entries).toHaveLength(files.length);
    expect(selection.bytes).toBe(withHeaders(144, files.length));
  });

  it('keeps the shell, then the newest articles while they fit in bytes', () => {
    const selection = selectWithinBudget(files, newestFirst, size, { bytes: withHeaders(80, 4), requests: 100 });
    expect(selection.wholeSite).toBe(false);
    expect(selection.entries.map((e) => e.url)).toEqual([
      'index.html',
      '_astro/site.css',
      'pagefind/pagefind.js',
      'articles/new/index.html',
    ]);
    expect(selection.skippedArticles).toBe(2);
  });

  it('stops at the request budget even when bytes remain', () => {
    const selection = selectWithinBudget(files, newestFirst, size, { bytes: 1_000_000, requests: 5 });
    expect(selection.entries.map((e) => e.url)).toEqual([
      'index.html',
      '_astro/site.css',
      'pagefind/pagefind.js',
      'articles/new/index.html',
      'articles/middle/index.html',
    ]);
  });

  it('keeps the shell even when it alone is over budget, and says so', () => {
    const selection = selectWithinBudget(files, newestFirst, size, { bytes: 20, requests: 100 });
    expect(selection.shellOverBudget).toBe(true);
    expect(selection.entries.map((e) => e.url)).toEqual(['index.html', '_astro/site.css', 'pagefind/pagefind.js']);
  });

  it('sizes no file of an archive with more files than requests allowed', () => {
    const many: Sized[] = Array.from({ length: 1000 }, (_, i) => ({ url: `people/${i}/`, role: 'other', size: 1 }));
    let sized = 0;
    selectWithinBudget([...files, ...many], newestFirst, (entry) => (sized++, entry.size));
    expect(sized).toBeLessThan(10);
  });
});
