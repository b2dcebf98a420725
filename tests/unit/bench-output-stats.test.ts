import { describe, expect, it } from 'vitest';
import { foldersBySize, outputStats, ROOT_FOLDER } from '../../bench/output-stats';
import { countPrecacheEntries, urlFolder } from '../../bench/first-visit';
import { isPageOwnRequest, quoteWords } from '../../bench/search-page';

describe('output statistics', () => {
  const stats = outputStats([
    { path: 'index.html', bytes: 100 },
    { path: 'sw.js', bytes: 50 },
    { path: 'claims/a/index.html', bytes: 300 },
    { path: 'claims/b/index.html', bytes: 200 },
    { path: 'pagefind/fragment/x.pf_fragment', bytes: 900 },
    { path: 'pagefind/fragment/y.pf_fragment', bytes: 900 },
    { path: 'pagefind/index/z.pf_index', bytes: 900 },
  ]);

  it('counts files, bytes and pages', () => {
    expect(stats).toMatchObject({ files: 7, bytes: 3350, pages: 3 });
  });

  it('groups files by top-level folder, with root files apart', () => {
    expect(stats.folders).toEqual({
      [ROOT_FOLDER]: { files: 2, bytes: 150 },
      claims: { files: 2, bytes: 500 },
      pagefind: { files: 3, bytes: 2700 },
    });
    expect(foldersBySize(stats).map(([folder]) => folder)).toEqual(['pagefind', ROOT_FOLDER, 'claims']);
  });

  it('names the largest HTML page, never a larger file of another kind', () => {
    expect(stats.largestPage).toEqual({ path: 'claims/a/index.html', bytes: 300 });
  });

  it('has no largest page without pages', () => {
    expect(outputStats([]).largestPage).toBeNull();
  });
});

describe('first visit and search page helpers', () => {
  it('counts the precache entries of a Workbox service worker', () => {
    expect(
      countPrecacheEntries('e.precache([{url:"a/index.html",revision:"1"},{url:"b.css",revision:null}]);({url:f})=>f'),
    ).toBe(2);
  });

  it('files a URL under its top-level folder below the base path', () => {
    expect(urlFolder('http://h/news/pagefind/x.pf_index', '/news/')).toBe('pagefind');
    expect(urlFolder('http://h/news/index.html', '/news/')).toBe('(root)');
  });

  it('tells the page itself from what a search fetches', () => {
    expect(isPageOwnRequest({ url: 'http://h/search/?q=x', type: 'document' })).toBe(true);
    expect(isPageOwnRequest({ url: 'http://h/_astro/search.js', type: 'script' })).toBe(true);
    expect(isPageOwnRequest({ url: 'http://h/pagefind/pagefind.js', type: 'script' })).toBe(false);
    expect(isPageOwnRequest({ url: 'http://h/pagefind/fragment/a.pf_fragment', type: 'fetch' })).toBe(false);
  });

  it('picks the vocabulary words found in the most quotes', () => {
    const articles = [
      { slug: 'a', title: 'A', quotes: ['a very solid framework', 'robust talks'] },
      { slug: 'b', title: 'B', quotes: ['a Solid deal'] },
    ];
    expect(quoteWords(articles, ['robust', 'solid', 'absent'])).toEqual(['solid', 'robust']);
  });
});
