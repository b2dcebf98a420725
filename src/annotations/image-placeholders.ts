/**
 * Where the article page puts the processed `<picture>` of each `::image`: the pipeline
 * writes an HTML comment in the photograph's `<figure>`, which content cannot forge (raw HTML
 * and comments in articles publish nothing).
 */
export const imagePlaceholder = (index: number) => `article-image:${index}`;

const PLACEHOLDER = /<!--article-image:(\d+)-->/;

/** A stretch of the article's HTML, or the place of its photograph number `image`. */
type BodyPart = { html: string } | { image: number };

/** `'<p>a</p><figure><!--article-image:0-->…'` → `[{ html: '<p>a</p><figure>' }, { image: 0 }, { html: '…' }]`. */
export function splitAtImages(html: string): BodyPart[] {
  const pieces = html.split(PLACEHOLDER);
  return pieces.map((piece, index) => (index % 2 ? { image: Number(piece) } : { html: piece }));
}

/**
 * Where the page puts a person's small portrait in their card: like the text's photographs,
 * only the image service at page build time can name the processed file, and the card is
 * part of the article's cached HTML.
 */
export const portraitPlaceholder = (personId: string) => `person-portrait:${personId}`;

const PORTRAIT = /<!--person-portrait:([\p{L}\p{N}_-]+)-->/gu;

/** The people whose portrait a stretch of HTML asks for, once each. */
export const portraitsWanted = (html: string): string[] => [...new Set([...html.matchAll(PORTRAIT)].map((m) => m[1]!))];

/** The HTML with each portrait placeholder replaced by `portraits[id]` (or nothing). */
export const fillPortraits = (html: string, portraits: ReadonlyMap<string, string>): string =>
  html.replace(PORTRAIT, (_, id: string) => portraits.get(id) ?? '');
