import type { Root } from 'hast';
import { attr, selectAll } from './html';

/** Attributes whose value a browser treats as a URL to load or navigate to. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formAction',
  'cite',
  'data',
  'poster',
  'background',
  'longDesc',
  'ping',
  'manifest',
  'xLinkHref',
];
const SCRIPTABLE_SCHEMES = /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i;

/** Every way a built page could run or style something inline, which the CSP would block. */
export function inlineCode(tree: Root): string[] {
  const problems: string[] = [];
  for (const el of selectAll('*', tree)) {
    const name = el.tagName;
    if (name === 'script' && !attr(el, 'src') && attr(el, 'type') !== 'application/ld+json')
      problems.push('inline <script>');
    if (name === 'style') problems.push('<style> element');
    if (['base', 'object', 'embed', 'frame'].includes(name)) problems.push(`<${name}> element`);
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on[A-Za-z]/.test(key)) problems.push(`<${name} ${key}> event handler`);
      if (key === 'style') problems.push(`<${name} style="…"> attribute`);
      if (URL_ATTRIBUTES.includes(key) && SCRIPTABLE_SCHEMES.test(String(value)))
        problems.push(`<${name} ${key}="${value}">`);
      if ((key === 'srcSet' || key === 'imageSrcSet') && SCRIPTABLE_SCHEMES.test(String(value)))
        problems.push(`<${name} ${key}="${value}">`);
    }
    if (
      name === 'meta' &&
      /refresh/i.test(attr(el, 'httpEquiv') ?? '') &&
      /url\s*=\s*['"]?\s*javascript/i.test(attr(el, 'content') ?? '')
    ) {
      problems.push('javascript: refresh');
    }
  }
  return problems;
}
