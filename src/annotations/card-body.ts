/**
 * What a card says about each kind of annotation: its title and its body, shared by the
 * in-place card and its endnote (`markup.ts` builds both around them).
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { Registry } from '../content/registry';
import { CLAIM_STATUSES } from '../content/schemas';
import { formatFigureValue, isDateValue } from '../lib/format';
import { claimMadeOn, PAST_DUE_MEANING, statusWhen, type ClaimDays, type WhenPart } from '../content/claim-dates';
import type { SiteUrls } from '../lib/urls';
import { portraitPlaceholder } from './image-placeholders';
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

/** A dated line's parts as text and `<time>` elements. */
const whenParts = (parts: WhenPart[]): ElementContent[] =>
  parts.map((part) =>
    typeof part === 'string' ? { type: 'text', value: part } : h('time', { dateTime: part.day }, part.text),
  );

/**
 * "Pending as of Oct. 26, 2025 · due Nov. 1, 2025 — About the future; …": the status in
 * words with its own mark (styles: a shape per status, never colour alone), the day it holds
 * as of, and its meaning; "Due Nov. 1, 2025 — not yet rechecked" once a pending claim is late.
 */
export function statusBadge(claim: ClaimDays & { pastDue?: true | undefined }, { meaning = true } = {}): Element {
  const { label, meaning: words } = CLAIM_STATUSES[claim.status];
  const late = claim.pastDue ? ['status--past-due'] : [];
  return h('span', { className: ['status', `status--${claim.status}`, ...late] }, [
    h('span', { className: ['status__label'] }, label),
    ' ',
    h('span', { className: ['status__when'] }, whenParts(statusWhen(claim))),
    ...(meaning ? [' ', h('span', { className: ['status__meaning'] }, claim.pastDue ? PAST_DUE_MEANING : words)] : []),
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

/**
 * "The claim: The framework … will avoid 100 percent U.S. tariffs." — the editor's neutral
 * words, set as a statement and never in quotation marks: nobody said that sentence.
 */
function claimStatement(claimId: string, { registry }: CardContext): Element[] {
  const claim = registry.claims.get(claimId)!.data;
  return [
    h('p', { className: ['card__claim'] }, [h('span', { className: ['card__key'] }, 'The claim: '), claim.statement]),
    h('p', { className: ['card__status'] }, [statusBadge(claim)]),
  ];
}

/**
 * Whether a figure sits inside the words of the claim it backs ("will avoid :figure[100
 * percent] U.S. tariffs"): the claim's own card is then the annotation around it, one tap away,
 * so the figure's card leaves the claim out rather than name it a second time in a row.
 */
function insideItsClaim(record: AnnotationRecord, annotations: readonly AnnotationRecord[]): boolean {
  if (record.contextOffset < 0) return false;
  return annotations.some(
    (other) =>
      other.kind === 'claim' &&
      other.claim === record.claim &&
      other.context === record.context &&
      other.contextOffset >= 0 &&
      other.contextOffset <= record.contextOffset &&
      record.contextOffset + record.text.length <= other.contextOffset + other.text.length,
  );
}

/**
 * The claim a quote or figure bears on, named by its title and linked to its page, with its
 * status in a word: its statement, meaning and evidence stay on the claim's own card, so
 * annotations next to each other never repeat the claim's text.
 */
function claimSummary(claimId: string, { registry, urls }: CardContext): ElementContent[] {
  const claim = registry.claims.get(claimId)!.data;
  return [
    h('p', { className: ['card__backs'] }, [
      h('span', { className: ['card__key'] }, 'Backs the claim: '),
      h('a', { href: urls.claim(claimId), className: ['card__claim-title'] }, claim.title),
      ' ',
      statusBadge(claim, { meaning: false }),
    ]),
  ];
}

/** "Evidence: Port authority minutes", linked; or that nothing beyond the report was cited. */
function evidenceLine(claimId: string, { registry }: CardContext): Element {
  const claim = registry.claims.get(claimId)!.data;
  const sources = [...claim.sources, ...(claim.statusHistory.at(-1)?.sources ?? [])];
  const unique = [...new Map(sources.map((source) => [source.url, source])).values()];
  return h('p', { className: ['card__evidence'] }, [
    h('span', { className: ['card__key'] }, 'Evidence: '),
    ...(unique.length
      ? unique.flatMap((source, i) => [
          ...(i ? ['; '] : []),
          h('a', { href: source.url, rel: 'noopener noreferrer' }, source.title),
        ])
      : ['none cited beyond the report itself.']),
  ]);
}

const claimLink = (claimId: string, { urls, site }: CardContext) =>
  h(
    'a',
    { href: urls.claim(claimId), ...(site ? { dataPrintUrl: new URL(urls.claim(claimId), site).href } : {}) },
    'The claim’s page',
  );

function personLine(personId: string, { registry }: CardContext): string {
  const person = registry.people.get(personId)!.data;
  return person.affiliation && !person.role.includes(person.affiliation)
    ? `${person.role}, ${person.affiliation}`
    : person.role;
}

/**
 * A person's bio, whole, less a sentence that only repeats their role ("U.S. Treasury
 * Secretary. In office since …" starts at its second sentence).
 */
function bioLine(bio: string | undefined, role: string): string | undefined {
  if (!bio) return undefined;
  const sentences = bio.split(/(?<=[\p{Ll}\p{N}”’)]\.)\s+(?=[\p{Lu}“‘])/u);
  // Whole sentences only: a card never ends a bio mid-sentence.
  return sentences.filter((sentence) => loose(sentence) !== loose(role)).join(' ') || undefined;
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** "2 quotes and 1 claim", "1 mention": what a person said in this article, counted from its annotations. */
function saidHereCounts(personId: string, { registry, annotations = [] }: CardContext): string {
  const quotes = annotations.filter((a) => a.kind === 'quote' && a.person === personId).length;
  const claims = new Set(
    annotations.flatMap((a) => (a.claim && registry.claims.get(a.claim)?.data.claimant === personId ? [a.claim] : [])),
  ).size;
  const counts = [...(quotes ? [plural(quotes, 'quote')] : []), ...(claims ? [plural(claims, 'claim')] : [])];
  return counts.join(' and ');
}

/**
 * "2 quotes and 1 claim in this article · All their quotes and claims", the second linking
 * the person's page, which counts them across the archive. The archive-wide counts stay off
 * the card on purpose: the card is part of the article's cached HTML, and a count that
 * changes whenever another article quotes the same person would make one article's edit
 * re-render every article that mentions them; the person's page is rebuilt anyway.
 */
function saidLine(personId: string, context: CardContext): Element {
  const here = saidHereCounts(personId, context);
  const more = h('a', { href: context.urls.person(personId) }, 'All their quotes and claims');
  // On paper the link is left out (print.css), so it comes with its own separator.
  return h('p', { className: ['card__said'] }, [
    ...(here ? [`${here} in this article`] : []),
    h('span', { className: ['card__said-more'] }, [...(here ? [' · '] : []), more]),
  ]);
}

/** A person card: role (unless the sentence gave it), who they are, and what they said. */
function personBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const person = context.registry.people.get(record.person!)!.data;
  const role = personLine(record.person!, context);
  const bio = bioLine(person.bio, person.role);
  return [
    // The page fills in the small portrait (see image-placeholders.ts).
    ...(person.image ? [{ type: 'comment' as const, value: portraitPlaceholder(record.person!) }] : []),
    ...(contextSays(record, person.role) ? [] : [h('p', { className: ['card__meta'] }, role)]),
    ...(bio ? [h('p', { className: ['card__bio'] }, bio)] : []),
    saidLine(record.person!, context),
  ];
}

/** A quote card: who said it (in the title), their role, when and where, and the claim it backs. */
function quoteBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const claim = record.claim ? context.registry.claims.get(record.claim)!.data : undefined;
  const where: ElementContent[] = claim
    ? [{ type: 'text', value: ` · ${claim.source}, ` }, ...whenParts(claimMadeOn(claim))]
    : [];
  return [
    h('p', { className: ['card__meta'] }, [personLine(record.person!, context), ...where]),
    ...(record.response ? [responseLine(record.response, context)] : []),
    ...(record.claim ? claimSummary(record.claim, context) : []),
    actions(
      h(
        'a',
        { href: context.urls.person(record.person!) },
        `More from ${context.registry.people.get(record.person!)!.data.name}`,
      ),
    ),
  ];
}

/**
 * Whether a figure's value tells the reader more than its words: a day for "Sunday" or "next
 * week" does; "4,200,000 USD" for "$4.2 million" only restates it, so it is left out.
 */
function valueAddsToWords(text: string, value: string, unit?: string): boolean {
  if (!isDateValue(value) && /\d/.test(text)) return false;
  return loose(formatFigureValue(value, unit)) !== loose(text);
}

/** "Period: July to September 2025", one of a figure's given facts, as a keyed line. */
const figureFact = (key: string, text: string | undefined): Element[] =>
  text ? [h('p', { className: ['card__fact'] }, [h('span', { className: ['card__key'] }, `${key}: `), text])] : [];

/**
 * A figure card: what it measures (in the title), its value where it adds to the words, the
 * period, comparison and source when the author gave them, and the claim it backs.
 */
function figureBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const shown = formatFigureValue(record.value!, record.unit);
  const differs = valueAddsToWords(record.text, record.value!, record.unit);
  return [
    ...(differs
      ? [
          h('p', { className: ['card__value'] }, [
            h('span', { className: ['card__key'] }, record.about ? `${record.text}: ` : 'Value: '),
            h('data', { value: record.value }, shown),
          ]),
        ]
      : []),
    ...figureFact('Period', record.period),
    ...figureFact('Compared with', record.compare),
    ...figureFact('Source', record.source),
    ...(record.claim && !insideItsClaim(record, context.annotations ?? []) ? claimSummary(record.claim, context) : []),
  ];
}

/** A claim card: the statement in quotation marks, its status and meaning, and its source. */
function claimBody(record: AnnotationRecord, context: CardContext): ElementContent[] {
  const claim = context.registry.claims.get(record.claim!)!.data;
  const claimant = context.registry.people.get(claim.claimant)?.data;
  return [
    ...claimStatement(record.claim!, context),
    h('p', { className: ['card__meta'] }, [
      `${claimant?.name ?? claim.claimant} · ${claim.source}, `,
      ...whenParts(claimMadeOn(claim)),
    ]),
    evidenceLine(record.claim!, context),
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
