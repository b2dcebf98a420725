import { HIGHLIGHT_PARAM } from '../search-schema';

/** A run of text, marked when it is a word the search matched. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into text and matched words. Pagefind builds the excerpt from
 * the indexed text, escaping `<` and `>` and wrapping matches in `<mark>`; nothing else in it
 * is markup. The parts are shown as text nodes, so an excerpt can never inject HTML.
 */
export function excerptParts(excerpt: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(excerpt); match; match = pattern.exec(excerpt)) {
    if (match.index > last) parts.push({ text: unescape(excerpt.slice(last, match.index)), marked: false });
    parts.push({ text: unescape(match[1]!), marked: true });
    last = pattern.lastIndex;
  }
  if (last < excerpt.length) parts.push({ text: unescape(excerpt.slice(last)), marked: false });
  return parts.filter((part) => part.text.length > 0);
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Letters, digits and inner apostrophes/hyphens of a token: `“deal”,` → `deal`. */
const wordOf = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The distinct words Pagefind matched, as they appear in the text (for highlighting elsewhere). */
export function matchedWords(parts: readonly TextPart[]): string[] {
  const words = new Map<string, string>();
  for (const part of parts) {
    if (!part.marked) continue;
    for (const token of part.text.split(/\s+/)) {
      const word = wordOf(token);
      if (word && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
    }
  }
  return [...words.values()];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marks whole-word, case-insensitive occurrences of `words` in a plain text. */
export function markWords(text: string, words: readonly string[]): TextPart[] {
  if (words.length === 0) return text ? [{ text, marked: false }] : [];
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/**
 * The result link: Pagefind's URL (base path included) with the matched words as
 * `?highlight=…` before the `#passage`, for the landing page to mark them.
 */
export function resultHref(url: string, words: readonly string[], origin: string): string {
  const target = new URL(url, origin);
  for (const word of words) target.searchParams.append(HIGHLIGHT_PARAM, word);
  return target.origin === new URL(origin).origin ? target.pathname + target.search + target.hash : target.href;
}
