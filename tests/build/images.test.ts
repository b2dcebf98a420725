import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll, toText } from '../helpers/html';
import { textContent } from '../helpers/text-content';

/** The second site's article has a lead photograph and one in its text; the seed article has none. */
const ARTICLE = '/articles/riverton-bridge/';
const LEAD = {
  alt: 'The Riverton bridge at dusk, two steel arches over the river on three piers.',
  caption: 'The Riverton bridge, closed since January, seen from the east bank.',
  credit: 'Riverton Gazette (generated illustration)',
  width: 1600,
  height: 1000,
};
const INLINE = {
  alt: 'A four-lane road seen from above, with a green bike lane on each side and two cyclists.',
  caption: 'The painted lanes on Harbour Road, which the plan would keep.',
  credit: 'Riverton Gazette (generated illustration)',
  width: 1200,
  height: 800,
};

const second = siteDir('second');
const seed = siteDir('seed');
const page = readPage(second, ARTICLE);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every URL of a `srcset`, with its width descriptor. */
function srcset(element: Element): { url: string; width: number }[] {
  return (attr(element, 'srcSet') ?? '').split(',').map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { url: url!, width: Number(descriptor?.replace(/w$/, '')) };
  });
}

/** The file a site URL names in the build output. */
const fileOf = (url: string) => path.join(second, new URL(url, 'http://x').pathname);

async function expectFormat(url: string, format: string) {
  const file = fileOf(url);
  expect(fs.existsSync(file), url).toBe(true);
  expect((await sharp(file).metadata()).format).toBe(format);
}

/** Checks one `<figure>`: picture with AVIF, WebP and JPEG at several widths, its size, alt, caption and credit. */
async function expectPhotograph(figure: Element, photo: typeof LEAD) {
  const sources = selectAll('picture > source', figure);
  expect(sources.map((source) => attr(source, 'type'))).toEqual(['image/avif', 'image/webp']);
  const img = select('picture > img', figure)!;
  expect(attr(img, 'alt')).toBe(photo.alt);
  expect(attr(img, 'width')).toBe(String(photo.width));
  expect(attr(img, 'height')).toBe(String(photo.height));
  expect(attr(img, 'sizes')).toBeTruthy();
  const formats: [Element, string][] = [
    ...sources.map((s, i) => [s, i ? 'webp' : 'heif'] as [Element, string]),
    [img, 'jpeg'],
  ];
  for (const [element, format] of formats) {
    const candidates = srcset(element);
    expect(candidates.length, format).toBeGreaterThanOrEqual(3);
    expect(new Set(candidates.map((c) => c.width)).size).toBe(candidates.length);
    for (const { url, width } of candidates) {
      await expectFormat(url, format);
      expect((await sharp(fileOf(url)).metadata()).width).toBe(width);
    }
  }
  const caption = select('figcaption', figure)!;
  expect(squash(toText(caption))).toBe(`${photo.caption} Photo: ${photo.credit}`);
  expect(attr(figure, 'dataPagefindIgnore')).toBe('all');
}

describe('the lead photograph', () => {
  const figure = select('.article .article-figure--lead', page)!;

  it('stands under the headline, before the text, as a processed responsive picture with caption and credit', async () => {
    expect(figure).toBeTruthy();
    const body = select('.article__body', page)!;
    expect(body.children.find((node) => node.type === 'element')).toBe(figure);
    await expectPhotograph(figure, LEAD);
  });

  it('loads first: eager, high priority', () => {
    const img = select('img', figure)!;
    expect(attr(img, 'loading')).toBe('eager');
    expect(attr(img, 'fetchPriority')).toBe('high');
  });

  it('is the link preview image, processed to JPEG', async () => {
    const og = attr(select('meta[property="og:image"]', page)!, 'content')!;
    expect(og).toMatch(/^https?:\/\/[^/]+\/_astro\/riverton-bridge\.[^/]+\.jpg$/);
    await expectFormat(og, 'jpeg');
    expect(attr(select('meta[property="og:image:width"]', page)!, 'content')).toBe('1200');
    expect(attr(select('meta[property="og:image:height"]', page)!, 'content')).toBe('750');
    expect(attr(select('meta[property="og:image:alt"]', page)!, 'content')).toBe(LEAD.alt);
    // The Twitter card stays `summary`, which shows `og:image` as its thumbnail.
    expect(attr(select('meta[name="twitter:card"]', page)!, 'content')).toBe('summary');
  });

  it('is the NewsArticle’s image in JSON-LD, an ImageObject with size, caption and credit', () => {
    const block = select('script[type="application/ld+json"]', page)!;
    const nodes = JSON.parse(textContent(block))['@graph'] as Record<string, any>[];
    const article = nodes.find((node) => node['@type'] === 'NewsArticle')!;
    const og = attr(select('meta[property="og:image"]', page)!, 'content');
    expect(article.image).toEqual({
      '@type': 'ImageObject',
      url: og,
      contentUrl: og,
      width: 1200,
      height: 750,
      caption: LEAD.caption,
      creditText: LEAD.credit,
    });
  });
});

describe('a photograph in the text', () => {
  const figures = selectAll('.article__text .article-figure', page);

  it('stands where it was written, as a processed responsive picture with caption and credit', async () => {
    expect(figures).toHaveLength(1);
    await expectPhotograph(figures[0]!, INLINE);
  });

  it('waits until it is near: lazy, decoded off the main thread', () => {
    const img = select('img', figures[0]!)!;
    expect(attr(img, 'loading')).toBe('lazy');
    expect(attr(img, 'decoding')).toBe('async');
  });

  it('leaves no placeholder behind and adds no text to the article’s words', () => {
    const html = fs.readFileSync(path.join(second, ARTICLE, 'index.html'), 'utf8');
    expect(html).not.toContain('article-image:');
    // Web Annotation selectors count over `.article__text`: the picture adds not even whitespace.
    expect(html).toMatch(
      /<figure class="article-figure" data-pagefind-ignore="all"><picture><source [^>]+><source [^>]+><img [^>]+><\/picture><figcaption/,
    );
  });
});

describe('an article without photographs', () => {
  const seedPage = readPage(seed, '/articles/us-china-trade-framework/');

  it('has no figure and no preview image; its JSON-LD image is the site icon', () => {
    expect(selectAll('.article-figure, picture', seedPage)).toEqual([]);
    expect(select('meta[property="og:image"]', seedPage)).toBeFalsy();
    expect(attr(select('meta[name="twitter:card"]', seedPage)!, 'content')).toBe('summary');
    const block = select('script[type="application/ld+json"]', seedPage)!;
    const graph = (JSON.parse(textContent(block)) as { '@graph': { '@type': string; image?: { url: string } }[] })[
      '@graph'
    ];
    const article = graph.find((node) => node['@type'] === 'NewsArticle')!;
    expect(article.image?.url).toMatch(/\/site-icon\.png$/);
  });
});

describe('a person’s portrait', () => {
  const person = readPage(second, '/people/amara-okafor/');
  const figure = select('.person__portrait', person)!;

  it('stands beside their name, processed, small and lazy, with its alt text and credit', async () => {
    const img = select('picture > img', figure)!;
    expect(attr(img, 'alt')).toBe('Amara Okafor, head and shoulders, in a dark jacket against a pale grey wall.');
    expect(attr(img, 'loading')).toBe('lazy');
    expect(attr(img, 'sizes')).toBe('8rem');
    expect(selectAll('picture > source', figure).map((source) => attr(source, 'type'))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    for (const { url, width } of srcset(img)) expect((await sharp(fileOf(url)).metadata()).width).toBe(width);
    expect(squash(toText(select('figcaption', figure)!))).toBe('Photo: Riverton City Council');
  });

  it('shows small and lazy in their card, with no placeholder left behind', () => {
    const img = select('[id^="card-person-amara-okafor"] picture > img.card__portrait', page)!;
    expect(attr(img, 'alt')).toBe('Amara Okafor, head and shoulders, in a dark jacket against a pale grey wall.');
    expect(attr(img, 'loading')).toBe('lazy');
    const html = fs.readFileSync(path.join(second, ARTICLE, 'index.html'), 'utf8');
    expect(html).not.toContain('person-portrait:');
  });

  it('is left out where a person has none', () => {
    expect(select('.person__portrait', readPage(second, '/people/tomas-lindqvist/'))).toBeUndefined();
  });
});
