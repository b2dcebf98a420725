/**
 * Characters that print as nothing or reorder text in a terminal or editor: zero-width
 * joiners and spaces, direction marks and overrides (the "Trojan Source" characters), the
 * byte-order mark, soft hyphens and control characters.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

function hasInvisible(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(value);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Writes invisible characters as `\u{200D}` so an author can see them in a message. */
export function revealInvisible(value: string): string {
  return value.replace(INVISIBLE, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}

/**
 * A value from content as it may appear in a message: invisible characters revealed and
 * long values shortened, so a 1 MB attribute does not become a 1 MB error.
 */
export function shown(value: string, max = 80): string {
  const short = value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
  return revealInvisible(short);
}

/** What is unusual about an id: invisible or non-ASCII characters, for hints. */
export function idTrouble(id: string): string {
  if (hasInvisible(id)) return `it contains invisible characters (${shown(id)}); retype it in plain ASCII. `;
  const foreign = [...id].filter((char) => char.codePointAt(0)! > 0x7e);
  if (foreign.length) {
    const list = [...new Set(foreign)]
      .slice(0, 3)
      .map((char) => `\`${char}\` (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    return `it contains non-ASCII characters that may look like Latin letters: ${list.join(', ')}; retype it in plain ASCII. `;
  }
  return '';
}

/** The value without invisible characters, for comparing names. */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}
