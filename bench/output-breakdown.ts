import fs from 'node:fs';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Where an output's bytes go: files and bytes per kind of page, and, within the HTML pages of
 * a kind, the bytes of each part of the page (story text, cards, margin notes, endnotes,
 * JSON-LD, the site's chrome...). Parts are measured on the page's source bytes, before gzip,
 * which is what a host's size limit counts.
 */

/** A part of a page: elements matching `selector` (outermost wins) and everything inside them. */
interface PartRule {
  part: string;
  /** `tag`, `.class` or `tag[attribute="value"]`. */
  selector: string;
  /** Where the text directly inside a `within` element counts, when not with its tags. */
  textPart?: string;
  /**
   * `whole`: the element and all it holds count for the part. `within`: the part is the
   * default for what the element holds, while rules still apply to its descendants.
   */
  mode: 'whole' | 'within';
}

/** How an article page is split, in order of precedence. */
export const ARTICLE_PARTS: PartRule[] = [
  { part: 'JSON-LD', selector: 'script[type="application/ld+json"]', mode: 'whole' },
  { part: 'head (meta, links)', selector: 'head', mode: 'within' },
  { part: 'cards', selector: '.card', mode: 'whole' },
  { part: 'margin notes', selector: '.margin-note', mode: 'whole' },
  { part: 'endnotes', selector: '.endnotes', mode: 'whole' },
  { part: 'related stories', selector: '.related', mode: 'whole' },
  { part: 'annotation markup in the text', selector: '.annotation', mode: 'within', textPart: 'story text' },
  { part: 'story text', selector: '.article__text', mode: 'within' },
  { part: 'article header (headline, byline, topics)', selector: '.article__header', mode: 'within' },
];

/** How any other page is split: its own content (`main`) against the site's chrome. */
export const PAGE_PARTS: PartRule[] = [
  { part: 'JSON-LD', selector: 'script[type="application/ld+json"]', mode: 'whole' },
  { part: 'head (meta, links)', selector: 'head', mode: 'within' },
  { part: 'content (main)', selector: 'main', mode: 'within' },
];

/** What is left outside every rule: header, navigation, footer, scripts, whitespace. */
export const CHROME = 'chrome (site header, footer, scripts, legend)';

/** A predicate for the few selector forms the rules use; faster than a full selector engine over 100,000 pages. */
function matcher(selector: string): (element: Element) => boolean {
  const attribute = /^([a-z]+)\[([a-z-]+)="([^"]*)"\]$/.exec(selector);
  if (attribute) {
    const [, tag, name, value] = attribute;
    return (e) => e.tagName === tag && String(e.properties[toProperty(name!)] ?? '') === value;
  }
  if (selector.startsWith('.')) {
    const name = selector.slice(1);
    return (e) => Array.isArray(e.properties.className) && e.properties.className.includes(name);
  }
  if (/^[a-z]+$/.test(selector)) return (e) => e.tagName === selector;
  throw new Error(`unsupported selector in a breakdown rule: ${selector}`);
}

/** hast's property name for an HTML attribute (`data-note` → `dataNote`, `type` → `type`). */
const toProperty = (attribute: string) => attribute.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

const byteLength = (html: string, start: number, end: number) => Buffer.byteLength(html.slice(start, end));

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

/**
 * Bytes of each part of one HTML page. Every byte of the source is counted once: an element's
 * own tags and text go to the innermost part that holds them; what no rule covers is chrome.
 */
export function breakDownPage(html: string, rules: PartRule[]): Record<string, number> {
  const tree: Root = fromHtml(html);
  const compiled = rules.map((rule) => ({ ...rule, test: matcher(rule.selector) }));
  const parts: Record<string, number> = {};
  const add = (part: string, bytes: number) => {
    if (bytes) parts[part] = (parts[part] ?? 0) + bytes;
  };
  const visit = (node: Element, inherited: string, inheritedText: string) => {
    const rule = compiled.find((r) => r.test(node));
    const span = offsets(node);
    if (rule?.mode === 'whole') {
      if (span) add(rule.part, byteLength(html, span[0], span[1]));
      return;
    }
    const part = rule?.part ?? inherited;
    const textPart = rule ? (rule.textPart ?? rule.part) : inheritedText;
    let covered = 0;
    for (const child of node.children) {
      const childSpan = offsets(child);
      if (!childSpan) continue;
      const bytes = byteLength(html, childSpan[0], childSpan[1]);
      if (child.type === 'element') visit(child, part, textPart);
      else if (child.type === 'text') add(textPart, bytes);
      else continue;
      covered += bytes;
    }
    // The element's own tags, and comments.
    if (span) add(part, byteLength(html, span[0], span[1]) - covered);
  };
  let covered = 0;
  for (const child of tree.children) {
    const span = offsets(child);
    if (child.type !== 'element' || !span) continue;
    visit(child, CHROME, CHROME);
    covered += byteLength(html, span[0], span[1]);
  }
  add(CHROME, Buffer.byteLength(html) - covered);
  return parts;
}

/** The kind of an output file, from its path in the output (forward slashes). */
export function pageKind(relative: string): string {
  const [top = '', second, third] = relative.split('/');
  const paged = (segment: string | undefined) => segment === undefined || /^(\d+|index\.html)$/.test(segment);
  switch (top) {
    case 'articles':
      return third === 'annotations.jsonld' ? 'Web Annotations (annotations.jsonld)' : 'article pages';
    case 'claims':
      return paged(second) ? 'claims list' : 'claim pages';
    case 'people':
      return paged(second) ? 'people list' : 'person pages';
    case 'topics':
    case 'quotes':
    case 'archive':
    case 'authors':
    case 'corrections':
      return `${top} pages`;
    case 'pagefind':
      return 'search index (pagefind/)';
    case '_astro':
      return 'CSS and JavaScript (_astro/)';
    default:
      return 'the rest (front page, feed, sitemaps, search, offline, sw.js)';
  }
}

export interface KindBreakdown {
  files: number;
  bytes: number;
  /** HTML pages sampled for `parts`. */
  sampled: number;
  /** Bytes per part, estimated for all the kind's pages from the sample (absent for non-HTML kinds). */
  parts?: Record<string, number>;
}

/** Up to `count` items spread evenly over `items`, so a sample is not only the newest pages. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/**
 * Files and bytes of every kind of file in an output folder, and the parts of its HTML pages,
 * measured on up to `samplePerKind` pages of each kind and scaled to all of them.
 */
export function breakDownOutput(
  dist: string,
  files: { path: string; bytes: number }[],
  samplePerKind = 40,
): Record<string, KindBreakdown> {
  const kinds = new Map<string, { path: string; bytes: number }[]>();
  for (const file of files) {
    const kind = pageKind(file.path);
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind)!.push(file);
  }
  const result: Record<string, KindBreakdown> = {};
  for (const [kind, list] of [...kinds].sort(([, a], [, b]) => sum(b) - sum(a))) {
    const bytes = sum(list);
    const pages = list.filter((f) => f.path.endsWith('.html'));
    const entry: KindBreakdown = { files: list.length, bytes, sampled: 0 };
    if (pages.length) {
      const rules = kind === 'article pages' ? ARTICLE_PARTS : PAGE_PARTS;
      const sample = spread(pages, samplePerKind);
      const measured: Record<string, number> = {};
      let sampledBytes = 0;
      for (const page of sample) {
        const html = fs.readFileSync(path.join(dist, page.path), 'utf8');
        sampledBytes += Buffer.byteLength(html);
        for (const [part, n] of Object.entries(breakDownPage(html, rules))) measured[part] = (measured[part] ?? 0) + n;
      }
      const scale = sampledBytes ? sum(pages) / sampledBytes : 0;
      entry.sampled = sample.length;
      entry.parts = Object.fromEntries(
        Object.entries(measured)
          .sort(([, a], [, b]) => b - a)
          .map(([part, n]) => [part, Math.round(n * scale)]),
      );
    }
    result[kind] = entry;
  }
  return result;
}

function sum(files: { bytes: number }[]): number {
  return files.reduce((total, f) => total + f.bytes, 0);
}
