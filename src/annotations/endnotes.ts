/**
 * The annotations listed after the text, the way a reader keeps them: grouped by kind (People,
 * Quotes, Figures, Claims), each person or claim once with every passage that mentions it,
 * folded in a `<details>` on screen and printed open.
 *
 * ```html
 * <section class="endnotes" aria-labelledby="endnotes-title"><details class="endnotes__details">
 *   <summary><h2 id="endnotes-title">Annotations</h2>: 2 people, 1 quote</summary>
 *   <section class="endnotes__group" aria-labelledby="endnotes-person"><h3 id="endnotes-person">People</h3>
 *     <ul class="endnotes__list"><li class="endnote endnote--person" id="endnote-person-scott-bessent">
 *       <p class="endnote__title">Scott Bessent</p>…
 *       <p class="endnote__mentions">In the text: <a id="note-person-scott-bessent" href="#person-scott-bessent">1</a> …</p>
 * ```
 * Every annotation keeps its `note-<id>` target: the back-link to its passage.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { cardBody, cardTitle, statusBadge, type CardContext } from './card-body';
import { ANNOTATION_KINDS, KINDS, kindCount, type AnnotationKind, type AnnotationRecord } from './kinds';

export const noteId = (annotationId: string) => `note-${annotationId}`;

/** One person, quote, figure or claim, with the passages that mention or back it. */
interface Entry {
  kind: AnnotationKind;
  key: string;
  /** The record the entry's content is made from (the first mention). */
  record: AnnotationRecord;
  /** Passages in reading order; `own` marks those whose `note-<id>` target lives here. */
  mentions: { record: AnnotationRecord; own: boolean }[];
}

/** The entity an annotation is about: a person or claim is one entry however often it appears. */
function entityKey(record: AnnotationRecord): string {
  if (record.kind === 'person') return `person-${record.person}`;
  if (record.kind === 'claim') return `claim-${record.claim}`;
  return record.id;
}

const entryId = (key: string) => `endnote-${key}`;

/** A claim a quote or figure backs, as the record its claim entry is made from. */
const claimRecord = (record: AnnotationRecord): AnnotationRecord => ({ ...record, kind: 'claim', claim: record.claim });

/** Entries by kind, in reading order of their first mention. */
function collectEntries(annotations: readonly AnnotationRecord[]): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const mention = (kind: AnnotationKind, key: string, record: AnnotationRecord, own: boolean) => {
    const entry = entries.get(key) ?? { kind, key, record, mentions: [] };
    entry.mentions.push({ record, own });
    entries.set(key, entry);
  };
  for (const record of annotations) {
    mention(record.kind, entityKey(record), record, true);
    if (record.claim && record.kind !== 'claim') {
      mention('claim', `claim-${record.claim}`, claimRecord(record), false);
    }
  }
  return entries;
}

/** "In the text: 1 4 9": numbered back-links to each passage, the annotation's own note target. */
function mentionLinks(entry: Entry): Element {
  const links = entry.mentions.flatMap(({ record, own }) => [
    ' ',
    h(
      'a',
      {
        href: `#${record.id}`,
        ...(own ? { id: noteId(record.id) } : {}),
        ariaLabel: `passage ${record.number}`,
      },
      String(record.number),
    ),
  ]);
  return h('p', { className: ['endnote__mentions'] }, ['In the text:', ...links]);
}

/** "Backs: Framework avoids the 100% tariffs (Pending)", a link to the claim's entry instead of its sentence again. */
function backsLine(record: AnnotationRecord, context: CardContext): Element {
  const claim = context.registry.claims.get(record.claim!)!;
  return h('p', { className: ['endnote__backs'] }, [
    h('span', { className: ['card__key'] }, 'Backs: '),
    h('a', { href: `#${entryId(`claim-${record.claim}`)}` }, cardTitle(claimRecord(record), context)),
    ' (',
    statusBadge(claim.data).children[0] as ElementContent,
    ')',
  ]);
}

/**
 * A quote's own words, quoted, at the head of its note: on paper a note is read apart from
 * the passage, and "Said by Scott Bessent" alone does not say what was said.
 */
const quotedWords = (record: AnnotationRecord): Element[] =>
  record.kind === 'quote' ? [h('p', { className: ['endnote__quote'] }, [h('q', record.text)])] : [];

/** The content of one entry: the card's, without repeating a backed claim's sentence. */
function entryBody(entry: Entry, context: CardContext): ElementContent[] {
  const { record } = entry;
  if (entry.kind === 'quote' || entry.kind === 'figure') {
    const body = [...quotedWords(record), ...cardBody({ ...record, claim: undefined }, context)];
    return record.claim ? [...body, backsLine(record, context)] : body;
  }
  return cardBody(record, context);
}

function entryItem(entry: Entry, context: CardContext): Element {
  return h('li', { id: entryId(entry.key), className: ['endnote', `endnote--${entry.kind}`] }, [
    h('p', { className: ['endnote__title'] }, cardTitle(entry.record, context)),
    ...entryBody(entry, context),
    mentionLinks(entry),
  ]);
}

/** The endnotes section: a folded, grouped list of every annotation. */
export function endnotesSection(annotations: readonly AnnotationRecord[], context: CardContext): Element {
  const entries = [...collectEntries(annotations).values()];
  const groups = ANNOTATION_KINDS.map((kind) => [kind, entries.filter((e) => e.kind === kind)] as const).filter(
    ([, items]) => items.length > 0,
  );
  const counts = groups.map(([kind, items]) => kindCount(kind, items.length)).join(', ');
  return h(
    'section',
    { className: ['endnotes'], ariaLabelledBy: ['endnotes-title'], dataPagefindIgnore: '' },
    h('details', { className: ['endnotes__details'] }, [
      h('summary', { className: ['endnotes__summary'] }, [
        h('h2', { id: 'endnotes-title' }, 'Annotations'),
        h('span', { className: ['endnotes__count'] }, `: ${counts}`),
      ]),
      ...groups.map(([kind, items]) =>
        h(
          'section',
          { className: ['endnotes__group', `endnotes__group--${kind}`], ariaLabelledBy: [`endnotes-${kind}`] },
          [
            h('h3', { id: `endnotes-${kind}` }, KINDS[kind].many),
            h(
              'ul',
              { className: ['endnotes__list'] },
              items.map((entry) => entryItem(entry, context)),
            ),
          ],
        ),
      ),
    ]),
  );
}
