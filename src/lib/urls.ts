/**
 * Every site URL is built here, with the base path (`BASE_PATH`, Astro's `base`), so a site
 * deployed under `/news/` links to `/news/people/…/` everywhere: pages, cards, feeds, records.
 */
export interface SiteUrls {
  /** Base path with a trailing slash, e.g. `/` or `/news/`. */
  base: string;
  home(): string;
  /** Every article, newest first, in numbered pages. */
  archive(): string;
  article(slug: string, fragment?: string): string;
  /** Everyone the articles mention or quote. */
  people(): string;
  person(id: string): string;
  /** Every claim, grouped by where it stands. */
  claims(): string;
  claim(id: string): string;
  /** An author's page: who they are and their articles. */
  author(id: string): string;
  /** Every author. */
  authors(): string;
  /** A topic's page, by its slug (`rare-earths`). */
  topic(slug: string): string;
  /** Every topic, with counts. */
  topics(): string;
  quotes(): string;
  search(): string;
  /** Every correction of every article. */
  corrections(): string;
  /** The article's annotations as W3C Web Annotations (JSON-LD). */
  articleAnnotations(slug: string): string;
  /** The newsroom's pages (`content/pages/`): the list, and one page by slug. */
  about(): string;
  page(slug: string): string;
  /** A claim's card to embed in other sites, and its oEmbed description. */
  claimEmbed(id: string): string;
  claimOembed(id: string): string;
  /** The open data: its page, and a file under it (`claims.json`). */
  data(file?: string): string;
  /** Any other path under the base, written without a leading slash (`rss.xml`). */
  path(relative: string): string;
}

export function normalizeBase(base: string): string {
  let b = base.trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

export function siteUrls(base: string): SiteUrls {
  const root = normalizeBase(base);
  const path = (relative: string) => `${root}${relative.replace(/^\/+/, '')}`;
  return {
    base: root,
    home: () => root,
    archive: () => path('archive/'),
    article: (slug, fragment) => path(`articles/${slug}/`) + (fragment ? `#${fragment}` : ''),
    people: () => path('people/'),
    person: (id) => path(`people/${id}/`),
    claims: () => path('claims/'),
    claim: (id) => path(`claims/${id}/`),
    author: (id) => path(`authors/${id}/`),
    authors: () => path('authors/'),
    topic: (slug) => path(`topics/${slug}/`),
    topics: () => path('topics/'),
    quotes: () => path('quotes/'),
    search: () => path('search/'),
    corrections: () => path('corrections/'),
    articleAnnotations: (slug) => path(`articles/${slug}/annotations.jsonld`),
    about: () => path('about/'),
    page: (slug) => path(`about/${slug}/`),
    claimEmbed: (id) => path(`claims/${id}/embed/`),
    claimOembed: (id) => path(`claims/${id}/oembed.json`),
    data: (file) => path(`data/${file ?? ''}`),
    path,
  };
}

/** Absolute URL on the public site (canonical links, feeds, JSON-LD). */
export function absoluteUrl(site: string | URL, sitePath: string): string {
  return new URL(sitePath, site).href;
}

/** What absolute URLs and JSON-LD node ids are made of: the public origin, the URL helpers, the site's name. */
export interface SiteRefs {
  /** `SITE_URL`, the public origin. */
  site: string | URL;
  urls: SiteUrls;
  siteName: string;
}
