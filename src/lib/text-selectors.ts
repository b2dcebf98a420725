/**
 * Ways to point at a passage of text that other software understands: W3C Web Annotation
 * selectors (https://www.w3.org/TR/annotation-model/#selectors) and URL text fragments
 * (https://wicg.github.io/scroll-to-text-fragment/).
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

const QUOTE_CONTEXT = 32;

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * `exact` with a prefix and suffix of 32 characters, lengthened until prefix + exact + suffix
 * occurs once in `text`, so a client anchors the passage and not a repeat of its words.
 */
export function textQuoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  const exact = text.slice(start, end);
  for (let size = QUOTE_CONTEXT; ; size *= 2) {
    const prefix = text.slice(Math.max(0, start - size), start);
    const suffix = text.slice(end, end + size);
    const whole = start - size <= 0 && end + size >= text.length;
    if (whole || occurrences(text, prefix + exact + suffix) === 1) {
      return { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
  }
}

export function textPositionSelector(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/** Percent-encoding for a text directive term: `-`, `,` and `&` are syntax there. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Up to `count` words (punctuation included) next to a passage. */
function wordsBefore(context: string, count: number): string {
  return collapse(context).split(' ').filter(Boolean).slice(-count).join(' ');
}

function wordsAfter(context: string, count: number): string {
  return collapse(context).split(' ').filter(Boolean).slice(0, count).join(' ');
}

/**
 * A text directive (`:~:text=prefix-,passage,-suffix`) for a passage of a paragraph. Browsers
 * that support it highlight the passage; the words around it keep the match on this passage
 * and not on the same words in the headline or the summary. Passages are matched on whole
 * words, so a prefix or suffix is dropped when the passage starts or ends inside a word.
 */
export function textDirective(context: string, offset: number, passage: string): string {
  const exact = collapse(passage);
  if (!exact) return '';
  if (offset < 0) return `:~:text=${encodeTerm(exact)}`;
  const before = context.slice(0, offset);
  const after = context.slice(offset + passage.length);
  const prefix = /\w$/.test(before) ? '' : wordsBefore(before, 3);
  const suffix = /^\w/.test(after) ? '' : wordsAfter(after, 3);
  const terms = [prefix && `${encodeTerm(prefix)}-`, encodeTerm(exact), suffix && `-${encodeTerm(suffix)}`];
  return `:~:text=${terms.filter(Boolean).join(',')}`;
}
