import type { Element, Nodes } from 'hast';
import { select } from 'hast-util-select';

/** DOM `textContent` of a hast node: every text node, in document order, nothing added. */
export function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textContent(child as Nodes)).join('');
  return '';
}

/** The article's words, as Web Annotation selectors count them (`.article__text`). */
export function articleText(page: Nodes): { root: Element; text: string } {
  const root = select('.article__text', page);
  if (!root) throw new Error('The article page has no .article__text element');
  return { root, text: textContent(root) };
}

/** Every index at which `needle` occurs in `text`. */
export function indexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
