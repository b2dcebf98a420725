/**
 * Lowercase kebab-case ASCII words of a text: accents dropped, apostrophes and dots removed,
 * everything else a separator (`U.S. trade` → `us-trade`, `Zürich` → `zurich`). At most
 * `maxWords` words; empty when the text has no letter or digit to keep.
 */
export function slugOf(text: string, maxWords = Infinity): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}
