/**
 * Ways to point at a passage of text that other software understands: W3C Web Annotation
 * selectors (https://www.w3.org/TR/annotation-model/#selectors) and URL text fragments
 * (https://wicg.github.io/scroll-to-text-fragment/).
 */

interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** An element of the page, by a CSS selector, optionally narrowed to a part of its text. */
interface CssSelector {
  type: 'CssSelector';
  value: string;
  refinedBy?: TextPositionSelector;
}

const QUOTE_CONTEXT = 32;
const MAX_QUOTE_CONTEXT = 1024;

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * `exact` with a prefix and suffix of 32 characters, lengthened until prefix + exact + suffix
 * occurs once in `text` and not in `before`, so a client anchors the passage and not a repeat
 * of its words. `before` is the page's visible text ahead of `text` (headline, summary):
 * clients such as Hypothesis match the quote over the whole page and take the first best match.
 */
export function textQuoteSelector(text: string, start: number, end: number, before = ''): TextQuoteSelector {
  const exact = text.slice(start, end);
  for (let size = QUOTE_CONTEXT; ; size *= 2) {
    const prefix = text.slice(Math.max(0, start - size), start);
    const suffix = text.slice(end, end + size);
    const whole = start - size <= 0 && end + size >= text.length;
    const quote = prefix + exact + suffix;
    // Text that repeats itself at length (a pasted paragraph) would grow the context to the
    // whole article, at quadratic cost; past MAX_QUOTE_CONTEXT the position selector that
    // accompanies this one tells the repeats apart.
    if (whole || size >= MAX_QUOTE_CONTEXT || (occurrences(text, quote) === 1 && !before.includes(quote))) {
      return { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
  }
}

function textPositionSelector(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/**
 * Positions counted over the text of one element (`refinedBy`, Web Annotation Data Model
 * §4.2.9): a client finds the element by `scope`, then counts over its `textContent`. A
 * position over the whole document would move whenever the page's header or navigation
 * changes; one inside the article's text moves only when the article does.
 */
export function scopedPositionSelector(scope: string, start: number, end: number): CssSelector {
  return { type: 'CssSelector', value: scope, refinedBy: textPositionSelector(start, end) };
}

/** Percent-encoding for a text directive term: `-`, `,` and `&` are syntax there. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
const LONG_PASSAGE_WORDS = 10;

interface DirectiveInput {
  /** The article's text (`.article__text`) and where each annotation sits in it. */
  text: string;
  spans: Record<string, [number, number]>;
  /** Visible text that comes before the article's text on its page (headline, summary). */
  before: string;
}

/**
 * A text directive (`:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/) for an
 * annotated passage, or '' where it would not help. Browsers highlight the first match on
 * the page and never match across an inline-block such as an annotation's button, so:
 * - a plain passage (all inside its own button) is named by its words;
 * - a passage with annotations inside is named by its words before the first and after the
 *   last inner annotation (`textStart,textEnd`);
 * - nothing is added when those words already occur earlier on the page (the headline, the
 *   summary or earlier text), because the browser would highlight that earlier place; the
 *   fragment id still scrolls to the passage.
 */
export function textDirective(id: string, { text, spans, before }: DirectiveInput): string {
  const span = spans[id];
  if (!span) return '';
  const [start, end] = span;
  const inner = Object.entries(spans).filter(([other, [s, e]]) => other !== id && s >= start && e <= end);
  let terms: string[];
  if (inner.length === 0) {
    const words = collapse(text.slice(start, end)).split(' ');
    terms =
      words.length > LONG_PASSAGE_WORDS ? [words.slice(0, 4).join(' '), words.slice(-4).join(' ')] : [words.join(' ')];
  } else {
    const first = Math.min(...inner.map(([, [s]]) => s));
    const last = Math.max(...inner.map(([, [, e]]) => e));
    terms = [collapse(text.slice(start, first)), collapse(text.slice(last, end))];
  }
  if (terms.some((term) => !term)) return '';
  const page = pageText(spans, before, text);
  const at = page.lower.indexOf(terms[0]!.toLowerCase());
  if (at !== -1 && at + terms[0]!.length <= page.collapsedOffset[before.length + 1 + start]!) return '';
  return `:~:text=${terms.map(encodeTerm).join(',')}`;
}

interface PageText {
  /** `before` and the article text, whitespace collapsed, lowercased. */
  lower: string;
  /** For each offset of `${before} ${text}`, the matching offset in `lower`. */
  collapsedOffset: Int32Array;
}

/** Computed once per article (its `spans` object), not once per passage link. */
const pageTexts = new WeakMap<object, PageText>();

function pageText(spans: object, before: string, text: string): PageText {
  const cached = pageTexts.get(spans);
  if (cached) return cached;
  const raw = `${before} ${text}`;
  const collapsedOffset = new Int32Array(raw.length + 1);
  let length = 0;
  let inSpace = true; // leading whitespace is trimmed, like `collapse`
  for (let i = 0; i < raw.length; i++) {
    collapsedOffset[i] = length;
    if (/\s/.test(raw[i]!)) {
      if (!inSpace) length++;
      inSpace = true;
    } else {
      length++;
      inSpace = false;
    }
  }
  collapsedOffset[raw.length] = length;
  const page = { lower: raw.replace(/\s+/g, ' ').replace(/^ /, '').toLowerCase(), collapsedOffset };
  pageTexts.set(spans, page);
  return page;
}
