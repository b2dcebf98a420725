import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visitParents } from 'unist-util-visit-parents';
import { URL_ATTRIBUTES } from './safe-content';

/** `/quotes/` → `/news/quotes/` under `BASE_PATH=/news/`; URLs, `//host` and `#fragments` stay. */
function withBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || base === '/') return url;
  return `${base.replace(/\/$/, '')}${url}`;
}

/**
 * Site paths in an article are written from the site root (`[all quotes](/quotes/)`), as
 * authors see them in the address bar of a site at `/`; the site may be deployed under a
 * sub-path, so each one gets the base path, as the cards' own links do.
 *
 * `[quotes](/quotes/)` with base `/news/` → `<a href="/news/quotes/">quotes</a>`
 */
export function prefixSitePaths(tree: Root, base: string): void {
  if (base === '/') return;
  visitParents(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      node.url = withBase(node.url, base);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        if (URL_ATTRIBUTES.has(attribute.name.toLowerCase())) {
          (attribute as MdxJsxAttribute).value = withBase(attribute.value, base);
        }
      }
    }
  });
}
