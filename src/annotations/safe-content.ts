/*
 * The tables behind content safety (`content-safety.ts` reports against them): which URLs,
 * elements and attributes an article may use.
 */
/**
 * What content may link to and embed: http(s) URLs, site-relative paths and fragments.
 * Anything with another scheme (`javascript:`, `data:`, `vbscript:`, `file:`) is refused.
 */
export function isAllowedContentUrl(raw: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return !url.startsWith('//') && !url.startsWith('\\');
  return ['http', 'https'].includes(scheme[1]!.toLowerCase());
}

/**
 * A path relative to the article (`./photo.jpg`, `images/map.png`): the article's page lives at
 * `/articles/<slug>/`, so the browser would look for the file there, where nothing publishes it.
 */
export function isPathBesideArticle(raw: string): boolean {
  const url = raw.trim();
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/#?]/.test(url);
}

/** Elements an article may not embed: they run code or change how the page loads. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'form',
  'svg',
  'math',
  'template',
  // Controls: an annotation's card trigger is the only interactive element content makes.
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'label',
  'dialog',
  'details',
  'summary',
  'noscript',
]);

/** Attributes whose value is a URL. */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'srcset',
  'xlink:href',
  'cite',
  'data',
]);

/** Attributes that would reach into the page: styles the CSP blocks, ids and focus order it owns. */
export const PAGE_ATTRIBUTES = new Set(['style', 'id', 'tabindex', 'autofocus', 'contenteditable', 'accesskey']);
