/**
 * Quote search without the network: reads every article page the service worker's caches
 * hold (saved, opened, precached), finds its passages through the markup hooks
 * (`data-annotation`, `data-ref`, ids, the cards `#card-<id>`), names people from the
 * page's JSON-LD, and matches the query with
 * saved-search-match.ts. The search page calls it when Pagefind cannot reach the network.
 */
import { siteUrls } from '../lib/urls';
import { CACHE_NAMES } from './cache-names';
import { matchRecords, type SavedFilters, type SavedRecord, type SavedResult } from './saved-search-match';

export type { SavedResult, SavedFilters } from './saved-search-match';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A card's title without its kind label ("Person: He Lifeng" → "He Lifeng"). */
function cardTitle(card: Element | null): string {
  const title = card?.querySelector('.card__title')?.cloneNode(true) as Element | undefined;
  title?.querySelector('.card__kind')?.remove();
  return text(title);
}

/** The page's JSON-LD nodes (its `@graph`), or none when it has none or cannot be read. */
function jsonLdNodes(doc: Document): Record<string, unknown>[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    try {
      const data = JSON.parse(script.textContent ?? '') as { '@graph'?: unknown };
      return Array.isArray(data['@graph']) ? (data['@graph'] as Record<string, unknown>[]) : [];
    } catch {
      return [];
    }
  });
}

/**
 * Person ids to names, from the data the article page publishes about the people it
 * mentions and quotes (its JSON-LD `Person` nodes, `…/people/<id>/#person`), not from the
 * words of its cards.
 */
function peopleNames(doc: Document): Map<string, string> {
  const names = new Map<string, string>();
  for (const node of jsonLdNodes(doc)) {
    const id = /\/people\/([^/]+)\/#person$/.exec(String(node['@id'] ?? ''))?.[1];
    if (node['@type'] === 'Person' && id && typeof node.name === 'string') names.set(decodeURIComponent(id), node.name);
  }
  return names;
}

/** The person a card links to (`/people/<id>/`), by name. */
function linkedPerson(card: Element | null, names: Map<string, string>): string | undefined {
  const link = card?.querySelector('a[href*="/people/"]');
  const id = /\/people\/([^/]+)\//.exec(link?.getAttribute('href') ?? '')?.[1];
  return id ? (names.get(id) ?? text(link)) : undefined;
}

interface ArticlePage {
  doc: Document;
  /** The article page's path: `/articles/x/`. */
  path: string;
  title: string;
  names: Map<string, string>;
}

function passageRecord(page: ArticlePage, element: Element, base: string): SavedRecord | undefined {
  const { doc, path, title: article, names } = page;
  const kind = element.getAttribute('data-annotation');
  const ref = element.getAttribute('data-ref') ?? '';
  const card = doc.getElementById(`card-${element.id}`);
  const passage = text(element);
  const url = `${path}#${element.id}`;
  if (kind === 'quote') {
    const speaker = names.get(ref) ?? linkedPerson(card, names) ?? ref;
    return { url, type: 'quote', title: `“${passage}”`, speaker, article, content: `“${passage}” — ${speaker}` };
  }
  if (kind === 'claim') {
    const statement = text(card?.querySelector('.card__claim')) || passage;
    const speaker = linkedPerson(card, names);
    return {
      url,
      type: 'claim',
      title: statement,
      speaker,
      article,
      content: `${passage} ${statement} ${speaker ?? ''}`,
    };
  }
  if (kind === 'figure') {
    const about = cardTitle(card);
    const value = text(card?.querySelector('data'));
    return {
      url,
      type: 'figure',
      title: about ? `${passage}: ${about}` : passage,
      article,
      content: `${passage} ${about} ${value}`,
    };
  }
  if (kind === 'person') {
    const name = names.get(ref) ?? passage;
    const bio = text(card?.querySelector('.card__bio'));
    return { url: siteUrls(base).person(ref), type: 'person', title: name, content: `${name} ${bio}` };
  }
  return undefined;
}

/** The searchable records of one article page: the article itself, then its passages. */
function articleRecords(doc: Document, path: string, base: string): SavedRecord[] {
  const body = doc.querySelector('[data-pagefind-body]') ?? doc.body;
  const page: ArticlePage = { doc, path, title: text(doc.querySelector('h1')), names: peopleNames(doc) };
  const articleText = text(body.querySelector('.article__text')) || text(body);
  const records: SavedRecord[] = [{ url: path, type: 'article', title: page.title, content: articleText }];
  // A claim stated in several passages is one result, at its first passage.
  const claims = new Set<string>();
  for (const element of body.querySelectorAll('[data-annotation][id]')) {
    const record = passageRecord(page, element, base);
    const claim = record?.type === 'claim' ? element.getAttribute('data-ref') : null;
    if (!record || (claim && claims.has(claim))) continue;
    if (claim) claims.add(claim);
    records.push(record);
  }
  return records;
}

/** Article pages in every cache, each once: `/articles/x/` (precached as `…/index.html?__WB_REVISION__=…`). */
async function cachedArticlePages(base: string): Promise<Map<string, Response>> {
  const pages = new Map<string, Response>();
  const article = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}articles/[^/]+/(?:index\\.html)?$`);
  // A saved copy may be of an earlier build: the copies the served build cached are read first.
  const names = (await caches.keys()).sort((a, b) => Number(a === CACHE_NAMES.saved) - Number(b === CACHE_NAMES.saved));
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const { pathname, origin } = new URL(request.url);
      if (origin !== location.origin || !article.test(pathname)) continue;
      const path = pathname.replace(/index\.html$/, '');
      if (pages.has(path)) continue;
      const response = await cache.match(request);
      if (response?.ok) pages.set(path, response);
    }
  }
  return pages;
}

/**
 * Searches every cached article page for `query` (each word as a prefix, case and accents
 * ignored), with Pagefind's `type` and `speaker` filters.
 */
export async function searchSaved(base: string, query: string, filters: SavedFilters = {}): Promise<SavedResult[]> {
  if (!('caches' in globalThis)) return [];
  const root = siteUrls(base).base;
  const parser = new DOMParser();
  const records: SavedRecord[] = [];
  for (const [path, response] of await cachedArticlePages(root)) {
    records.push(...articleRecords(parser.parseFromString(await response.text(), 'text/html'), path, root));
  }
  return matchRecords(records, query, filters);
}
