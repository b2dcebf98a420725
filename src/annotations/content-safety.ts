import type { Definition, Image, Link, Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import * as messages from './messages';
import type { Report } from './messages';
import {
  FORBIDDEN_ELEMENTS,
  PAGE_ATTRIBUTES,
  URL_ATTRIBUTES,
  isAllowedContentUrl,
  isPathBesideArticle,
} from './safe-content';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** An MDX expression that is only a comment (block or line comments, nothing else). */
function isComment(code: string): boolean {
  return !code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .trim();
}

/** Whether a node sits inside a Markdown link or an `<a>` element. */
export function insideLink(ancestors: readonly Nodes[]): boolean {
  return ancestors.some(
    (ancestor) =>
      ancestor.type === 'link' ||
      ancestor.type === 'linkReference' ||
      ((ancestor.type === 'mdxJsxTextElement' || ancestor.type === 'mdxJsxFlowElement') &&
        (ancestor.name ?? '').toLowerCase() === 'a'),
  );
}

/**
 * Content safety, one node at a time: articles hold text, so links may only go to web pages
 * and nothing may run code or reach into the page.
 *
 * `[x](javascript:alert(1))` → `unsafe-link`; `<script>` → `forbidden-element`;
 * `{new Date()}` → `expression-in-article`; an MDX comment (slash-star note star-slash in
 * braces) → nothing.
 *
 * Returns true when the node's children must not be visited (module code, expressions).
 */
export function checkNodeSafety(node: Nodes, ancestors: readonly Nodes[], report: Report): boolean {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      checkUrl(node, report);
      return false;
    case 'html':
      report(node, messages.rawHtml());
      return false;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkJsx(node, report);
      if (insideLink(ancestors) && (node.name ?? '').toLowerCase() === 'a') report(node, messages.linkInsideLink());
      return false;
    case 'mdxjsEsm':
      report(node, messages.importInArticle());
      return true;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // `{/* note */}` comments are fine; anything else would run as code during the build.
      if (!isComment(node.value)) report(node, messages.expressionInArticle(node.value));
      return true;
    default:
      return false;
  }
}

/** Links, images and definitions go to web pages or site paths; images are not beside the article. */
function checkUrl(node: Link | Image | Definition, report: Report): void {
  if (!isAllowedContentUrl(node.url)) report(node, messages.unsafeLink(node.url));
  else if (node.type === 'image' && isPathBesideArticle(node.url)) report(node, messages.imageBesideArticle(node.url));
}

/** `<abbr title="…">` passes; components, scripts, handlers and page attributes do not. */
function checkJsx(node: JsxElement, report: Report): void {
  const name = (node.name ?? '').toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(name)) {
    report(node, messages.forbiddenElement(node.name ?? ''));
  } else if (!/^[a-z][a-z0-9]*$/.test(node.name ?? '')) {
    report(node, messages.componentElement(node.name ?? ''));
  }
  for (const attribute of node.attributes) {
    if (
      attribute.type === 'mdxJsxExpressionAttribute' ||
      (typeof attribute.value === 'object' && attribute.value !== null)
    ) {
      report(node, messages.codeInAttribute(node.name ?? ''));
      continue;
    }
    const problem = attributeProblem(name, node.name ?? '', attribute);
    if (problem) report(node, problem);
  }
}

/** What is wrong with one quoted (or bare) attribute of a plain element, if anything. */
function attributeProblem(
  element: string,
  written: string,
  attribute: MdxJsxAttribute,
): messages.ProblemText | undefined {
  const key = attribute.name.toLowerCase();
  const value = attribute.value;
  if (key.startsWith('on')) return messages.eventHandler(attribute.name, written);
  if (PAGE_ATTRIBUTES.has(key) || key.startsWith('popover')) return messages.pageAttribute(attribute.name, written);
  if (key === 'dangerouslysetinnerhtml' || key === 'set:html')
    return messages.rawHtmlAttribute(attribute.name, written);
  if (typeof value !== 'string') return undefined;
  if (URL_ATTRIBUTES.has(key) && !isAllowedContentUrl(value)) return messages.unsafeUrlAttribute(value, attribute.name);
  if (element === 'img' && key === 'src' && isPathBesideArticle(value)) return messages.imageBesideArticle(value);
  return undefined;
}
