import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { FIXTURES } from '../helpers/paths';
import { attr, listPages, pageFile, readPage, select, selectAll, toText } from '../helpers/html';

const ARTICLE = '/articles/us-china-trade-framework/';

function countKinds(distDir: string, page: string) {
  const tree = readPage(distDir, page);
  const counts: Record<string, number> = {};
  for (const el of selectAll('[data-annotation]', tree)) {
    const kind = attr(el, 'dataAnnotation')!;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Resolves a site path to a built file, the way a static host would. */
function resolves(distDir: string, base: string, href: string): { ok: boolean; file?: string } {
  const url = new URL(href, `http://site${base}`);
  if (!url.pathname.startsWith(base)) return { ok: false };
  const rel = decodeURIComponent(url.pathname.slice(base.length));
  const candidates = [path.join(distDir, rel), path.join(distDir, rel, 'index.html')];
  const file = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  return { ok: Boolean(file), file };
}

function checkLinks(distDir: string, base: string) {
  const broken: string[] = [];
  for (const page of listPages(distDir)) {
    const pageUrl = new URL(base + page.slice(1), 'http://site');
    const tree = readPage(distDir, page);
    for (const el of selectAll('a[href], link[href], script[src], img[src]', tree)) {
      const href = attr(el, 'href') ?? attr(el, 'src')!;
      const url = new URL(href, pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      const target = resolves(distDir, base, url.pathname);
      if (!target.ok) {
        broken.push(`${page} → ${href}`);
        continue;
      }
      // A text fragment (`#id:~:text=…`) is not part of the id the browser scrolls to.
      const fragment = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (fragment && target.file!.endsWith('.html')) {
        const html = fs.readFileSync(target.file!, 'utf8');
        if (!html.includes(`id="${fragment}"`)) broken.push(`${page} → ${href} (no element with that id)`);
      }
    }
  }
  return broken;
}

describe('the published article', () => {
  const dist = siteDir('seed');

  it('has every kind of annotation, each with a unique id', () => {
    expect(countKinds(dist, ARTICLE)).toEqual({ person: 6, quote: 6, figure: 10, claim: 6 });
    const ids = selectAll('[id]', readPage(dist, ARTICLE)).map((el) => attr(el, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the article text verbatim, credit line included', () => {
    const seed = fs.readFileSync(path.join(FIXTURES, 'seed/article.txt'), 'utf8');
    const tree = readPage(dist, ARTICLE);
    const body = [...selectAll('.article__text > p', tree), select('.article__credits', tree)!].map((p) =>
      toText(p).trim(),
    );
    expect(body).toEqual(
      seed
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    );
  });

  it('marks the article body for search and opens every card from a trigger', () => {
    const tree = readPage(dist, ARTICLE);
    expect(select('article[data-pagefind-body]', tree)).toBeTruthy();
    const triggers = selectAll('a.annotation__trigger', tree);
    expect(triggers.length).toBeGreaterThanOrEqual(28);
    for (const trigger of triggers) {
      const card = select(attr(trigger, 'href')!, tree);
      expect(card && attr(card, 'popover')).toBe('auto');
      expect(attr(card!, 'ariaLabelledBy')).toBeTruthy();
    }
    // One note target per annotation, though a person or claim is listed once.
    expect(selectAll('.endnotes [id^="note-"]', tree)).toHaveLength(28);
    // 6 people, 6 quotes, 10 figures and 8 claims (two of them cited only by quotes).
    expect(selectAll('.endnotes li', tree)).toHaveLength(30);
  });

  it('has no inline script or event handler on any page', () => {
    for (const page of listPages(dist)) {
      const html = fs.readFileSync(pageFile(dist, page), 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('resolves every internal link and fragment', () => {
    expect(checkLinks(dist, '/')).toEqual([]);
  });

  it('links each claim card back to its passage in the article', () => {
    const tree = readPage(dist, '/claims/framework-avoids-tariffs/');
    // The fragment id, then a text fragment for browsers that highlight the passage.
    const links = selectAll('.passage a', tree).map((a) => attr(a, 'href')!.split(':~:')[0]);
    expect(links).toContain(`${ARTICLE}#claim-framework-avoids-tariffs`);
    // One paragraph holds the claim, its quote and its figure: shown once, all highlighted.
    expect(selectAll('.passage', tree)).toHaveLength(1);
    expect(selectAll('.passage mark', tree).map((m) => toText(m))).toEqual([
      'very substantial framework',
      'will avoid 100 percent U.S. tariffs on Chinese goods',
    ]);
    expect(toText(tree)).toContain('Pending');
    expect(toText(tree)).toContain('About the future; cannot be checked yet.');
  });

  it('lists quotes by speaker and people with their quotes and claims', () => {
    const quotes = readPage(dist, '/quotes/');
    expect(selectAll('.speaker', quotes).map((s) => toText(select('h2', s)!).split(',')[0]!.trim())).toEqual([
      'Donald Trump',
      'Li Chenggang',
      'Scott Bessent',
    ]);
    const bessent = readPage(dist, '/people/scott-bessent/');
    // Two of the four quotes share a paragraph, shown once with both marked.
    expect(selectAll('.passage', bessent)).toHaveLength(3);
    expect(selectAll('.passage mark', bessent)).toHaveLength(4);
    expect(selectAll('.claim-list li', bessent)).toHaveLength(5);
  });
});

describe('a site deployed under a sub-path', () => {
  it('builds every link under BASE_PATH', () => {
    const dist = siteDir('seed-news');
    expect(checkLinks(dist, '/news/')).toEqual([]);
    const html = fs.readFileSync(pageFile(dist, ARTICLE), 'utf8');
    expect(html).toContain('href="/news/people/scott-bessent/"');
    expect(html).toContain(
      '<link rel="canonical" href="https://news.example.org/news/articles/us-china-trade-framework/">',
    );
  });
});

describe('a second site written by someone else in the documented syntax', () => {
  const dist = siteDir('second');

  it('builds with its own people and claims and no code change', () => {
    expect(countKinds(dist, '/articles/riverton-bridge/')).toEqual({ person: 3, quote: 4, figure: 2, claim: 1 });
    expect(fs.existsSync(pageFile(dist, '/claims/lanes-cut-crashes/'))).toBe(true);
    expect(checkLinks(dist, '/')).toEqual([]);
  });

  it('keeps times like 10:30 as text and honours explicit anchors', () => {
    const tree = readPage(dist, '/articles/riverton-bridge/');
    expect(toText(tree)).toContain('The meeting began at 10:30 and ended at 12:15');
    expect(select('#no-corners[data-annotation="quote"]', tree)).toBeTruthy();
    const agenda = select('a[href="https://example.org/riverton/agenda"]', tree)!;
    expect(attr(agenda, 'rel')).toBe('noopener noreferrer');
  });

  it('shows a disputed claim with its meaning and its source', () => {
    const text = toText(readPage(dist, '/claims/lanes-cut-crashes/'));
    expect(text).toContain('Disputed');
    expect(text).toContain('Contested; both sides are cited on this card.');
    expect(text).toContain('Riverton traffic safety report 2025');
  });
});
