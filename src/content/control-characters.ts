import type { ContentProblem } from './problems';
import type { YamlSource } from './yaml-source';

/**
 * Control characters in content: U+0000–U+001F except tab and newline (a carriage return
 * only as part of a CRLF line ending), U+007F and U+0080–U+009F. They print as nothing or
 * as boxes, break feeds and JSON consumers, and almost always arrive pasted from Word or a
 * PDF, or from text saved as Windows-1252. The raw files are scanned once, before any
 * parser sees them, so every field and the article body are covered by one rule:
 *
 * ```text
 * content/people/nora-vance.yaml:2:15: Unexpected control character U+000B (vertical tab), expected text
 *   hint: delete it: …
 * ```
 */
export const CONTROL_CHARACTER_RULE = 'control-character';

/** Beyond this many per file, one summary problem stands for the rest. */
export const MAX_LISTED_PER_FILE = 3;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

/** Names of U+0000–U+001F, by code point. */
const C0_NAMES = [
  'null', 'start of heading', 'start of text', 'end of text', 'end of transmission', 'enquiry',
  'acknowledge', 'bell', 'backspace', 'tab', 'line feed', 'vertical tab', 'form feed',
  'carriage return', 'shift out', 'shift in', 'data link escape', 'device control one',
  'device control two', 'device control three', 'device control four', 'negative acknowledge',
  'synchronous idle', 'end of transmission block', 'cancel', 'end of medium', 'substitute',
  'escape', 'file separator', 'group separator', 'record separator', 'unit separator',
];

/**
 * What a C1 control character was meant to be: text in Windows-1252 read as Latin-1 turns
 * its typographic punctuation into these code points (`’` becomes U+0092).
 */
const WINDOWS_1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x89: '‰', 0x8b: '‹',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x99: '™',
  0x9b: '›',
};

/** One control character and where it is (line and column 1-based, in UTF-16 units like the YAML places). */
interface ControlCharacter {
  char: string;
  line: number;
  column: number;
}

/** `U+000B (vertical tab)`: how messages name a control character. */
export function describeControlCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'delete' : 'C1 control';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
}

/** Every control character of `text`, with its place, in order. */
export function findControlCharacters(text: string): ControlCharacter[] {
  const found: ControlCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(CONTROL)) {
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) {
      line++;
      lineStart = at + 1;
    }
    scanned = match.index;
    found.push({ char: match[0], line, column: match.index - lineStart + 1 });
  }
  return found;
}

function hintFor(char: string): string {
  const meant = WINDOWS_1252[char.codePointAt(0)!];
  if (meant) return `it is probably a \`${meant}\` from text saved as Windows-1252: type \`${meant}\` in its place`;
  if (char === '\r') return 'a line ending from an old Mac file: save the file with LF (or CRLF) line endings';
  return 'delete it: it is invisible in most editors and is often pasted with text from Word or a PDF';
}

function problemAt(file: string, found: ControlCharacter): ContentProblem {
  return {
    file,
    line: found.line,
    column: found.column,
    message: `Unexpected control character ${describeControlCharacter(found.char)}, expected text`,
    hint: hintFor(found.char),
    rule: CONTROL_CHARACTER_RULE,
  };
}

/** The problems past the first few, as one, placed at the first of them. */
function summaryAt(file: string, rest: ControlCharacter[]): ContentProblem {
  const kinds = [...new Set(rest.map((found) => describeControlCharacter(found.char)))];
  const listed = kinds.slice(0, 3).join(', ') + (kinds.length > 3 ? ', …' : '');
  return {
    file,
    line: rest[0]!.line,
    column: rest[0]!.column,
    message: `Unexpected control characters: ${rest.length} more from here on (${listed}), expected text`,
    hint: 'delete them all: most editors find them with the regular expression `[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]`',
    rule: CONTROL_CHARACTER_RULE,
  };
}

/**
 * The control characters of a file's raw text as problems: the first
 * {@link MAX_LISTED_PER_FILE} one by one, then one summary for the rest.
 */
export function controlCharacterProblems(text: string, file: string): ContentProblem[] {
  const found = findControlCharacters(text);
  const problems = found.slice(0, MAX_LISTED_PER_FILE).map((each) => problemAt(file, each));
  const rest = found.slice(MAX_LISTED_PER_FILE);
  if (rest.length) problems.push(summaryAt(file, rest));
  return problems;
}

/** Every string in parsed YAML with the path that leads to it. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, index]);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
  }
}

/**
 * Control characters that the raw text does not show: YAML's double-quoted escapes
 * (`"\v"`, `"\x0B"`, `"\u000B"`, `"\N"`) write them with printable characters. Each value
 * holding one is reported once, at the place of the value.
 */
export function escapedControlCharacterProblems(yaml: YamlSource, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [value, path] of strings(yaml.data)) {
    const [first] = findControlCharacters(value);
    if (!first) continue;
    problems.push({
      ...problemAt(file, first),
      ...yaml.placeOf(path),
      field: path.join('.'),
      hint: `the value writes it as an escape in double quotes (such as \`\\v\` or \`\\x0B\`): delete the escape`,
    });
    if (problems.length >= MAX_LISTED_PER_FILE) break;
  }
  return problems;
}
