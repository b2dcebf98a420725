/**
 * The markup of one search result, the same whatever found it: Pagefind, or the pages saved
 * on the device for reading offline. Built from text nodes only, so nothing in a result can
 * inject HTML.
 */
import { RESULT_TYPE_LABELS } from '../search-schema';
import { markWords, resultHref, type TextPart } from './excerpt';
import type { SearchHit } from './passage-hits';

function appendParts(parent: HTMLElement, parts: readonly TextPart[]): void {
  for (const part of parts) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The result's title as a heading, linked to the passage, with the matched words marked. */
function resultTitle(hit: SearchHit): HTMLHeadingElement {
  const heading = element('h2', 'search-result__title');
  const link = element('a', 'search-result__link');
  link.href = resultHref(hit.url, hit.words, location.origin);
  appendParts(link, markWords(hit.title, hit.words));
  heading.append(link);
  return heading;
}

/** Who said it and in which article, when the result has either (an article result never names itself). */
function resultSource(hit: SearchHit): HTMLParagraphElement | undefined {
  const article = hit.type === 'article' ? undefined : hit.article;
  if (!hit.speaker && !article) return undefined;
  const source = element('p', 'search-result__source');
  if (hit.speaker) source.append(element('span', 'search-result__speaker', hit.speaker));
  if (hit.speaker && article) source.append(' · ');
  if (article) {
    source.append('in ');
    source.append(element('cite', 'search-result__article', article));
  }
  return source;
}

/** One result: type, the linked title with matched words marked, the excerpt, who and where. */
export function resultItem(hit: SearchHit): HTMLLIElement {
  const item = element('li', `search-result search-result--${hit.type}`);
  item.append(element('p', 'search-result__type', RESULT_TYPE_LABELS[hit.type].one));
  item.append(resultTitle(hit));
  // A quote's title is the quote itself; other results show where the words matched.
  if (hit.type !== 'quote' && hit.excerpt?.length) {
    const excerpt = element('p', 'search-result__excerpt');
    appendParts(excerpt, hit.excerpt);
    item.append(excerpt);
  }
  const source = resultSource(hit);
  if (source) item.append(source);
  return item;
}
