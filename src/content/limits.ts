/**
 * Upper bounds on what an author may write in one place. Real text stays far below them;
 * they stop a runaway value (a missing `]` or `"` that swallows a page, a pasted file)
 * from being published inside a card, a title or a search record.
 */
export const LIMITS = {
  /** Characters in the `[label]` of one annotation (a long quote fits). */
  label: 2_000,
  /** Characters in one annotation attribute (`about`, ids, values). */
  attribute: 300,
  /** One-line fields: titles, names, roles, bylines, sources, tags. */
  line: 300,
  /** Paragraph fields: descriptions, bios, statements, quotes, context. */
  paragraph: 5_000,
  /** A URL in a claim's sources. */
  url: 2_000,
} as const;
