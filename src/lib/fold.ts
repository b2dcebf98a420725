/**
 * How search compares words, online (the search page) and offline (saved articles): lower
 * case, accents removed, so "Élysée" matches "elysee".
 */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
