/**
 * Margin notes (Tufte's sidenotes): from 75rem each annotation's note sits in the right margin
 * level with the line its words end on, numbered like the small mark CSS writes after those
 * words. The pipeline puts an empty marker right after each annotation's words:
 * `<a class="margin-note" href="#card-…" data-note="3" data-margin="Scott Bessent, “Meet the Press”, Oct. 26, 2025" tabindex="-1" aria-hidden="true"></a>`
 * and CSS floats it into the margin and writes its words from the data attributes. Being empty,
 * it adds nothing to the article's text (`textContent`, the Web Annotation selectors, search);
 * screen readers and the tab order skip it, since the trigger opens the same card. A pointer
 * can click a note to open its card.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { CLAIM_STATUSES } from '../content/schemas';
import { formatDay, formatFigureValue } from '../lib/format';
import type { CardContext } from './card-body';
import { isAnnotationKind, type AnnotationRecord } from './kinds';
import { cardId } from './markup';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** " · backs 5": the note of the claim a quote or figure backs, or the claim's status when the article does not mark it. */
function backsLine(record: AnnotationRecord, context: CardContext): string {
  if (!record.claim || record.kind === 'claim') return '';
  const claim = context.annotations?.find((other) => other.kind === 'claim' && other.claim === record.claim);
  if (claim) return ` · backs ${claim.number}`;
  return ` · backs a claim (${CLAIM_STATUSES[context.registry.claims.get(record.claim)!.data.status].label})`;
}

/** Who a person is: "U.S. Treasury Secretary", with the affiliation when the role does not say it. */
function whoTheyAre(personId: string, { registry }: CardContext): string {
  const person = registry.people.get(personId)!.data;
  const role =
    person.affiliation && !person.role.includes(person.affiliation)
      ? `${person.role}, ${person.affiliation}`
      : person.role;
  return `${person.name}, ${role}`;
}

/** The speaker and, when the quote backs a dated claim, when it was said; else who the speaker is. */
function whoAndWhen(record: AnnotationRecord, context: CardContext): string {
  const name = context.registry.people.get(record.person!)!.data.name;
  const claim = record.claim ? context.registry.claims.get(record.claim)?.data : undefined;
  return claim ? `${name}, ${formatDay(claim.date)}` : whoTheyAre(record.person!, context);
}

/** A claim's name and status: "Framework avoids 100 percent tariffs — Pending". */
function claimLine(claimId: string, { registry }: CardContext): string {
  const { title, status } = registry.claims.get(claimId)!.data;
  return `${title} — ${CLAIM_STATUSES[status].label}`;
}

/** The note: who a person is, who said a quote and when, what a figure measures, a claim's name and status. */
function marginLine(record: AnnotationRecord, context: CardContext): string {
  switch (record.kind) {
    case 'person':
      return whoTheyAre(record.person!, context);
    case 'quote':
      return `${whoAndWhen(record, context)}${backsLine(record, context)}`;
    case 'figure':
      return `${record.about ? capitalise(record.about) : formatFigureValue(record.value!, record.unit)}${backsLine(record, context)}`;
    case 'claim':
      return claimLine(record.claim!, context);
  }
}

/** The empty margin-note marker for one annotation: a link to its card, for a pointer only. */
function marginNode(record: AnnotationRecord, context: CardContext, inLink: boolean): PhrasingContent {
  return {
    type: 'text',
    value: '',
    data: {
      // Inside a link of the text a note cannot be a link too: it is only read there.
      hName: inLink ? 'span' : 'a',
      hProperties: {
        className: ['margin-note', `margin-note--${record.kind}`],
        ...(inLink ? {} : { href: `#${cardId(record.id)}`, tabIndex: -1 }),
        dataNote: String(record.number),
        // A quoted attribute may hold "<", but the page never shows one outside markup: this
        // decorative copy uses the small less-than sign instead.
        dataMargin: marginLine(record, context).replaceAll('<', '\uFE64'),
        ariaHidden: 'true',
      },
      hChildren: [],
    },
  } as PhrasingContent;
}

const isAnnotation = (node: Nodes) => node.type === 'textDirective' && isAnnotationKind(node.name);

/** Whether an annotation holds another one (a claim around a figure): its number is written where it starts. */
const holdsAnnotation = (node: Nodes): boolean =>
  'children' in node && (node.children as Nodes[]).some((child) => isAnnotation(child) || holdsAnnotation(child));

/**
 * Puts each annotation's margin-note marker where its number is written: right after its
 * words, or right before them for an annotation that holds others (as print numbers it). So
 * each note starts level with its number's line. Notes in a table cell are left out: a cell
 * has no margin to float into.
 */
export function insertMarginNotes(tree: Root, annotations: readonly AnnotationRecord[], context: CardContext): void {
  const byId = new Map(annotations.map((record) => [record.id, record]));
  const placed: { node: Nodes; parent: Parent; note: PhrasingContent; before: boolean }[] = [];
  visitParents(tree, 'textDirective', (node, ancestors) => {
    const id = (node.data?.hProperties as { id?: string } | undefined)?.id;
    const record = id ? byId.get(id) : undefined;
    const parent = ancestors.at(-1) as Parent | undefined;
    if (!record || !parent || ancestors.some((ancestor) => ancestor.type === 'tableCell')) return;
    const inLink = ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference');
    placed.push({ node, parent, note: marginNode(record, context, inLink), before: holdsAnnotation(node) });
  });
  for (const { node, parent, note, before } of placed) {
    const index = parent.children.indexOf(node as never);
    parent.children.splice(before ? index : index + 1, 0, note as never);
  }
}
