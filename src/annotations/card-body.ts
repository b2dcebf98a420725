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

function claimSummary(claimId: string, { registry, urls }: CardContext): ElementContent[] {
  const claim = registry.claims.get(claimId)!;
  return [
    h('p', { className: ['card__claim'] }, [h('span', { className: ['card__key'] }, 'Claim: '), claim.data.statement]),
    h('p', { className: ['card__status'] }, [statusBadge(claim.data.status, claim.data.statusUpdated)]),
    h('p', { className: ['card__link'] }, [h('a', { href: urls.claim(claimId) }, 'Open the claim card')]),
  ];
}

function personLine(personId: string, { registry }: CardContext): string {
  const person = registry.people.get(personId)!.data;
  return person.affiliation && !person.role.includes(person.affiliation)
    ? `${person.role}, ${person.affiliation}`
    : person.role;
}

/** "Disputes the claim: <statement> — Tomas Lindqvist", linking the claim's card: what a quote answers. */
function responseLine({ claim: claimId, stance }: Response, { registry, urls }: CardContext): ElementContent {
  const claim = registry.claims.get(claimId)!.data;
  const claimant = registry.people.get(claim.claimant)?.data.name ?? claim.claimant;
  return h('p', { className: ['card__response'] }, [
    h('span', { className: ['card__key'] }, `${STANCES[stance].verb} the claim: `),
    h('a', { href: urls.claim(claimId) }, claim.statement),
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
  const { registry, urls } = context;
  switch (record.kind) {
    case 'person': {
      const person = registry.people.get(record.person!)!.data;
      return [
        h('p', { className: ['card__meta'] }, personLine(record.person!, context)),
        h('p', { className: ['card__link'] }, [
          h('a', { href: urls.person(record.person!) }, `About ${person.name}: quotes and claims`),
        ]),
      ];
    }
    case 'quote': {
      const speaker = registry.people.get(record.person!)!.data;
      return [
        h('p', { className: ['card__quote'] }, [h('q', record.text)]),
        h('p', { className: ['card__meta'] }, [
          h('span', { className: ['card__key'] }, 'Said by '),
          h('a', { href: urls.person(record.person!) }, speaker.name),
          `, ${personLine(record.person!, context)}`,
        ]),
        ...(record.response ? [responseLine(record.response, context)] : []),
        ...(record.claim ? claimSummary(record.claim, context) : []),
      ];
    }
    case 'figure': {
      return [
        h('p', { className: ['card__value'] }, [
          h('span', { className: ['card__key'] }, 'Value: '),
          h('data', { value: record.value }, formatFigureValue(record.value!, record.unit)),
        ]),
        ...(record.about
          ? [
              h('p', { className: ['card__meta'] }, [
                h('span', { className: ['card__key'] }, 'Measures: '),
                record.about,
              ]),
            ]
          : []),
        ...(record.claim ? claimSummary(record.claim, context) : []),
      ];
    }
    case 'claim': {
      const claim = registry.claims.get(record.claim!)!;
      const claimant = registry.people.get(claim.data.claimant)?.data;
      return [
        h('p', { className: ['card__claim'] }, claim.data.statement),
        h('p', { className: ['card__status'] }, [statusBadge(claim.data.status, claim.data.statusUpdated)]),
        h('p', { className: ['card__meta'] }, [
          h('span', { className: ['card__key'] }, 'Claimed by '),
          claimant ? h('a', { href: urls.person(claim.data.claimant) }, claimant.name) : claim.data.claimant,
          `, ${formatDay(claim.data.date)}, ${claim.data.source}`,
        ]),
        ...claimResponses(record.claim!, context),
        h('p', { className: ['card__link'] }, [h('a', { href: urls.claim(record.claim!) }, 'Open the claim card')]),
      ];
    }
  }
}

/** The heading of a card: "Person · Scott Bessent", "Quote · Scott Bessent", … */
export function cardTitle(record: AnnotationRecord, { registry }: CardContext): string {
  switch (record.kind) {
    case 'person':
      return registry.people.get(record.person!)!.data.name;
    case 'quote':
      return `Quote by ${registry.people.get(record.person!)!.data.name}`;
    case 'figure':
      return record.text;
    case 'claim': {
      const claimant = registry.claims.get(record.claim!)!.data.claimant;
      return `Claim by ${registry.people.get(claimant)?.data.name ?? claimant}`;
    }
  }
}
