/**
 * A claim's name: the editor's `title:`, else one made from the statement. Cards, endnotes,
 * print, lists, search and the claim's own page all name a claim by it, so two claims by
 * the same person on the same day can be told apart.
 */

/** Longest title made from a statement, in characters, before its ellipsis. */
const MADE_TITLE_LIMIT = 72;

/** A clause shorter than this does not name the claim on its own ("No,"). */
const SHORTEST_CLAUSE = 24;

/**
 * The statement as a title: whole when short, else its first clause when that is long
 * enough, else cut at the last word that fits, with an ellipsis. Never cut mid-word.
 */
export function titleFromStatement(statement: string, limit = MADE_TITLE_LIMIT): string {
  const text = statement.replace(/\s+/g, ' ').trim().replace(/[.。]$/u, '');
  if (text.length <= limit) return text;
  const clause = firstClause(text.slice(0, limit + 1));
  if (clause) return `${clause}…`;
  const cut = text.slice(0, limit + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = (lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, limit)).replace(/[\s,;:—–-]+$/u, '');
  return `${dropDanglingWord(words)}…`;
}

/** The first clause (up to a comma, semicolon, colon or dash) long enough to name the claim. */
function firstClause(text: string): string | undefined {
  for (const end of text.matchAll(/[,;:—–](?=\s|$)/gu)) {
    const clause = text.slice(0, end.index).trim();
    if (clause.length >= SHORTEST_CLAUSE) return clause;
  }
  return undefined;
}

/** Small words a cut title should not end on ("… tariffs on the…"). */
const DANGLING = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'with', 'by', 'at', 'from', 'its', 'their', 'his', 'her', 'will', 'that', 'before', 'after', 'over', 'than', 'about', 'as', 'into', 'is', 'are', 'was', 'were']);

function dropDanglingWord(words: string): string {
  let parts = words.split(' ');
  while (parts.length > 3 && DANGLING.has(parts.at(-1)!.toLowerCase())) parts = parts.slice(0, -1);
  return parts.join(' ');
}

/** The claim's title: the `title:` field, else one made from its statement. */
export function claimTitle(claim: { title?: string | undefined; statement: string }): string {
  return claim.title?.trim() || titleFromStatement(claim.statement);
}

/** How titles compare for uniqueness: case, spacing and a final full stop do not tell them apart. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[.…]+$/u, '').trim();
}
