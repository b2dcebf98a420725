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
