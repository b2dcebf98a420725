/**
 * Warnings about what an editor may have missed in one annotated article: people named
 * but never annotated, quotations not marked, figures without a card. They are read from
 * the annotated tree (prose outside annotations, with source places) and never stop a
 * build. An MDX comment `check-ignore rule-id` before a paragraph silences a rule there.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { displayPath, type ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import type { AnnotationRecord } from './kinds';
import { missedFigures } from './missed-figures';
import { missedPeople, type MissedContext } from './missed-people';
import { missedQuotes } from './missed-quotes';
import { proseBlocks, SourcePlaces } from './missed-text';

/** The warnings of one article, in reading order. */
export function missedAnnotations(
  tree: Root,
  file: VFile,
  annotations: readonly AnnotationRecord[],
  registry: Registry,
): ContentProblem[] {
  const places = new SourcePlaces(file);
  const context: MissedContext = { blocks: proseBlocks(tree, places.source), places, annotations, registry };
  const shownFile = file.path ? displayPath(file.path) : '<article>';
  return [...missedPeople(context), ...missedQuotes(context), ...missedFigures(context)]
    .map(({ place, end, problem }) => ({ file: shownFile, ...place, end, severity: 'warning' as const, ...problem }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
