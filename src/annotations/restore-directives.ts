import type { Nodes, Parent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { editDistance } from '../lib/suggest';
import { insideLink } from './content-safety';
import { ANNOTATION_KINDS, isAnnotationKind, type AnnotationKind } from './kinds';
import * as messages from './messages';
import type { Report } from './messages';

export type Directive = TextDirective | LeafDirective | ContainerDirective;

/** What becomes of a directive: annotated, put back as the author's text, or dropped (reported). */
type DirectiveFate = 'annotate' | 'restore' | 'refuse';

/** A directive name that is not ours but probably meant to be (`:persn`, `:Quote`). */
function nearMiss(name: string): AnnotationKind | undefined {
  const lower = name.toLowerCase();
  for (const kind of ANNOTATION_KINDS) {
    if (lower === kind) return kind;
    if (name.length >= 3 && editDistance(lower, kind) <= (kind.length > 5 ? 2 : 1)) return kind;
    if (lower === `${kind}s`) return kind;
  }
  return undefined;
}

/**
 * `:quote[abc{by=x}` or `:quote[abc`: remark-directive sees a bare `:quote` and leaves the
 * rest as text, so a missing `]` shows up as a directive with nothing, followed by `[` or `{`.
 */
function unclosed(node: TextDirective, parent: Parent): boolean {
  if (node.children.length || Object.keys(node.attributes ?? {}).length) return false;
  const next = parent.children[parent.children.indexOf(node) + 1];
  return Boolean(next && ((next.type === 'text' && /^[[{]/.test(next.value)) || next.type === 'mdxTextExpression'));
}

/**
 * Decides what to do with one directive, reporting what is wrong with it:
 * `:quote[words]{by=x}` → `annotate`; `at 10:30` (a `:30` directive) → `restore`;
 * `:persn[x]` → `restore` + `near-miss-directive`; `::person{#x}` → `restore` + `block-directive`;
 * `:quote[words` → `refuse` + `unclosed-directive`; `[:person{#x}](url)` → `refuse` + `annotation-inside-link`.
 */
export function triageDirective(node: Directive, ancestors: readonly Parent[], report: Report): DirectiveFate {
  if (node.type === 'textDirective' && isAnnotationKind(node.name)) {
    if (unclosed(node, ancestors[ancestors.length - 1]!)) {
      report(node, messages.unclosedDirective(node.name));
      return 'refuse';
    }
    if (insideLink(ancestors as readonly Nodes[])) {
      report(node, messages.annotationInsideLink(node.name));
      return 'refuse';
    }
    return 'annotate';
  }
  const meant = nearMiss(node.name);
  if (meant && node.type === 'textDirective') {
    report(node, messages.nearMissDirective(node.name, meant));
  } else if (meant && node.type !== 'textDirective') {
    report(node, messages.blockDirective(node.type, node.name, meant));
  }
  return 'restore';
}

/**
 * Puts directives that are not ours back as the text the author wrote, as Starlight's
 * `remarkDirectivesRestoration` does: `Note:this` stays `Note:this`, `at 10:30` stays whole.
 * A leaf or container directive becomes a paragraph of its source text.
 */
export function restoreDirectives(restore: readonly { node: Directive; parent: Parent }[], file: VFile): void {
  for (const { node, parent } of restore) {
    const index = parent.children.indexOf(node as never);
    if (index < 0) continue;
    const raw = sourceText(node, file) ?? `:${node.name}${toString(node)}`;
    const replacement: RootContent =
      node.type === 'textDirective'
        ? { type: 'text', value: raw }
        : { type: 'paragraph', children: [{ type: 'text', value: raw }] };
    parent.children.splice(index, 1, replacement as never);
  }
}

function sourceText(node: Directive, file: VFile): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return String(file.value).slice(start, end);
}
