/**
 * The HTML of an annotation, all of it in one place: the trigger in the text, the card it
 * opens (a native popover after the text) and the endnote that repeats the card for print.
 *
 * `:quote[very substantial framework]{by=scott-bessent}` →
 * ```html
 * <span class="annotation annotation--quote" id="quote-very-substantial-framework" …>
 *   <a class="annotation__trigger" href="#card-quote-very-substantial-framework"
 *      aria-describedby="annotation-hint-quote">very substantial framework</a></span>
 * …
 * <div class="annotation-cards"><span id="annotation-hint-quote" hidden>quote, opens a card</span>
 *   <div id="card-quote-very-substantial-framework" popover="auto" role="dialog" tabindex="-1" …>…
 *     <a href="#quote-very-substantial-framework" class="card__close" data-card-close>…Close</a>…</div></div>
 * <section class="endnotes">…</section>   (grouped and folded: see endnotes.ts)
 * ```
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { cardBody, cardTitle, type CardContext } from './card-body';
import { endnotesSection } from './endnotes';
import { ANNOTATION_KINDS, KINDS, isAnnotationKind, type AnnotationKind, type AnnotationRecord } from './kinds';

/** The id of an annotation's card: `card-<annotation id>`. */
export const cardId = (annotationId: string) => `card-${annotationId}`;
export { noteId } from './endnotes';
const kindHintId = (kind: AnnotationKind) => `annotation-hint-${kind}`;

/** Whether a node is, or holds, a link, an HTML element, a footnote reference or another annotation. */
function isInteractive(node: Nodes): boolean {
  return (
    (node.type === 'textDirective' && isAnnotationKind(node.name)) ||
    node.type === 'link' ||
    node.type === 'linkReference' ||
    node.type === 'footnoteReference' ||
    node.type === 'mdxJsxTextElement' ||
    ('children' in node && (node.children as Nodes[]).some(isInteractive))
  );
}

/** Whether a run of label nodes holds no word (only spaces or punctuation), which makes no trigger. */
const isBlank = (run: readonly Nodes[]) =>
  run.every((node) => node.type === 'text' && !/[\p{L}\p{N}]/u.test(node.value));

/** One trigger segment: the annotated words as a link to the card, wrapping like the text around it. */
function segment(run: PhrasingContent[], record: AnnotationRecord, first: boolean): PhrasingContent {
  const link = {
    className: ['annotation__trigger'],
    href: `#${cardId(record.id)}`,
    ariaDescribedBy: kindHintId(record.kind),
    // Every segment opens the card by pointer; only the first is a stop in the tab order.
    ...(first ? {} : { tabIndex: -1 }),
  };
  return { type: 'emphasis', data: { hName: 'a', hProperties: link }, children: run } as unknown as PhrasingContent;
}

/**
 * The label's words as trigger links. Links may not nest, so a nested annotation, a link or a
 * footnote reference inside the label stays itself, and the words around it become separate
 * segments of the same trigger. A label that is only another annotation in quotation marks
 * makes its marks the segments, so the outer annotation can still be reached by pointer.
 */
function triggerChildren(node: TextDirective, record: AnnotationRecord): PhrasingContent[] {
  const runs: PhrasingContent[][] = [[]];
  for (const child of node.children as PhrasingContent[]) {
    if (isInteractive(child)) runs.push([child], []);
    else runs.at(-1)!.push(child);
  }
  const isRun = (run: PhrasingContent[]) => run.length > 0 && !(run.length === 1 && isInteractive(run[0]!));
  const hasWords = runs.some((run) => isRun(run) && !isBlank(run));
  const makesSegment = (run: PhrasingContent[]) =>
    isRun(run) && (hasWords ? !isBlank(run) : run.some((n) => n.type !== 'text' || n.value.trim()));
  let first = true;
  return runs.flatMap((run) => {
    if (!makesSegment(run)) return run;
    const link = segment(run, record, first);
    first = false;
    return [link];
  });
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

/**
 * The in-place card. Without JavaScript its trigger links to it and CSS `:target` shows it;
 * `scripts/cards.ts` opens it as a popover next to the trigger instead, with no history entry.
 */
function cardElement(record: AnnotationRecord, context: CardContext): Element {
  const id = cardId(record.id);
  return h(
    'div',
    {
      id,
      popover: 'auto',
      role: 'dialog',
      tabIndex: -1,
      ariaLabelledBy: `${id}-title`,
      className: ['card', `card--${record.kind}`],
      dataPagefindIgnore: '',
    },
    [
      h('div', { className: ['card__header'] }, [
        h('p', { className: ['card__title'], id: `${id}-title` }, [kindPrefix(record), cardTitle(record, context)]),
        // A link back to the passage closes a card shown by `:target`; the script closes the popover.
        h('a', { href: `#${record.id}`, className: ['card__close'], dataCardClose: '' }, [
          h('span', { ariaHidden: 'true' }, '×'),
          h('span', { className: ['visually-hidden'] }, 'Close'),
        ]),
      ]),
      ...withPassageLink(cardBody(record, context), record),
    ],
  );
}

/**
 * The card's body with a link to the passage itself added to its row of actions: relative, so
 * it resolves to this article's URL, to copy and share; `copy-link.ts` adds a "Copy link"
 * button. (A text fragment would not help here: browsers ignore it within the page.)
 */
function withPassageLink(body: ElementContent[], record: AnnotationRecord): ElementContent[] {
  const link = h('a', { href: `#${record.id}`, dataCopyLink: '' }, 'Link to this passage');
  const last = body.at(-1);
  if (last?.type === 'element' && (last.properties.className as string[] | undefined)?.includes('card__actions')) {
    return [...body.slice(0, -1), { ...last, children: [...last.children, { type: 'text', value: ' ' }, link] }];
  }
  return [...body, h('p', { className: ['card__actions'] }, [link])];
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
