import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site';
import { attr, listPages, readPage, selectAll, toText } from '../helpers/html';
import { FIXTURES } from '../helpers/paths';

/**
 * tests/fixtures/escaping puts the same payload in every text field of a person, a claim
 * and an article's frontmatter, and in annotation labels and attributes, each after the
 * field's name in capitals (`TITLE <script>…`) so the test can see where each one lands.
 */
const PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </script>';
const RENDERED_FIELDS = [
  'TITLE',
  'DESCRIPTION',
  'BYLINE',
  'CREDITS',
  'LOCATION',
  'NAME',
  'ROLE',
  'BIO',
  'STATEMENT',
  'SOURCE',
  'QUOTE',
  'LABEL',
  'FIGURE',
  'ABOUT',
];

let build: BuildResult;
beforeAll(async () => {
  build = await buildSite({ name: 'escaping', contentDir: path.join(FIXTURES, 'escaping/content') });
}, 300_000);

function elements(tree: Root): Element[] {
  return selectAll('*', tree);
}

describe('payloads in content arrive inert', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('injects no element, attribute or script on any page', () => {
    for (const page of listPages(build.outDir)) {
      const tree = readPage(build.outDir, page);
      for (const element of elements(tree)) {
        const handlers = Object.keys(element.properties).filter((name) => /^on/i.test(name));
        expect(handlers, `${page}: <${element.tagName}> has an event handler`).toEqual([]);
        if (element.tagName === 'img') expect(attr(element, 'src'), `${page}: injected <img>`).not.toBe('x');
      }
      for (const script of selectAll('script', tree)) {
        const type = attr(script, 'type');
        // Only external scripts and JSON data blocks: never inline code.
        expect(
          Boolean(attr(script, 'src')) || type === 'application/ld+json' || type === 'application/json',
          `${page}: inline <script>`,
        ).toBe(true);
        expect(toText(script)).not.toContain('alert(1)</script');
      }
    }
  });

  it('shows each field’s payload as literal text', () => {
    const text = listPages(build.outDir)
      .map((page) => toText(readPage(build.outDir, page)))
      .join('\n');
    for (const field of RENDERED_FIELDS) {
      expect(text, `${field} is not shown literally anywhere`).toContain(`${field} ${PAYLOAD}`);
    }
  });

  it('keeps attribute values whole (meta description, figure value)', () => {
    const tree = readPage(build.outDir, '/articles/payload-article/');
    const description = selectAll('meta[name="description"]', tree)[0];
    expect(description && attr(description, 'content')).toBe(`DESCRIPTION ${PAYLOAD}`);
    // The <title> is cut at a word to 70 characters; the headline and og:title keep it whole.
    expect(`TITLE ${PAYLOAD}`.startsWith(toText(selectAll('title', tree)[0]!).replace(/…$/, ''))).toBe(true);
    expect(toText(selectAll('h1', tree)[0]!)).toContain(`TITLE ${PAYLOAD}`);
    expect(attr(selectAll('meta[property="og:title"]', tree)[0]!, 'content')).toBe(`TITLE ${PAYLOAD}`);
  });

  it('escapes the payload in any JSON-LD, which still parses', () => {
    for (const page of listPages(build.outDir)) {
      const html = fs.readFileSync(
        path.join(build.outDir, page.endsWith('.html') ? page : `${page}index.html`),
        'utf8',
      );
      for (const match of html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
        const raw = match[1]!;
        expect(raw, `${page}: raw markup inside JSON-LD`).not.toMatch(/<\/?script|<img/i);
        const data = JSON.stringify(JSON.parse(raw));
        // Whole, or (a page's name kept to 70 characters) cut after the script element.
        if (data.includes('alert(1)')) expect(data).toContain(JSON.stringify(PAYLOAD.slice(0, 26)).slice(1, -1));
      }
    }
    for (const file of fs
      .readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.jsonld') || f.endsWith('.json'))) {
      expect(() => JSON.parse(fs.readFileSync(path.join(build.outDir, file), 'utf8')), file).not.toThrow();
    }
  });
});
