import { describe, expect, it } from 'vitest';
import { ARTICLE_PARTS, breakDownPage, CHROME, PAGE_PARTS, pageKind } from '../../bench/output-breakdown';

const bytes = (text: string) => Buffer.byteLength(text);

describe('bench output breakdown', () => {
  const head = '<head><title>T</title><script type="application/ld+json">{"a":1}</script></head>';
  const text =
    '<div class="article__text"><p>Said “<span class="annotation"><a href="#c">hi</a></span>”.<span class="margin-note"></span></p></div>';
  const page = `<!DOCTYPE html><html>${head}<body><header>Site</header><main>${text}<div class="card">Card</div><section class="endnotes">N</section></main></body></html>`;

  it('splits an article page into its parts, counting every byte once', () => {
    const parts = breakDownPage(page, ARTICLE_PARTS);
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(bytes(page));
    expect(parts['JSON-LD']).toBe(bytes('<script type="application/ld+json">{"a":1}</script>'));
    expect(parts.cards).toBe(bytes('<div class="card">Card</div>'));
    expect(parts.endnotes).toBe(bytes('<section class="endnotes">N</section>'));
    expect(parts['margin notes']).toBe(bytes('<span class="margin-note"></span>'));
    // The words, also those inside an annotation, are the story; the annotation's tags are not.
    expect(parts['story text']).toBe(bytes('<div class="article__text"><p>Said “”.</p></div>') + bytes('hi'));
    expect(parts['annotation markup in the text']).toBe(bytes('<span class="annotation"><a href="#c"></a></span>'));
    expect(parts[CHROME]).toBeGreaterThan(0);
  });

  it('splits other pages into their content (main), head, JSON-LD and chrome', () => {
    const parts = breakDownPage(page, PAGE_PARTS);
    expect(Object.keys(parts).sort()).toEqual([CHROME, 'JSON-LD', 'content (main)', 'head (meta, links)'].sort());
    expect(parts[CHROME]).toBe(bytes('<!DOCTYPE html><html><body><header>Site</header></body></html>'));
  });

  it('names the kind of each output file from its path', () => {
    expect(pageKind('articles/a-story/index.html')).toBe('article pages');
    expect(pageKind('articles/a-story/annotations.jsonld')).toBe('Web Annotations (annotations.jsonld)');
    expect(pageKind('claims/index.html')).toBe('claims list');
    expect(pageKind('claims/3/index.html')).toBe('claims list');
    expect(pageKind('claims/tariff-threat-00001/index.html')).toBe('claim pages');
    expect(pageKind('people/hana-eriksen/2/index.html')).toBe('person pages');
    expect(pageKind('people/index.html')).toBe('people list');
    expect(pageKind('pagefind/fragment/x.pf_fragment')).toBe('search index (pagefind/)');
    expect(pageKind('sw.js')).toMatch(/^the rest/);
  });
});
