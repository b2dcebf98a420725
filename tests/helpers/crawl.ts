import { fromHtml } from 'hast-util-from-html';
import { attr, selectAll } from './html';

export interface CrawlOptions {
  /** Where the site is served, with its base path: `http://127.0.0.1:8080/news/`. */
  url: string;
  /** The public origin the build wrote into absolute links (`SITE_URL`); crawled on the test host. */
  siteUrl: string;
  /** Paths under the base path to start from besides the home page (`quotes/`, `_astro/x.css`). */
  start?: string[];
}

export interface CrawlResult {
  /** Every URL fetched, with its status. */
  statuses: Map<string, number>;
  /** Content types of the successful responses, by URL. */
  types: Map<string, string>;
  /** `page → link (status)` for each internal link that did not answer 200. */
  broken: string[];
  /** `page → link` for each link to the site's own origin outside the base path. */
  escaped: string[];
  /** `page → link#fragment` whose page has no element with that id. */
  missingFragments: string[];
  /** Number of HTML pages parsed. */
  pages: number;
}

/** The URLs a page, stylesheet, manifest or XML document refers to. */
function references(body: string, type: string): string[] {
  if (type.includes('html')) {
    const tree = fromHtml(body);
    const urls: string[] = [];
    for (const el of selectAll('[href], [src], [srcset], [action], [poster], object[data]', tree)) {
      for (const name of ['href', 'src', 'action', 'poster', ...(el.tagName === 'object' ? ['data'] : [])]) {
        const value = attr(el, name);
        if (value !== undefined) urls.push(value);
      }
      for (const candidate of (attr(el, 'srcSet') ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
    return urls;
  }
  if (type.includes('css'))
    return [...body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)].map(
      (m) => (m[1] ?? m[2])!,
    );
  if (type.includes('manifest') || type.includes('json')) {
    const found: string[] = [];
    JSON.stringify(JSON.parse(body), (key, value) => {
      if (
        ['src', 'start_url', 'scope', 'url', 'id'].includes(key) &&
        typeof value === 'string' &&
        /^(\/|https?:|\.)/.test(value)
      )
        found.push(value);
      return value;
    });
    return found;
  }
  if (type.includes('xml'))
    return [...body.matchAll(/<(?:loc|link|guid)[^>]*>\s*([^<\s]+)\s*</g), ...body.matchAll(/\shref="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
  return [];
}

const ids = (html: string) => new Set(selectAll('[id]', fromHtml(html)).map((el) => attr(el, 'id')!));

/**
 * Crawls a served site with fetch: from the home page and the given start paths, follows
 * every reference to the site's own origin (or `SITE_URL`'s), and records what does not
 * answer 200, what points outside the base path, and fragments with no target.
 */
export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const served = new URL(options.url);
  const base = served.pathname;
  const publicOrigin = new URL(options.siteUrl).origin;
  const result: CrawlResult = {
    statuses: new Map(),
    types: new Map(),
    broken: [],
    escaped: [],
    missingFragments: [],
    pages: 0,
  };
  const idsByPage = new Map<string, Set<string>>();
  const fragments: Array<{ from: string; page: string; id: string }> = [];
  const queue: Array<{ url: string; from: string }> = [{ url: served.href, from: '(start)' }];
  const seen = new Set([served.href]);
  for (const path of options.start ?? []) {
    const url = new URL(path, served).href;
    if (!seen.has(url)) queue.push({ url, from: '(built file)' });
    seen.add(url);
  }

  const visit = async ({ url, from }: { url: string; from: string }) => {
    const response = await fetch(url, { redirect: 'manual' });
    result.statuses.set(url, response.status);
    if (response.status !== 200) {
      result.broken.push(`${from} → ${url.slice(served.origin.length)} (${response.status})`);
      await response.body?.cancel();
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    result.types.set(url, type);
    if (!/html|css|json|manifest|xml/.test(type) || /pagefind/.test(url)) {
      await response.body?.cancel();
      return;
    }
    const body = await response.text();
    if (type.includes('html')) {
      result.pages++;
      idsByPage.set(url, ids(body));
    }
    for (const reference of references(body, type)) {
      let target: URL;
      try {
        target = new URL(reference, url);
      } catch {
        result.broken.push(`${from} → ${reference} (not a URL)`);
        continue;
      }
      if (target.origin !== served.origin && target.origin !== publicOrigin) continue;
      const local = new URL(target.pathname + target.search, served.origin);
      if (!local.pathname.startsWith(base)) {
        result.escaped.push(`${url.slice(served.origin.length)} → ${reference}`);
        continue;
      }
      // A text fragment (`#id:~:text=…`) is for the browser; the element id comes before it.
      const id = decodeURIComponent(target.hash.slice(1)).split(':~:')[0]!;
      if (id) fragments.push({ from: url, page: local.href, id });
      if (!seen.has(local.href)) {
        seen.add(local.href);
        queue.push({ url: local.href, from: url.slice(served.origin.length) });
      }
    }
  };

  // A few requests at a time: fast, and gentle on a machine shared with other work.
  const running = new Set<Promise<void>>();
  while (queue.length || running.size) {
    while (queue.length && running.size < 6) {
      const task = visit(queue.shift()!).finally(() => running.delete(task));
      running.add(task);
    }
    await Promise.race(running);
  }

  for (const { from, page, id } of fragments) {
    const known = idsByPage.get(page);
    if (known && !known.has(id))
      result.missingFragments.push(`${from.slice(served.origin.length)} → ${page.slice(served.origin.length)}#${id}`);
  }
  return result;
}
