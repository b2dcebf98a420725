import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** Class of the element that holds the article's own words (no cards, no endnotes). */
export const ARTICLE_TEXT_CLASS = 'article__text';

/**
 * The article's text as W3C Web Annotation selectors see it: the DOM `textContent` of the
 * `.article__text` element, and where each inline annotation sits in it (`[start, end)`,
 * UTF-16 code units, as `String.prototype.slice` and the DOM count).
 */
export interface ArticleText {
  text: string;
  spans: Record<string, [number, number]>;
}

/** The parts of an article body after its text, by the class `appendCardsAndEndnotes` gives each. */
const APPENDIX_PARTS = { 'annotation-cards': 'cards', endnotes: 'endnotes' } as const;

function classes(node: RootContent): string[] {
  if (node.type !== 'element') return [];
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Which part of the body a top-level node is: the article's text, its cards or its endnotes. */
export function bodyPartOf(node: RootContent): 'text' | 'cards' | 'endnotes' {
  const name = classes(node).find((name): name is keyof typeof APPENDIX_PARTS => name in APPENDIX_PARTS);
  return name ? APPENDIX_PARTS[name] : 'text';
}

const isAppendix = (node: RootContent) => bodyPartOf(node) !== 'text';
// MDX module code (imports, exports) is not content and must stay at the top level.
const isModuleCode = (node: RootContent) => (node.type as string) === 'mdxjsEsm';

/** `textContent` of a subtree, recording the span of every element with `data-annotation`. */
function collectText(nodes: readonly (RootContent | ElementContent)[], out: ArticleText): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.text += node.value;
    } else if ('children' in node && Array.isArray(node.children)) {
      const element = node as Element;
      const id =
        element.type === 'element' && element.properties.dataAnnotation ? String(element.properties.id ?? '') : '';
      const start = out.text.length;
      collectText(element.children, out);
      if (id) out.spans[id] = [start, out.text.length];
    }
  }
}

/**
 * rehype plugin: wraps the article's words in `<div class="article__text">`, leaving the
 * cards and endnotes after it, so "the article's text" has one exact definition that a
 * browser (`textContent`) and the annotation export agree on. The text and the annotation
 * spans are left in `file.data.articleText` for the rest of the pipeline.
 */
export default function rehypeArticleText() {
  return (tree: Root, file: VFile) => {
    const body = tree.children.filter((node) => !isAppendix(node) && !isModuleCode(node));
    if (body.length === 0) return;
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: [ARTICLE_TEXT_CLASS] },
      children: body as ElementContent[],
    };
    const first = tree.children.indexOf(body[0]!);
    const rest = tree.children.filter((node) => !body.includes(node));
    tree.children = [...rest.slice(0, first), wrapper, ...rest.slice(first)];

    const articleText: ArticleText = { text: '', spans: {} };
    collectText(wrapper.children, articleText);
    (file.data as { articleText?: ArticleText }).articleText = articleText;
  };
}
