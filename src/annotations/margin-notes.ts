/**
 * Margin notes: on wide screens each annotation's essentials sit in the right margin, level
 * with the paragraph that holds it, so a reader sees them without opening anything (Tufte's
 * sidenotes). The pipeline puts an empty marker per annotation at the start of its paragraph:
 * `<span class="margin-note" data-note="3" data-margin="Quote · said by Scott Bessent" aria-hidden="true"></span>`
 * and CSS floats it into the margin and writes its words from the data attributes. Being empty,
 * it adds nothing to the article's text (`textContent`, the Web Annotation selectors, search),
 * and screen readers skip it: the card behind each trigger says the same and more.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { CLAIM_STATUSES } from '../content/schemas';
import { formatFigureValue } from '../lib/format';
import type { CardContext } from './card-body';
import { KINDS, type AnnotationRecord } from './kinds';

/** The claim's status in words, "Stated", for a claim or a passage that backs one. */
function claimStatus(claimId: string, { registry }: CardContext): string {
  return CLAIM_STATUSES[registry.claims.get(claimId)!.data.status].label;
}

function personName(personId: string, { registry }: CardContext): string {
  return registry.people.get(personId)!.data.name;
}

/** The card's essential line: role for a person, speaker for a quote, what a figure measures, status for a claim. */
function marginLine(record: AnnotationRecord, context: CardContext): string {
  const kind = KINDS[record.kind].one;
  const backs =
    record.claim && record.kind !== 'claim' ? ` · backs a claim (${claimStatus(record.claim, context)})` : '';
  switch (record.kind) {
    case 'person': {
      const person = context.registry.people.get(record.person!)!.data;
      return `${kind} · ${person.name}, ${person.role}`;
    }
    case 'quote':
      return `${kind} · said by ${personName(record.person!, context)}${backs}`;
    case 'figure':
      return `${kind} · ${record.about ?? formatFigureValue(record.value!, record.unit)}${backs}`;
    case 'claim': {
      const claimant = context.registry.claims.get(record.claim!)!.data.claimant;
      const by = context.registry.people.get(claimant)?.data.name ?? claimant;
      return `${kind} by ${by} · ${claimStatus(record.claim!, context)}`;
    }
  }
}

/** The empty margin-note marker for one annotation (a text node rendered as an element). */
function marginNode(record: AnnotationRecord, context: CardContext): PhrasingContent {
  return {
    type: 'text',
    value: '',
    data: {
      hName: 'span',
      hProperties: {
        className: ['margin-note', `margin-note--${record.kind}`],
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

/** Blocks whose first line the notes of their annotations start level with. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Puts the margin-note markers of each block's annotations at the start of the block, in
 * reading order, so the notes sit beside the paragraph they belong to and stack down from it.
 */
export function insertMarginNotes(tree: Root, annotations: readonly AnnotationRecord[], context: CardContext): void {
  const byId = new Map(annotations.map((record) => [record.id, record]));
  const blocks = new Map<Parent, PhrasingContent[]>();
  visitParents(tree, 'textDirective', (node, ancestors) => {
    const id = (node.data?.hProperties as { id?: string } | undefined)?.id;
    const record = id ? byId.get(id) : undefined;
    const block = ancestors.findLast((ancestor) => BLOCKS.has(ancestor.type)) as Parent | undefined;
    if (!record || !block) return;
    blocks.set(block, [...(blocks.get(block) ?? []), marginNode(record, context)]);
  });
  for (const [block, notes] of blocks) block.children.unshift(...(notes as never[]));
}
