import { describe, expect, it } from 'vitest';
import { selectWithinBudget } from '../../src/offline/precache-budget';

const files = [
  { url: 'index.html', size: 10 },
  { url: '_astro/site.css', size: 10 },
  { url: 'pagefind/pagefind.js', size: 30 },
  { url: 'articles/old/index.html', size: 20 },
  { url: 'articles/new/index.html', size: 20 },
  { url: 'articles/new/annotations.jsonld', size: 5 },
  { url: 'articles/middle/index.html', size: 20 },
  { url: 'people/a/index.html', size: 4 },
  { url: 'claims/b/index.html', size: 4 },
];
const newestFirst = ['new', 'middle', 'old'];

describe('precache budget', () => {
  it('keeps everything when the site fits', () => {
    const selection = selectWithinBudget(files, 1000, newestFirst);
    expect(selection.entries).toHaveLength(files.length);
    expect(selection.bytes).toBe(123);
    expect(selection.skippedArticles).toEqual([]);
  });

  it('keeps the shell and search bundle, then the newest articles with their files, then card pages', () => {
    const selection = selectWithinBudget(files, 100, newestFirst);
    expect(selection.entries.map((e) => e.url)).toEqual([
      'index.html',
      '_astro/site.css',
      'pagefind/pagefind.js',
      'articles/new/index.html',
      'articles/new/annotations.jsonld',
      'articles/middle/index.html',
      'claims/b/index.html',
    ]);
    expect(selection.skippedArticles).toEqual(['old']);
    expect(selection.skippedCardPages).toBe(1);
    expect(selection.bytes).toBeLessThanOrEqual(100);
  });

  it('leaves out older articles once one does not fit, so the newest stay together', () => {
    const selection = selectWithinBudget(files, 75, newestFirst);
    expect(selection.skippedArticles).toEqual(['middle', 'old']);
    expect(selection.entries.some((e) => e.url.startsWith('articles/new/'))).toBe(true);
  });

  it('keeps the shell and search bundle even when they alone are over budget, and says so', () => {
    const selection = selectWithinBudget(files, 20, newestFirst);
    expect(selection.shellOverBudget).toBe(true);
    expect(selection.entries.map((e) => e.url)).toEqual(['index.html', '_astro/site.css', 'pagefind/pagefind.js']);
  });
});
