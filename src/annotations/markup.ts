/**
 * The HTML of an annotation, all of it in one place: the trigger in the text, the card it
 * opens (a native popover after the text) and the endnote that repeats the card for print.
 *
 * `:quote[very substantial framework]{by=scott-bessent}` →
 * ```html
 * <span class="annotation annotation--quote" id="quote-very-substantial-framework" …>
 *   <button type="button" class="annotation__trigger" popovertarget="card-quote-very-substantial-framework"
 *           aria-describedby="annotation-hint-quote">very substantial framework</button></span>
 * …
 * <div class="annotation-cards"><span id="annotation-hint-quote" hidden>quote, opens a card</span>
 *   <div id="card-quote-very-substantial-framework" popover="auto" role="dialog" …>…</div></div>
 * <section class="endnotes">…</section>   (grouped and folded: see endnotes.ts)
 * ```
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { cardBody, cardTitle, type CardContext } from './card-body';
import { endnotesSection } from './endnotes';
import { ANNOTATION_KINDS, KINDS, isAnnotationKind, type AnnotationKind, type AnnotationRecord } from './kinds';

export const cardId = (annotationId: string) => `card-${annotationId}`;
export { noteId } from './endnotes';
export const kindHintId = (kind: AnnotationKind) => `annotation-hint-${kind}`;

/** Whether a label holds a link, an HTML element or another annotation, which a button may not. */
function hasInteractive(children: readonly Nodes[]): boolean {
  return children.some(
    (child) =>
      (child.type === 'textDirective' && isAnnotationKind(child.name)) ||
      child.type === 'link' ||
      child.type === 'linkReference' ||
      child.type === 'mdxJsxTextElement' ||
      ('children' in child && hasInteractive(child.children as Nodes[])),
  );
}

/** Longest label (in characters) that is wrapped in its trigger button; see renderTrigger. */
const MAX_BUTTON_LABEL = 32;

/** "Quote: very substantial framework", cut to 80 characters: a numbered marker's name. */
function markerLabel(record: AnnotationRecord): string {
  const spoken = record.text.length > 80 ? `${record.text.slice(0, 79).trimEnd()}…` : record.text;
  return `${KINDS[record.kind].one}: ${spoken}`;
}

/** The label's words: inside the trigger button, or as text followed by a numbered marker. */
function triggerChildren(node: TextDirective, record: AnnotationRecord): PhrasingContent[] {
  const trigger = {
    type: 'button',
    className: ['annotation__trigger'],
    popoverTarget: cardId(record.id),
    ariaDescribedBy: kindHintId(record.kind),
  };
  const label = node.children as PhrasingContent[];
  // A button may not contain links or other buttons, and browsers lay a button out as one
  // box that never wraps like text: a label holding a nested annotation, or longer than a
  // few words, keeps its words as text and gets a small numbered trigger after them.
  if (!hasInteractive(label) && record.text.length <= MAX_BUTTON_LABEL) {
    return [
      { type: 'emphasis', data: { hName: 'button', hProperties: trigger }, children: label },
    ] as unknown as PhrasingContent[];
  }
  const marker = {
    ...trigger,
    className: ['annotation__trigger', 'annotation__marker'],
    dataNote: String(record.number),
    ariaLabel: markerLabel(record),
  };
  return [
    { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['annotation__text'] } }, children: label },
    // The visible number comes from CSS (`attr(data-note)`) so it never joins the article text.
    { type: 'text', value: '', data: { hName: 'button', hProperties: marker, hChildren: [] } },
  ] as unknown as PhrasingContent[];
}

/** Turns a read annotation directive into its `<span class="annotation">` and trigger. */
export function renderTrigger(node: TextDirective, record: AnnotationRecord): void {
  const children = triggerChildren(node, record);
  node.data = {
    hName: 'span',
    hProperties: {
      className: ['annotation', `annotation--${record.kind}`],
      id: record.id,
      dataAnnotation: record.kind,
      dataRef: record.ref,
      ...(record.claim && record.kind !== 'claim' ? { dataClaim: record.claim } : {}),
      ...(record.response ? { dataRespondsTo: record.response.claim, dataStance: record.response.stance } : {}),
      ...(record.value !== undefined ? { dataValue: record.value } : {}),
      dataNote: String(record.number),
    },
  };
  node.children = children;
}

/** `Quote: ` before a card's or endnote's title. */
const kindPrefix = (record: AnnotationRecord) =>
  h('span', { className: ['card__kind'] }, `${KINDS[record.kind].one}: `);

/** The in-place card: a native popover, opened by its trigger without JavaScript. */
export function cardElement(record: AnnotationRecord, context: CardContext): Element {
  const id = cardId(record.id);
  return h(
    'div',
    {
      id,
      popover: 'auto',
      role: 'dialog',
      ariaLabelledBy: `${id}-title`,
      className: ['card', `card--${record.kind}`],
      dataPagefindIgnore: '',
    },
    [
      h('div', { className: ['card__header'] }, [
        h('p', { className: ['card__title'], id: `${id}-title` }, [kindPrefix(record), cardTitle(record, context)]),
        h('button', { type: 'button', className: ['card__close'], popoverTarget: id, popoverTargetAction: 'hide' }, [
          h('span', { ariaHidden: 'true' }, '×'),
          h('span', { className: ['visually-hidden'] }, 'Close'),
        ]),
      ]),
      ...cardBody(record, context),
      passageLink(record),
    ],
  );
}

/**
 * A link to the passage itself, relative so it resolves to this article's URL, to copy and
 * share; `copy-link.ts` adds a "Copy link" button. (A text fragment would not help here:
 * browsers ignore it when following a link within the page.)
 */
function passageLink(record: AnnotationRecord): Element {
  return h('p', { className: ['card__share'] }, [
    h('a', { href: `#${record.id}`, dataCopyLink: '' }, 'Link to this passage'),
  ]);
}

/** Cards (popovers, after the text) and endnotes (in the flow, for print and old browsers). */
export function appendCardsAndEndnotes(
  tree: Root,
  annotations: readonly AnnotationRecord[],
  context: CardContext,
): void {
  const kinds = ANNOTATION_KINDS.filter((kind) => annotations.some((a) => a.kind === kind));
  const hints = kinds.map((kind) => h('span', { id: kindHintId(kind), hidden: true }, KINDS[kind].hint));
  const endnotes = endnotesSection(annotations, context);
  tree.children.push(
    {
      type: 'paragraph',
      children: [],
      data: {
        hName: 'div',
        hProperties: { className: ['annotation-cards'], dataPagefindIgnore: '' },
        hChildren: [...hints, ...annotations.map((a) => cardElement(a, context))],
      },
    },
    {
      type: 'paragraph',
      children: [],
      data: { hName: endnotes.tagName, hProperties: endnotes.properties, hChildren: endnotes.children },
    },
  );
}
