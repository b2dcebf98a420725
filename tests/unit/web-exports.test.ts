import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/content/schemas';
import { serializeJsonLd, shortClaim } from '../../src/exports/structured-data';
import { scopedPositionSelector, textDirective, textQuoteSelector } from '../../src/exports/text-selectors';
import { createArticle, slugify } from '../../scripts/new-article.mjs';
import { annotate } from '../helpers/annotate';

describe('JSON-LD serialisation', () => {
  it('cannot be broken out of by content, and parses back to the same data', () => {
    const data = { name: '</script><script>alert(1)</script><!-- & \u2028 \u2029 “quote”' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('keeps claimReviewed under 75 characters, cut at a word', () => {
    const long =
      'The United States will impose an additional 100 percent tariff on China from Nov. 1 over rare earths.';
    const short = shortClaim(long);
    expect(short.length).toBeLessThan(75);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(long.charAt(short.length - 1)).toBe(' ');
    expect(shortClaim('Fewer crashes since the lanes were cut.')).toBe('Fewer crashes since the lanes were cut.');
  });
});

describe('text selectors', () => {
  it('lengthens a quote selector’s context until it names one place', () => {
    const text = `${'x'.repeat(40)} the cat sat ${'x'.repeat(40)} the cat sat ${'x'.repeat(40)} end`;
    const start = text.lastIndexOf('cat');
    const selector = textQuoteSelector(text, start, start + 3);
    const whole = selector.prefix + selector.exact + selector.suffix;
    expect(text.indexOf(whole)).toBe(start - selector.prefix.length);
    expect(text.indexOf(whole, text.indexOf(whole) + 1)).toBe(-1);
    expect(selector.prefix.length).toBeGreaterThan(32);
  });

  it('lengthens a quote selector’s context past words the headline or summary repeat', () => {
    const text =
      'He said the framework will avoid tariffs on Chinese goods from November, and then he left the room to applause.';
    const before = 'Framework reached He said the framework will avoid tariffs on Chinese goods.';
    const start = text.indexOf('framework');
    const alone = textQuoteSelector(text, start, start + 9);
    expect(before).toContain(alone.prefix + alone.exact + alone.suffix);
    const onPage = textQuoteSelector(text, start, start + 9, before);
    expect(before).not.toContain(onPage.prefix + onPage.exact + onPage.suffix);
    expect(text.indexOf(onPage.prefix + onPage.exact + onPage.suffix)).toBe(start - onPage.prefix.length);
  });

  it('counts positions inside the element a CSS selector names (refinement)', () => {
    expect(scopedPositionSelector('.article__text', 4, 9)).toEqual({
      type: 'CssSelector',
      value: '.article__text',
      refinedBy: { type: 'TextPositionSelector', start: 4, end: 9 },
    });
  });

  it('names plain passages by their words, nested ones by the words around the inner annotations', () => {
    const text = 'Lead. He said it will avoid 100 percent U.S. tariffs, and a-b, c.';
    const at = (words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as [number, number];
    const spans = { claim: at('will avoid 100 percent U.S. tariffs'), figure: at('100 percent'), dash: at('a-b, c') };
    expect(textDirective('figure', { text, spans, before: 'Headline' })).toBe(':~:text=100%20percent');
    expect(textDirective('claim', { text, spans, before: 'Headline' })).toBe(':~:text=will%20avoid,U.S.%20tariffs');
    // `-` and `,` are syntax in a directive and are percent-encoded.
    expect(textDirective('dash', { text, spans, before: '' })).toBe(':~:text=a%2Db%2C%20c');
  });

  it('adds no text fragment when the words occur earlier on the page', () => {
    const text = 'A 100 percent rise. Then 100 percent again.';
    const start = text.lastIndexOf('100 percent');
    const spans = { second: [start, start + 11] as [number, number], first: [2, 13] as [number, number] };
    expect(textDirective('second', { text, spans, before: 'Headline' })).toBe('');
    expect(textDirective('first', { text, spans, before: 'Headline' })).toBe(':~:text=100%20percent');
    expect(textDirective('first', { text, spans, before: 'A 100 Percent headline' })).toBe('');
  });
});

describe('npm run new', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'new-article-'));

  it('makes a kebab-case slug from a headline', () => {
    expect(slugify('Bessent: U.S. & China’s café deal — 100%')).toBe('bessent-us-chinas-cafe-deal-100');
    expect(slugify('   ')).toBe('');
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });

  it('writes an article whose frontmatter and body pass the site’s checks', async () => {
    const cwd = tmp();
    const file = createArticle(['Bessent: “framework” reached'], {
      cwd,
      contentDir: 'content',
      now: new Date(2025, 9, 26, 12),
    });
    expect(file).toBe(path.join(cwd, 'content/articles/bessent-framework-reached.mdx'));
    const source = fs.readFileSync(file, 'utf8');
    const [, frontmatter, body] = source.split(/^---$/m);
    const data = articleSchema.parse(parseYaml(frontmatter!));
    expect(data).toMatchObject({ title: 'Bessent: “framework” reached', published: '2025-10-26', tags: [] });
    const { annotations } = await annotate(body!);
    expect(annotations).toEqual([]);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('refuses to overwrite, and explains bad input', () => {
    const cwd = tmp();
    createArticle(['Same headline'], { cwd });
    const before = fs.readFileSync(path.join(cwd, 'content/articles/same-headline.mdx'), 'utf8');
    expect(() => createArticle(['Same headline'], { cwd })).toThrow(/already exists and was left as is/);
    expect(fs.readFileSync(path.join(cwd, 'content/articles/same-headline.mdx'), 'utf8')).toBe(before);
    expect(() => createArticle([], { cwd })).toThrow(/expected a headline/);
    expect(() => createArticle(['x', '--slug', 'Not Kebab'], { cwd })).toThrow(/not lowercase kebab-case/);
    expect(() => createArticle(['x', '--date', '2025-02-30'], { cwd })).toThrow(/not a real date/);
    expect(() => createArticle(['!!!'], { cwd })).toThrow(/--slug/);
    fs.rmSync(cwd, { recursive: true, force: true });
  });
});
