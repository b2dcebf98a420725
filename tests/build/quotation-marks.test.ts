import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { listPages, readPage, select, selectAll, toText } from '../helpers/html';
import { TEST_SITES } from '../setup/build-sites';

/**
 * Quotation marks hold only words someone said or wrote: every quoted span on every built
 * page — `<q>`, `<blockquote>` and text between “ and ” — must be found word for word in an
 * article (its headline, standfirst or text). A claim's statement is an editor's paraphrase
 * and may never appear inside one.
 */

/** Words compared as a reader reads them: one kind of apostrophe, single spaces. */
const plain = (text: string) => text.replace(/[‘’ʼ]/g, "'").replace(/\s+/g, ' ').trim();

/** A quoted span's words, without its own marks and the punctuation that closes a sentence inside them. */
const words = (text: string) =>
  plain(text)
    .replace(/^[“"]+|[”"]+$/g, '')
    .replace(/^[\s.,;:…]+|[\s.,;:…]+$/g, '')
    .trim();

/** Elements whose text is not shown as text: scripts, styles, templates. */
function withoutHidden(tree: Root): Root {
  for (const element of selectAll('script, style, template', tree)) element.children = [];
  return tree;
}

/** Every quoted span of a page, with where it is. */
function quotedSpans(tree: Root): { where: string; text: string }[] {
  const spans: { where: string; text: string }[] = [];
  for (const element of selectAll('q, blockquote', tree))
    spans.push({ where: `<${element.tagName}>`, text: toText(element) });
  const body = select('body', tree) as Element | undefined;
  const text = body ? toText(body) : '';
  for (const match of text.matchAll(/“([^“”]*)”/g)) spans.push({ where: '“…”', text: match[1]! });
  return spans;
}

/** The headline, standfirst and text of every article of a built site, as one text. */
function articleWords(dist: string, pages: string[]): string {
  return pages
    .filter((page) => /^\/(?:news\/)?articles\/[^/]+\/$/.test(page))
    .map((page) => {
      const tree = withoutHidden(readPage(dist, page));
      return ['.article__title', '.article__dek', '.article__text']
        .map((selector) => select(selector, tree))
        .map((element) => (element ? plain(toText(element)) : ''))
        .join('\n');
    })
    .join('\n');
}

describe('quotation marks on every page of every test site', () => {
  for (const site of TEST_SITES) {
    it(`${site.name}: hold only words found verbatim in an article`, () => {
      const dist = siteDir(site.name);
      const pages = listPages(dist);
      const corpus = articleWords(dist, pages);
      expect(corpus.length, 'the site has article text').toBeGreaterThan(100);
      const misquoted: string[] = [];
      let checked = 0;
      for (const page of pages) {
        for (const span of quotedSpans(withoutHidden(readPage(dist, page)))) {
          // A blockquote holding a paragraph with a nested <q> is checked as a whole; its parts as well.
          const quoted = words(span.text);
          if (!quoted) continue;
          checked++;
          const found = quoted.split(/\s*…\s*/).every((part) => corpus.includes(part));
          if (!found) misquoted.push(`${page} ${span.where} ${quoted.slice(0, 140)}`);
        }
      }
      expect(checked, 'quoted spans checked').toBeGreaterThan(0);
      expect(misquoted).toEqual([]);
    });
  }

  it('catches a claim’s statement set in quotation marks, in <q> or between “ and ”', () => {
    const dist = siteDir('seed');
    const corpus = articleWords(dist, listPages(dist));
    const statement =
      'The framework agreed with China in Kuala Lumpur will avoid 100 percent U.S. tariffs on Chinese goods.';
    const tree = fromHtml(`<p><q>${statement}</q> and “${statement}”, said “very substantial framework”</p>`);
    const spans = quotedSpans(tree).map((span) => words(span.text));
    expect(spans).toHaveLength(3);
    expect(spans.filter((quoted) => !corpus.includes(quoted))).toHaveLength(2);
  });
});
