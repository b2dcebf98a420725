/**
 * What a card says about each kind of annotation: its title and its body, shared by the
 * in-place card and its endnote (`markup.ts` builds both around them).
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { Registry } from '../content/registry';
import { CLAIM_STATUSES } from '../content/schemas';
import { formatDay, formatFigureValue } from '../lib/format';
import type { SiteUrls } from '../lib/urls';
import { STANCES, type AnnotationRecord, type Response } from './kinds';

/** What a card needs besides the annotation: the people and claims, and the site's URLs. */
export interface CardContext {
  registry: Registry;
  urls: SiteUrls;
  /** The article's annotations, so a claim's card can list the quotes answering it. */
  annotations?: readonly AnnotationRecord[];
  /** The public origin (`SITE_URL`): a claim card's link carries its full address for print. */
  site?: string;
}

/**
 * "Stated: said on the record, not independently checked." — status in words, never colour
 * alone; "False · updated June 22, 2026 …" when the status changed after it was first recorded.
 */
export function statusBadge(status: keyof typeof CLAIM_STATUSES, updated?: string): Element {
  const { label, meaning } = CLAIM_STATUSES[status];
  return h('span', { className: ['status', `status--${status}`] }, [
    h('span', { className: ['status__label'] }, label),
    ...(updated
      ? [
          ' ',
          h('span', { className: ['status__updated'] }, [
            '· updated ',
            h('time', { dateTime: updated }, formatDay(updated)),
          ]),
        ]
      : []),
    ' ',
    h('span', { className: ['status__meaning'] }, meaning),
  ]);
}

/** Words compared loosely: lower case, letters and digits only. */
const loose = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether the sentence around the annotation already says `words`. */
const contextSays = (record: AnnotationRecord, words: string) => loose(record.context).includes(loose(words));

/** The row of actions at the foot of a card; the card adds its passage link to it. */
const actions = (...links: Element[]): Element =>
  h(
    'p',
    { className: ['card__actions'] },
    links.flatMap((link, i) => (i ? [' ', link] : [link])),
  );

/** “The framework … will avoid 100 percent U.S. tariffs.”, its status word and meaning. */
function claimStatement(claimId: string, { registry }: CardContext): Element[] {
  const claim = registry.claims.get(claimId)!.data;
  return [
    h('p', { className: ['card__claim'] }, [h('q', claim.statement)]),
    h('p', { className: ['card__status'] }, [statusBadge(claim.status, claim.statusUpdated)]),
  ];
}

/** The claim a quote or figure backs: its statement and status, with the claim card to open. */
function claimSummary(claimId: string, context: CardContext): ElementContent[] {
  return [h('p', { className: ['card__key', 'card__backs'] }, 'Backs the claim:'), ...claimStatement(claimId, context)];
}

const claimLink = (claimId: string, { urls, site }: CardContext) =>
  h(
    'a',
    { href: urls.claim(claimId), ...(site ? { dataPrintUrl: new URL(urls.claim(claimId), site).href } : {}) },
    'Claim card',
  );

function personLine(personId: string, { registry }: CardContext): string {
  const person = registry.people.get(personId)!.data;
  return person.affiliation && !person.role.includes(person.affiliation)
    ? `${person.role}, ${person.affiliation}`
    : person.role;
}

/**
 * The first sentence of a person's bio that says more than their role: a bio opening with the
 * role ("U.S. Treasury Secretary. With …") goes on to its next sentence.
 */
export function bioLine(bio: string | undefined, role: string): string | undefined {
  if (!bio) return undefined;
  const sentences = bio.split(/(?<=[\p{Ll}\p{N}”’)]\.)\s+(?=[\p{Lu}“‘])/u);
  return sentences.find((sentence) => loose(sentence) !== loose(role));
}

/** A person card: role (unless the sentence gave it) and one line of bio. */
function personBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const person = context.registry.people.get(record.person!)!.data;
  const role = personLine(record.person!, context);
  const bio = bioLine(person.bio, person.role);
  return [
    ...(contextSays(record, person.role) ? [] : [h('p', { className: ['card__meta'] }, role)]),
    ...(bio ? [h('p', { className: ['card__bio'] }, bio)] : []),
    actions(h('a', { href: context.urls.person(record.person!) }, `${person.name}: quotes and claims`)),
  ];
}

/** A quote card: who said it (in the title), their role and where, and the claim it backs. */
function quoteBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const claim = record.claim ? context.registry.claims.get(record.claim)!.data : undefined;
  const where = claim ? ` · ${claim.source}, ${formatDay(claim.date)}` : '';
  return [
    h('p', { className: ['card__meta'] }, `${personLine(record.person!, context)}${where}`),
    ...(record.response ? [responseLine(record.response, context)] : []),
    ...(record.claim ? claimSummary(record.claim, context) : []),
    actions(
      h(
        'a',
        { href: context.urls.person(record.person!) },
        `More from ${context.registry.people.get(record.person!)!.data.name}`,
      ),
      ...(record.claim ? [claimLink(record.claim, context)] : []),
    ),
  ];
}

/** A figure card: what it measures (in the title) and its value where the words differ. */
function figureBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const shown = formatFigureValue(record.value!, record.unit);
  const differs = loose(shown) !== loose(record.text);
  return [
    ...(differs
      ? [
          h('p', { className: ['card__value'] }, [
            h('span', { className: ['card__key'] }, record.about ? `${record.text}: ` : 'Value: '),
            h('data', { value: record.value }, shown),
          ]),
        ]
      : []),
    ...(record.claim ? claimSummary(record.claim, context) : []),
    ...(record.claim ? [actions(claimLink(record.claim, context))] : []),
  ];
}

/** A claim card: the statement in quotation marks, its status and meaning, and its source. */
function claimBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const claim = context.registry.claims.get(record.claim!)!.data;
  const claimant = context.registry.people.get(claim.claimant)?.data;
  return [
    ...claimStatement(record.claim!, context),
    h('p', { className: ['card__meta'] }, claim.source),
    ...claimResponses(record.claim!, context),
    actions(
      claimLink(record.claim!, context),
      ...(claimant ? [h('a', { href: context.urls.person(claim.claimant) }, claimant.name)] : []),
    ),
  ];
}

/** "Disputes the claim: <statement> — Tomas Lindqvist", linking the claim's card: what a quote answers. */
function responseLine({ claim: claimId, stance }: Response, { registry, urls }: CardContext): ElementContent {
  const claim = registry.claims.get(claimId)!.data;
  const claimant = registry.people.get(claim.claimant)?.data.name ?? claim.claimant;
  return h('p', { className: ['card__response'] }, [
    h('span', { className: ['card__key'] }, `${STANCES[stance].verb} the claim: `),
    h('a', { href: urls.claim(claimId) }, claim.title),
    ` — ${claimant}`,
  ]);
}

/**
 * Under a claim's own words, the quotes of this article that answer it, each attributed:
 * "Disputed by Amara Okafor: “Our counts show nothing like it”", linking the passage.
 */
function claimResponses(claimId: string, { registry, urls, annotations = [] }: CardContext): ElementContent[] {
  const responses = annotations.filter((a) => a.response?.claim === claimId);
  if (!responses.length) return [];
  return [
    h('div', { className: ['card__responses'] }, [
      h('p', { className: ['card__key'] }, 'Responses in this article'),
      h(
        'ul',
        responses.map((quote) =>
          h('li', [
            `${STANCES[quote.response!.stance].by} `,
            h('a', { href: urls.person(quote.person!) }, registry.people.get(quote.person!)!.data.name),
            ': ',
            h('a', { href: `#${quote.id}` }, [h('q', quote.text)]),
          ]),
        ),
      ),
    ]),
  ];
}

/** The essentials of one annotation, shared by the in-place card and its endnote. */
export function cardBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  switch (record.kind) {
    case 'person':
      return personBody(record, context);
    case 'quote':
      return quoteBody(record, context);
    case 'figure':
      return figureBody(record, context);
    case 'claim':
      return claimBody(record, context);
  }
}

/**
 * What the card adds, as its heading after the kind ("Quote: Said by Scott Bessent"): the
 * person's name, the quote's speaker, what a figure measures, the claim's title.
 */
export function cardTitle(record: AnnotationRecord, { registry }: CardContext): string {
  switch (record.kind) {
    case 'person':
      return registry.people.get(record.person!)!.data.name;
    case 'quote':
      return `Said by ${registry.people.get(record.person!)!.data.name}`;
    case 'figure':
      return record.about ? capitalise(record.about) : record.text;
    case 'claim':
      return registry.claims.get(record.claim!)!.data.title;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
