import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** What the `rel` of a link to another site is: the page it opens cannot reach back. */
const EXTERNAL_REL = ['noopener', 'noreferrer'];

/** A scheme (`https:`), but not a Windows path (`c:\`): how rehype-external-links tells an absolute URL. */
const isAbsoluteUrl = (url: string) => !/^[a-zA-Z]:\\/.test(url) && /^[a-zA-Z][a-zA-Z\d+\-.]*?:/.test(url);

/** An http(s) or protocol-relative address. */
function isExternal(url: string): boolean {
  return isAbsoluteUrl(url) ? ['http', 'https'].includes(url.slice(0, url.indexOf(':'))) : url.startsWith('//');
}

/** The heading test of Astro's heading ids: `h` then a level somewhere in the name. */
const isHeading = (element: Element) => element.tagName[0] === 'h' && /h([0-6])/.test(element.tagName);

/**
 * rehype plugin, one walk over the tree instead of two: links to other sites get
 * `rel="noopener noreferrer"` (what rehype-external-links does with that `rel`), and
 * headings get Astro's ids (`rehypeHeadingIds`, run on the headings alone, in document
 * order, so the ids are the same). Cards and endnotes make an article's tree large, and
 * each full walk cost as much as a tenth of its rendering.
 */
export default function rehypeLinksAndHeadings() {
  const headingIds = rehypeHeadingIds() as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    const headings: Element[] = [];
    const stack: RootContent[] = [...tree.children].reverse();
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type !== 'element') {
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
        continue;
      }
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && isExternal(href)) node.properties.rel = [...EXTERNAL_REL];
      if (isHeading(node)) headings.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    headingIds({ type: 'root', children: headings }, file);
  };
}
