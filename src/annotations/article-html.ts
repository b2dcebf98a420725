import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import type { State } from 'mdast-util-to-hast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { ArticleImageNode } from './article-images';
import { imagePlaceholder } from './image-placeholders';
import rehypeArticleText, { bodyPartOf, type ArticleText } from './rehype-article-text';
import rehypeLinksAndHeadings from './rehype-links-and-headings';

/** The HTML of each part of an article body, in page order: `html` is the three joined. */
export interface ArticleBodyParts {
  /** The article's words (`.article__text`), with its margin notes and photographs' placeholders. */
  text: string;
  /** The annotations' cards (`.annotation-cards`), empty without annotations. */
  cards: string;
  /** The endnotes section, empty without annotations. */
  endnotes: string;
}

/** An article body ready to publish: its HTML and what pages need to know about it. */
export interface ArticleHtml {
  html: string;
  /** The same HTML by part, so a page can put its own sections (corrections) between them. */
  parts: ArticleBodyParts;
  /** The words of `.article__text` and where each annotation sits in them. */
  text: ArticleText;
}

/**
 * A plain HTML element written in an article (`<abbr title="…">`). The content check has
 * already refused anything else (components, code in attributes, handlers, scripts), so the
 * attributes are quoted strings or bare flags.
 */
function jsxElement(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element {
  const attributes: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const { name, value } = attribute as MdxJsxAttribute;
    attributes[name] = typeof value === 'string' ? value : true;
  }
  const element = h(node.name ?? 'span', attributes) as Element;
  element.children = state.all(node);
  state.patch(node, element);
  return element;
}

/**
 * An `::image` of the text: its `<figure>` and caption with credit, and a comment the
 * article page replaces with the processed `<picture>`. Search leaves the figure out: it
 * indexes the article's words, not its captions.
 */
function articleFigure(state: State, node: ArticleImageNode): Element {
  const { caption, credit } = node.image;
  const figure = h('figure', { className: ['article-figure'], dataPagefindIgnore: 'all' }, [
    { type: 'comment', value: imagePlaceholder(node.index) },
    h('figcaption', { className: ['article-figure__caption'] }, [
      ...(caption ? [`${caption} `] : []),
      h('span', { className: ['article-figure__credit'] }, `Photo: ${credit}`),
    ]),
  ]) as Element;
  state.patch(node as never, figure);
  return figure;
}

/**
 * Annotated Markdown tree → HTML, the last stage of the article pipeline (after
 * `parseArticleBody` and `annotateTree`). Articles hold text, not code, so they are rendered
 * here, once, in the content layer, instead of being compiled into JavaScript modules.
 */
const toHtml = unified()
  .use(remarkRehype, {
    handlers: {
      mdxJsxFlowElement: jsxElement,
      mdxJsxTextElement: jsxElement,
      // Only `{/* comments */}` get past the content check: they publish nothing.
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
      articleImage: (state: State, node: unknown) => articleFigure(state, node as ArticleImageNode),
    },
  })
  .use(rehypeArticleText)
  .use(rehypeLinksAndHeadings)
  .use(rehypeStringify)
  .freeze();

/** Renders an annotated tree (`annotateTree` has run on it) to the article's HTML. */
export function articleHtml(tree: Root, file: VFile): ArticleHtml {
  const hast = toHtml.runSync(tree, file);
  const parts: ArticleBodyParts = { text: '', cards: '', endnotes: '' };
  for (const node of hast.children)
    parts[bodyPartOf(node)] += toHtml.stringify({ type: 'root', children: [node] }, file);
  const html = parts.text + parts.cards + parts.endnotes;
  return { html, parts, text: (file.data as { articleText?: ArticleText }).articleText ?? { text: '', spans: {} } };
}
