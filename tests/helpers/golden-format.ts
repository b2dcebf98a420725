/**
 * Line breaks for golden HTML files, so a change to the article pipeline shows as a readable
 * diff instead of one very long changed line.
 *
 * How the HTML is formatted: exactly one `\n` is inserted right after every closing tag of a
 * block element (`</p>`, `</li>`, `</div>`, …), right after `<hr>`, and right after the opening
 * tag of a block that holds only blocks (`<div>`, `<section>`, `<ul>`, `<ol>`, `<table>`,
 * `<thead>`, `<tbody>`, `<tr>`, `<blockquote>`). Nothing else changes: no character is removed
 * or replaced, nothing inside a tag or its attribute values is touched, and the insertion does
 * not depend on what follows the tag. Where the pipeline already wrote a newline after such a
 * tag, the file therefore shows a blank line.
 *
 * Because every insertion point is decided by the tag alone, `unformatGoldenHtml` can remove
 * exactly the inserted newlines again; the formatting is one-to-one, so two pipeline outputs
 * that differ in a single byte always give two different golden files.
 */

/** Elements after whose closing tag a line ends. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Blocks whose content is other blocks: a line also ends after their opening tag. */
const BLOCK_CONTAINERS = new Set([
  'blockquote',
  'div',
  'ol',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Void block elements: they have no closing tag, so their one tag ends the line. */
const VOID_BLOCKS = new Set(['hr']);

const BREAK = '\n';

/** Name and kind of the tag that starts at `html[start]` (`<`), and the index just past its `>`. */
function readTag(html: string, start: number): { end: number; name: string; closing: boolean } {
  let quote = '';
  let index = start + 1;
  for (; index < html.length; index++) {
    const char = html[index]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      break;
    }
  }
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, index + 1));
  return { end: index + 1, name: (match?.[2] ?? '').toLowerCase(), closing: match?.[1] === '/' };
}

function endsLine({ name, closing }: { name: string; closing: boolean }): boolean {
  if (closing) return BLOCK_ELEMENTS.has(name);
  return BLOCK_CONTAINERS.has(name) || VOID_BLOCKS.has(name);
}

/**
 * Indexes just past every tag after which a line ends. Text never holds a raw `<` (the
 * serializer writes `&#x3C;`), so every `<` outside a tag starts one; a `>` inside a quoted
 * attribute value does not end it.
 */
function breakPoints(html: string): number[] {
  const points: number[] = [];
  let index = html.indexOf('<');
  while (index !== -1) {
    const tag = readTag(html, index);
    if (endsLine(tag)) points.push(tag.end);
    index = html.indexOf('<', tag.end);
  }
  return points;
}

/** The pipeline's HTML with a newline after each block boundary (see the top of this file). */
export function formatGoldenHtml(html: string): string {
  let out = '';
  let from = 0;
  for (const point of breakPoints(html)) {
    out += html.slice(from, point) + BREAK;
    from = point;
  }
  return out + html.slice(from);
}

/** The exact pipeline HTML a golden file was made from: the inverse of `formatGoldenHtml`. */
export function unformatGoldenHtml(formatted: string): string {
  let out = '';
  let from = 0;
  for (const point of breakPoints(formatted)) {
    if (formatted[point] !== BREAK) throw new Error(`golden HTML is missing its line break at offset ${point}`);
    out += formatted.slice(from, point);
    from = point + BREAK.length;
  }
  return out + formatted.slice(from);
}
