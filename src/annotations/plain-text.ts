import { toString } from 'mdast-util-to-string';

/** Runs of whitespace (line breaks included) as one space, trimmed: how a reader sees text. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The words of a Markdown subtree as a reader sees them: `:quote[a *b*\nc]` → `a b c`. */
export const plainText = (node: Parameters<typeof toString>[0]) => collapse(toString(node));
