import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { visitParents } from 'unist-util-visit-parents';
import { isAnnotationKind, type AnnotationRecord } from '../annotations/kinds';
import { cardId } from '../annotations/cards';

/** One annotation as a built article page shows it (the documented markup hooks). */
export type PublishedAnnotation = Pick<AnnotationRecord, 'id' | 'kind' | 'ref' | 'text' | 'context'> &
  Partial<Pick<AnnotationRecord, 'person' | 'claim' | 'value' | 'about'>> & {
    /** A figure's value as its card words it ("100 percent", "October 26, 2025"). */
    valueText?: string;
  };

/** What search needs from a built article page. */
export interface PublishedArticle {
  /** Site path of the page, from the site root: `/articles/<slug>/`. */
  path: string;
  title: string;
  /** `<html lang>`, so records land in the same Pagefind language index as the page. */
  language: string;
  /** `YYYY-MM-DD` from the article's `<time>`, for ordering by recency. */
  published?: string;
  annotations: PublishedAnnotation[];
}

/** Blocks whose text is an annotation's context (the paragraph it sits in). */
const BLOCKS = new Set(['p', 'li', 'blockquote', 'dd', 'td', 'th', 'figcaption', 'h2', 'h3', 'h4', 'h5', 'h6']);

const attribute = (element: Element, name: string): string | undefined => {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
};

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads the annotations of a built article page through its markup hooks — `[data-annotation]`,
 * `data-ref`, `data-claim`, `data-value`, `id` and the card `#card-<id>` — rather than parsing
 * the MDX a second time. Returns `undefined` for a page that is not an article.
 */
export function readPublishedArticle(html: string, path: string): PublishedArticle | undefined {
  const tree: Root = fromHtml(html);
  const body = select('[data-pagefind-body]', tree);
  const heading = body && select('h1', body);
  if (!body || !heading) return undefined;
  const html_ = select('html', tree);
  const time = select('time[datetime]', body);
  const byId = elementsById(tree);
  const annotations: PublishedAnnotation[] = [];
  visitParents(body, 'element', (element, ancestors) => {
    const kind = attribute(element, 'dataAnnotation');
    if (!kind || !isAnnotationKind(kind)) return;
    const id = attribute(element, 'id');
    const ref = attribute(element, 'dataRef');
    if (!id || !ref) throw new Error(`${path}: a \`data-annotation="${kind}"\` element has no id or data-ref`);
    const block = [...ancestors].reverse().find((a): a is Element => a.type === 'element' && BLOCKS.has(a.tagName));
    const annotation: PublishedAnnotation = {
      id,
      kind,
      ref,
      text: clean(toText(element)),
      context: block ? clean(toText(block)) : '',
    };
    if (kind === 'person' || kind === 'quote') annotation.person = ref;
    const claim = kind === 'claim' ? ref : attribute(element, 'dataClaim');
    if (claim) annotation.claim = claim;
    const value = attribute(element, 'dataValue');
    if (value) annotation.value = value;
    if (kind === 'figure') Object.assign(annotation, figureCard(byId.get(cardId(id))));
    annotations.push(annotation);
  });
  return {
    path,
    title: clean(toText(heading)),
    language: (html_ && attribute(html_, 'lang')) || 'en',
    published: time ? attribute(time, 'dateTime') : undefined,
    annotations,
  };
}

function elementsById(tree: Root): Map<string, Element> {
  const byId = new Map<string, Element>();
  visitParents(tree, 'element', (element) => {
    const id = attribute(element, 'id');
    if (id) byId.set(id, element);
  });
  return byId;
}

const hasClass = (node: Element['children'][number], name: string) =>
  node.type === 'element' && (attribute(node, 'className') ?? '').split(' ').includes(name);

/** A figure card's value in words and what it measures ("Measures: …"), without the keys. */
function figureCard(card: Element | undefined): Pick<PublishedAnnotation, 'about' | 'valueText'> {
  const found: Pick<PublishedAnnotation, 'about' | 'valueText'> = {};
  if (!card) return found;
  const value = select('.card__value data', card);
  if (value) found.valueText = clean(toText(value));
  const meta = card.children.find((line): line is Element => hasClass(line, 'card__meta'));
  if (meta) found.about = clean(meta.children.filter((c) => !hasClass(c, 'card__key')).map((c) => toText(c)).join(''));
  return found;
}
