import type { Nodes, Parent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { displayPath, type ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import { siteUrls } from '../lib/urls';
import { checkClaimQuotes } from './claim-quotes';
import { checkNodeSafety } from './content-safety';
import { AnnotationIds } from './ids';
import type { AnnotationRecord } from './kinds';
import { insertMarginNotes } from './margin-notes';
import { appendCardsAndEndnotes, renderTrigger } from './markup';
import type { Report } from './messages';
import { nameBarePeople, readAnnotation, type ReadContext } from './read-annotation';
import { restoreDirectives, triageDirective, type Directive } from './restore-directives';
import { prefixSitePaths } from './site-paths';

/** The result of annotating one article: its annotations in reading order, or what is wrong. */
interface AnnotateResult {
  annotations: AnnotationRecord[];
  problems: ContentProblem[];
}

/** Found in one walk over the tree: our annotations (outer before inner), and directives to restore. */
interface Scan {
  found: { node: TextDirective; ancestors: Parent[] }[];
  restore: { node: Directive; parent: Parent }[];
}

const isDirective = (node: Nodes): node is Directive =>
  node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';

/** `problems` gains each report, with the article's path and where the node starts and ends. */
export function reporter(file: VFile, problems: ContentProblem[]): Report {
  const shownFile = file.path ? displayPath(file.path) : '<article>';
  return (node, { rule, message, hint }) => {
    const start = node?.position?.start;
    const end = node?.position?.end;
    problems.push({
      file: shownFile,
      ...(start ? { line: start.line, column: start.column } : {}),
      ...(start && end ? { end: { line: end.line, column: end.column } } : {}),
      message,
      hint,
      rule,
    });
  };
}

/** One walk: content safety on every node, and each directive sorted by what becomes of it. */
function scanTree(tree: Root, report: Report): Scan {
  const scan: Scan = { found: [], restore: [] };
  visitParents(tree, (node, ancestors) => {
    if (!isDirective(node)) return checkNodeSafety(node, ancestors, report) ? SKIP : undefined;
    const parents = ancestors as Parent[];
    const fate = triageDirective(node, parents, report);
    if (fate === 'annotate') scan.found.push({ node: node as TextDirective, ancestors: parents });
    if (fate === 'restore') scan.restore.push({ node, parent: parents[parents.length - 1]! });
    return fate === 'annotate' ? undefined : SKIP;
  });
  return scan;
}

/**
 * Finds, validates and rewrites the annotation directives of one MDX (or Markdown) tree:
 * content safety → directives that are not ours restored → site paths given the base path →
 * bare `:person{#id}` named → each annotation read against the registry and given its
 * trigger → claim quotes checked → margin notes inserted, cards and endnotes appended.
 * Every problem is collected with its place and rule; nothing stops at the first one, so
 * `npm run check` can list them all; the build stops on any of them.
 */
export function annotateTree(tree: Root, file: VFile, registry: Registry, base = '/', site?: string): AnnotateResult {
  const problems: ContentProblem[] = [];
  const report = reporter(file, problems);
  const { found, restore } = scanTree(tree, report);
  restoreDirectives(restore, file);
  prefixSitePaths(tree, base);
  // Before any record takes its paragraph's text: `:person{#id}` shows the person's name there too.
  nameBarePeople(found, registry);

  const context: ReadContext = { registry, report, citations: new Map(), ids: new AnnotationIds() };
  const annotations: AnnotationRecord[] = [];
  for (const { node, ancestors } of found) {
    const record = readAnnotation(node, ancestors, annotations.length + 1, context);
    if (!record) continue;
    renderTrigger(node, record);
    annotations.push(record);
  }
  checkClaimQuotes(tree, context.citations, registry, report);
  if (annotations.length) {
    const cards = { registry, urls: siteUrls(base), annotations, site };
    insertMarginNotes(tree, annotations, cards);
    appendCardsAndEndnotes(tree, annotations, cards);
  }
  return { annotations, problems };
}
