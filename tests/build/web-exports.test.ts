import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, select, selectAll } from '../helpers/html';
import { articleText, indexesOf, textContent } from '../helpers/text-content';
import { TEST_SITES } from '../setup/build-sites';

type Node = Record<string, any>;

const SITES = TEST_SITES.map((site) => ({
  name: site.name,
  origin: site.siteUrl ?? 'http://localhost:4321',
  base: site.basePath ?? '/',
  prefix: `${site.siteUrl ?? 'http://localhost:4321'}${site.basePath ?? '/'}`,
}));

/**
 * schema.org's context is served from the web; offline, its one essential rule (`@vocab`)
 * stands in for it, so the JSON-LD processor still checks the documents' structure.
 */
const expand = jsonld.expand as (input: object, options: object) => Promise<object[]>;
const documentLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
  }
  throw new Error(`No network in tests: refusing to load ${url}`);
};

function jsonLdBlocks(dist: string, page: string): string[] {
  return selectAll('script[type="application/ld+json"]', readPage(dist, page)).map((script) => textContent(script));
}

function graphOf(block: string): Node[] {
  const data = JSON.parse(block) as Node;
  expect(data['@context']).toBe('https://schema.org');
  return data['@graph'] as Node[];
}

const types = (node: Node) => [node['@type']].flat() as string[];
const ofType = (nodes: Node[], type: string) => nodes.filter((n) => types(n).includes(type));

/** Every URL-valued property, anywhere in a JSON-LD document. */
function urlsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => urlsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (['@id', 'url', 'mainEntityOfPage', 'id', 'source', 'partOf'].includes(key) && typeof v === 'string')
        found.push(v);
      else urlsIn(v, found);
    }
  }
  return found;
}

function metaContent(page: Node, key: string): string | undefined {
  const el = select(`meta[property="${key}"], meta[name="${key}"]`, page as any);
  return el ? attr(el, 'content') : undefined;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
});

function parseXml(file: string): Node {
  const text = fs.readFileSync(file, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
}

function articleSlugs(dist: string): string[] {
  return fs
    .readdirSync(path.join(dist, 'articles'))
    .filter((name) => fs.existsSync(path.join(dist, 'articles', name, 'index.html')));
}

describe.each(SITES)('what the $name site publishes for other software', ({ name, prefix, base }) => {
  const dist = siteDir(name);

  it('gives every page exactly one escaped JSON-LD block that a JSON-LD processor reads', async () => {
    for (const page of listPages(dist)) {
      const blocks = jsonLdBlocks(dist, page);
      expect(blocks, page).toHaveLength(1);
      const raw = fs.readFileSync(path.join(dist, page.endsWith('.html') ? page : `${page}index.html`), 'utf8');
      const inScript = raw.slice(
        raw.indexOf('application/ld+json'),
        raw.indexOf('</script>', raw.indexOf('application/ld+json')),
      );
      expect(inScript.slice(inScript.indexOf('>') + 1), `${page}: raw < inside JSON-LD`).not.toMatch(/[<>]/);
      const expanded = await expand(JSON.parse(blocks[0]!), { documentLoader, safe: true });
      expect(expanded.length, page).toBeGreaterThan(0);
      for (const url of urlsIn(JSON.parse(blocks[0]!))) expect(url.startsWith(prefix), `${page}: ${url}`).toBe(true);
    }
  });

  it('describes articles as NewsArticle with dates, credit, publisher, people and quotes', () => {
    for (const slug of articleSlugs(dist)) {
      const page = `/articles/${slug}/`;
      const tree = readPage(dist, page);
      const nodes = graphOf(jsonLdBlocks(dist, page)[0]!);
      const byId = new Map(nodes.map((n) => [n['@id'], n]));
      const [article, ...others] = ofType(nodes, 'NewsArticle');
      expect(others).toHaveLength(0);
      expect(article!.headline).toBe(textContent(select('h1', tree)!));
      expect(article!.description).toBe(metaContent(tree, 'description'));
      expect(article!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(article!.dateModified >= article!.datePublished).toBe(true);
      expect(article!.author || article!.creditText).toBeTruthy();
      expect(byId.get(article!.publisher['@id'])?.name).toBeTruthy();
      expect(article!.url).toBe(`${prefix}articles/${slug}/`);
      const people = new Set(
        selectAll('[data-annotation="person"], [data-annotation="quote"]', tree).map((el) => attr(el, 'dataRef')),
      );
      const mentioned = (article!.mentions as Node[]).map((m) => byId.get(m['@id']));
      expect(mentioned.every((p) => p && types(p).includes('Person') && p.name)).toBe(true);
      expect(mentioned.map((p) => p!.url).sort()).toEqual([...people].map((id) => `${prefix}people/${id}/`).sort());
      const quotes = ofType(nodes, 'Quotation');
      expect(quotes).toHaveLength(selectAll('[data-annotation="quote"]', tree).length);
      for (const quote of quotes) {
        expect(quote.text).toBe(textContent(select(`#${new URL(quote['@id']).hash.slice(1)}`, tree)!));
        expect(byId.get(quote.creator['@id'])?.name).toBeTruthy();
      }
    }
  });

  it('gives the publisher a logo and every article an image: its photograph, else the site icon', () => {
    const icon = `${prefix}site-icon.png`;
    expect(fs.readFileSync(path.join(dist, 'site-icon.png')).subarray(1, 4).toString()).toBe('PNG');
    for (const slug of articleSlugs(dist)) {
      const nodes = graphOf(jsonLdBlocks(dist, `/articles/${slug}/`)[0]!);
      const [publisher] = ofType(nodes, 'NewsMediaOrganization');
      expect(publisher!.logo).toMatchObject({ '@type': 'ImageObject', url: icon, width: 512, height: 512 });
      const [article] = ofType(nodes, 'NewsArticle');
      expect(article!.image['@type']).toBe('ImageObject');
      const photo = select('.article-figure--lead img', readPage(dist, `/articles/${slug}/`));
      if (photo) expect(article!.image.url).not.toBe(icon);
      else expect(article!.image.url).toBe(icon);
    }
  });

  it('names no URL of its own on the not-found page, which answers at every missing address', () => {
    const tree = readPage(dist, '/404.html');
    expect(metaContent(tree, 'og:url')).toBeUndefined();
    expect(select('link[rel="canonical"]', tree)).toBeFalsy();
    const block = jsonLdBlocks(dist, '/404.html')[0]!;
    expect(block).not.toContain('404');
    const [page] = ofType(graphOf(block), 'WebPage');
    expect(page!.url).toBeUndefined();
    expect(page!['@id']).toBeUndefined();
  });

  it('keeps every <title> within 70 characters, the full headline in <h1> and og:title', () => {
    for (const page of listPages(dist)) {
      const tree = readPage(dist, page);
      const title = textContent(select('title', tree)!);
      expect([...title].length, `${page}: ${title}`).toBeLessThanOrEqual(70);
      const ogTitle = metaContent(tree, 'og:title');
      // Embed pages are made for frames, not link previews: they have no Open Graph tags.
      if (ogTitle === undefined && page.endsWith('/embed/')) continue;
      expect(ogTitle!.startsWith(title.replace(/ · .*$/, '').replace(/…$/, '')), page).toBe(true);
    }
    for (const slug of articleSlugs(dist)) {
      const tree = readPage(dist, `/articles/${slug}/`);
      expect(metaContent(tree, 'og:title')).toBe(textContent(select('h1', tree)!));
    }
  });

  it('describes person pages as Person and the quotes page as a collection of Quotations', () => {
    for (const page of listPages(dist).filter((p) => /^\/people\/[^/]+\/$/.test(p))) {
      const nodes = graphOf(jsonLdBlocks(dist, page)[0]!);
      const person = ofType(nodes, 'Person').find((p) => p.url === `${prefix}${page.slice(1)}`);
      expect(person?.name, page).toBe(textContent(select('h1', readPage(dist, page))!));
      expect(person?.jobTitle).toBeTruthy();
      expect(person?.description).toBeTruthy();
    }
    const quotesPage = readPage(dist, '/quotes/');
    const [collection] = ofType(graphOf(jsonLdBlocks(dist, '/quotes/')[0]!), 'CollectionPage');
    const parts = (collection!.hasPart as Node[]).map((part) => String(part['@id']));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts).toHaveLength(selectAll('.quote-list > li', quotesPage).length);
    // Each part is the Quotation its article page describes in full, under the same @id.
    const articleQuotes = new Map<string, Node[]>();
    for (const id of parts) {
      const page = `/${id.slice(prefix.length).split('#')[0]}`;
      if (!articleQuotes.has(page)) articleQuotes.set(page, ofType(graphOf(jsonLdBlocks(dist, page)[0]!), 'Quotation'));
      const quote = articleQuotes.get(page)!.find((q) => q['@id'] === id);
      expect(quote?.text && quote.creator['@id'] && quote.url, id).toBeTruthy();
    }
  });

  it('describes claims as Claim, and verdicts as a ClaimReview Google accepts', () => {
    for (const page of listPages(dist).filter((p) => /^\/claims\/[^/]+\/$/.test(p))) {
      const tree = readPage(dist, page);
      const nodes = graphOf(jsonLdBlocks(dist, page)[0]!);
      const status = attr(select('.card-page__status .status', tree)!, 'className')!.match(/status--(\w+)/)![1]!;
      const reviews = ofType(nodes, 'ClaimReview');
      const claim = reviews.length ? reviews[0]!.itemReviewed : ofType(nodes, 'Claim')[0];
      expect(types(claim), page).toContain('Claim');
      expect(claim.name).toBe(textContent(select('h1', tree)!));
      expect(textContent(select('.claim-head__statement', tree)!)).toContain(claim.text);
      expect(claim.author.name).toBeTruthy();
      expect(claim.author['@type']).toBe('Person');
      if (['supported', 'disputed', 'false'].includes(status)) {
        expect(reviews, page).toHaveLength(1);
        const review = reviews[0]!;
        expect(review.url).toBe(`${prefix}${page.slice(1)}`);
        expect(review.claimReviewed.length).toBeLessThan(75);
        expect(review.reviewRating['@type']).toBe('Rating');
        expect(review.reviewRating.alternateName).toBe(textContent(select('.card-page__status .status__label', tree)!));
        expect(claim.appearance.length).toBeGreaterThan(0);
        expect(claim.appearance[0].url.startsWith(`${prefix}articles/`)).toBe(true);
      } else {
        expect(reviews, `${page} is ${status}, not a verdict`).toHaveLength(0);
      }
    }
  });

  it('gives link previews a title, description, site name, canonical URL and article times', () => {
    for (const slug of articleSlugs(dist)) {
      const tree = readPage(dist, `/articles/${slug}/`);
      const canonical = attr(select('link[rel="canonical"]', tree)!, 'href');
      expect(canonical).toBe(`${prefix}articles/${slug}/`);
      expect(metaContent(tree, 'og:url')).toBe(canonical);
      expect(metaContent(tree, 'og:type')).toBe('article');
      expect(metaContent(tree, 'og:title')).toBe(textContent(select('h1', tree)!));
      expect(metaContent(tree, 'og:description')).toBe(metaContent(tree, 'description'));
      expect(metaContent(tree, 'og:site_name')).toBeTruthy();
      expect(metaContent(tree, 'article:published_time')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(metaContent(tree, 'article:modified_time')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(metaContent(tree, 'twitter:card')).toBe('summary');
      // X falls back to og:title and og:description; repeating them would only add bytes to every page.
      expect(select('meta[name="twitter:title"], meta[name="twitter:description"]', tree)).toBeUndefined();
    }
    expect(metaContent(readPage(dist, '/'), 'og:type')).toBe('website');
  });

  it('publishes an RSS feed of every article with absolute links under the base path', () => {
    const feed = parseXml(path.join(dist, 'rss.xml')).rss;
    expect(feed['@_version']).toBe('2.0');
    const channel = feed.channel;
    expect(channel.link).toBe(prefix);
    expect(channel['atom:link']['@_href']).toBe(`${prefix}rss.xml`);
    const items = channel.item as Node[];
    expect(items.map((item) => item.link).sort()).toEqual(
      articleSlugs(dist)
        .map((slug) => `${prefix}articles/${slug}/`)
        .sort(),
    );
    for (const item of items) {
      const page = readPage(dist, new URL(item.link).pathname.slice(base.length - 1));
      expect(item.title).toBe(textContent(select('h1', page)!));
      expect(item.description).toBe(metaContent(page, 'description'));
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const home = readPage(dist, '/');
    expect(attr(select('link[rel="alternate"][type="application/rss+xml"]', home)!, 'href')).toBe(`${prefix}rss.xml`);
  });

  it('lists every page in the sitemap and points robots.txt at it', () => {
    const index = parseXml(path.join(dist, 'sitemap-index.xml')).sitemapindex;
    const locs: string[] = [];
    for (const sitemap of index.sitemap as Node[]) {
      expect(sitemap.loc.startsWith(prefix)).toBe(true);
      const file = path.join(dist, sitemap.loc.slice(prefix.length));
      for (const url of parseXml(file).urlset.url as Node[]) locs.push(url.loc);
    }
    const pages = listPages(dist)
      .filter((page) => page !== '/404.html' && page !== '/offline/' && !page.endsWith('/embed/'))
      .map((page) => `${prefix}${page.slice(1)}`);
    expect(locs.sort()).toEqual(pages.sort());
    const robots = fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`\nSitemap: ${prefix}sitemap-index.xml\n`);
  });

  it('exports each article’s annotations as W3C Web Annotations whose selectors find the passage', () => {
    for (const slug of articleSlugs(dist)) {
      const page = readPage(dist, `/articles/${slug}/`);
      const link = select('link[rel="alternate"][type="application/ld+json"]', page)!;
      const href = attr(link, 'href')!;
      expect(href).toBe(`${prefix}articles/${slug}/annotations.jsonld`);
      const collection = JSON.parse(fs.readFileSync(path.join(dist, href.slice(prefix.length)), 'utf8')) as Node;
      expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(collection.type).toBe('AnnotationCollection');
      expect(collection.id).toBe(href);
      const elements = selectAll('[data-annotation]', page);
      const items = collection.first.items as Node[];
      expect(collection.total).toBe(elements.length);
      expect(items.map((a) => a.target.selector[2].value)).toEqual(elements.map((el) => attr(el, 'id')));

      const { root, text } = articleText(page);
      // What a client such as Hypothesis matches quotes against: the whole page's text.
      const documentText = textContent(select('body', page)!);
      const textAt = indexesOf(documentText, text);
      expect(textAt).toHaveLength(1);
      for (const annotation of items) {
        expect(annotation.type).toBe('Annotation');
        expect(annotation.id.startsWith(href)).toBe(true);
        expect(annotation.target.source).toBe(`${prefix}articles/${slug}/`);
        const [quote, scope, fragment] = annotation.target.selector as Node[];
        const element = select(`#${fragment!.value}`, root)!;
        const passage = textContent(element);
        // Position: counted inside the element the CssSelector names, the article's text.
        expect(scope!.type).toBe('CssSelector');
        expect(select(scope!.value, page)).toBe(root);
        const position = scope!.refinedBy as Node;
        expect(position.type).toBe('TextPositionSelector');
        expect(text.slice(position.start, position.end), fragment!.value).toBe(passage);
        // Quote: prefix + exact + suffix occurs once in the article's text, exactly where the
        // position says, and its first occurrence on the page is that one.
        expect(quote!.exact).toBe(passage);
        const whole = quote!.prefix + quote!.exact + quote!.suffix;
        expect(indexesOf(text, whole)).toEqual([position.start - quote!.prefix.length]);
        expect(documentText.indexOf(whole), fragment!.value).toBe(textAt[0]! + position.start - quote!.prefix.length);
        // Body: the card it stands for, on this site.
        const links = (annotation.body as Node[]).filter((b) => b.type === 'SpecificResource').map((b) => b.source.id);
        expect(links.length).toBeGreaterThan(0);
        for (const url of links) expect(url.startsWith(prefix)).toBe(true);
        expect((annotation.body as Node[]).some((b) => b.type === 'TextualBody' && b.value)).toBe(true);
      }
    }
  });
});
