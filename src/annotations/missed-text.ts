/**
 * The prose of an annotated article as the "missed annotation" warnings read it: one
 * `ProseBlock` per paragraph (or table cell), its text joined from the text nodes, each
 * character traceable to its source line and column and to the annotations around it.
 *
 * Headings, code, link text and the cards appended after the text are not prose here: a
 * headline names people without being the place to annotate them, and link text already
 * points somewhere.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { isAnnotationKind, type AnnotationKind } from './kinds';

/** An annotation around some words: its kind and who or what it points at. */
interface Around {
  kind: AnnotationKind;
  /** Person id (`:person{#id}`, `:quote{by=id}`) or claim id; empty when missing. */
  ref: string;
}

/** One text node of a block. */
interface ProsePiece {
  value: string;
  /** Index of the first character in the block's `text`. */
  index: number;
  /** Annotations around the piece, outermost first. */
  around: Around[];
  /** Whether the words are the text of a link. */
  inLink: boolean;
  /** Source offset of each character, when the source holds the value verbatim. */
  sourceStart?: number;
  /** Source offset of the node, for a place when `sourceStart` is unknown. */
  nodeStart: number;
}

/** A zero-width mark where an annotation starts (a `:person{#id}` may have no words). */
interface AnnotationMark extends Around {
  index: number;
}

export interface ProseBlock {
  text: string;
  pieces: ProsePiece[];
  marks: AnnotationMark[];
  /** Warning rules silenced for this block by a `check-ignore` comment (`*` for all). */
  ignored: Set<string>;
}

/** Where a warning points: line and column from 1. */
export interface Place {
  line: number;
  column: number;
}

const PROSE_BLOCKS = new Set(['paragraph', 'tableCell']);
const NOT_PROSE = new Set(['heading', 'code', 'inlineCode', 'html', 'mdxJsxFlowElement', 'mdxjsEsm']);
const IGNORE_COMMENT = /check-ignore\b([^*\n]*)/g;

/** Rules named by `check-ignore` comments in an MDX expression (`*` when none is named). */
function ignoredIn(node: Nodes | undefined): string[] {
  if (!node || (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression')) return [];
  const rules: string[] = [];
  for (const [, names] of node.value.matchAll(IGNORE_COMMENT)) {
    const named = (names ?? '').split(/[\s,]+/).filter(Boolean);
    rules.push(...(named.length ? named : ['*']));
  }
  return rules;
}

const aroundOf = (node: TextDirective): Around | undefined => {
  if (!isAnnotationKind(node.name)) return undefined;
  const attributes = node.attributes ?? {};
  return { kind: node.name, ref: (node.name === 'quote' ? attributes.by : attributes.id) ?? '' };
};

/** Joins a block's text nodes, noting the annotations and links around each. */
function readBlock(block: Parent, previous: Nodes | undefined, source: string): ProseBlock {
  const result: ProseBlock = { text: '', pieces: [], marks: [], ignored: new Set(ignoredIn(previous)) };
  visitParents(block, (node, ancestors) => {
    if (NOT_PROSE.has(node.type)) return SKIP;
    for (const rule of ignoredIn(node as Nodes)) result.ignored.add(rule);
    if (node.type === 'textDirective') {
      const around = aroundOf(node as TextDirective);
      if (around) result.marks.push({ ...around, index: result.text.length });
      return undefined;
    }
    if (node.type !== 'text') return undefined;
    const text = node as Text;
    const start = text.position?.start.offset ?? 0;
    const end = text.position?.end.offset ?? start;
    result.pieces.push({
      value: text.value,
      index: result.text.length,
      around: ancestors.flatMap((a) => (a.type === 'textDirective' ? (aroundOf(a as TextDirective) ?? []) : [])),
      inLink: ancestors.some((a) => a.type === 'link' || a.type === 'linkReference'),
      sourceStart: source.slice(start, end) === text.value ? start : undefined,
      nodeStart: start,
    });
    result.text += text.value;
    return undefined;
  });
  return result;
}

/** Every prose block of the article, in reading order. */
export function proseBlocks(tree: Root, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  visitParents(tree, (node, ancestors) => {
    if (NOT_PROSE.has(node.type)) return SKIP;
    if (!PROSE_BLOCKS.has(node.type)) return undefined;
    const parent = ancestors[ancestors.length - 1] as Parent | undefined;
    const previous = parent?.children[parent.children.indexOf(node as Parent['children'][number]) - 1] as
      Nodes | undefined;
    blocks.push(readBlock(node as Parent, previous, source));
    return SKIP;
  });
  return blocks.filter((block) => block.pieces.length);
}

/** Whether words are ordinary prose: outside links and outside every annotation but `:claim`. */
export const isPlainProse = (piece: ProsePiece) => !piece.inLink && piece.around.every((a) => a.kind === 'claim');

/** The piece holding a character of the block's text. */
export function pieceAt(block: ProseBlock, index: number): ProsePiece | undefined {
  let found: ProsePiece | undefined;
  for (const piece of block.pieces) {
    if (piece.index > index) break;
    found = piece;
  }
  return found;
}

/** Turns source offsets into lines and columns, the way editors count them. */
export class SourcePlaces {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly file: VFile) {
    const source = String(file.value ?? '');
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
  }

  get source(): string {
    return String(this.file.value ?? '');
  }

  /** The place of a character of a block's text. */
  of(block: ProseBlock, index: number): Place {
    const piece = pieceAt(block, index);
    if (!piece) return { line: 1, column: 1 };
    const offset = piece.sourceStart === undefined ? piece.nodeStart : piece.sourceStart + index - piece.index;
    // The last line starting at or before the offset, by binary search.
    let [low, high] = [0, this.lineStarts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  /** Where the words from `start` to `end` (exclusive) of a block's text begin and end. */
  span(block: ProseBlock, start: number, end: number): { place: Place; end: Place } {
    const last = this.of(block, Math.max(start, end - 1));
    return { place: this.of(block, start), end: { line: last.line, column: last.column + 1 } };
  }
}

/** `(?<![letters])name(?![letters])`: a name as whole words, case-sensitive. */
export function wholeWords(names: readonly string[]): RegExp | undefined {
  const escaped = names
    .map((name) => name.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
}
