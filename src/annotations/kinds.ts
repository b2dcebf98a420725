/**
 * The four annotation kinds, written as remark-directive text directives in MDX.
 * `KIND_SPECS` is the single description of the syntax (the parser, the error messages and
 * README follow it) and `KINDS` the single vocabulary: the words cards, endnotes, pages and
 * search use for each kind. No Node imports: the search page's browser code reads it too.
 *
 * Rendered HTML (ids are derived from the person or claim id, or from the label for quotes
 * and figures without `#anchor`, and made unique per article):
 *
 * `:person[Scott Bessent]{#scott-bessent}` (label optional: `:person{#scott-bessent}`)
 * ```html
 * <span class="annotation annotation--person" id="person-scott-bessent" data-annotation="person"
 *       data-ref="scott-bessent" data-note="1"><a class="annotation__trigger"
 *       href="#card-person-scott-bessent" aria-describedby="annotation-hint-person">Scott
 *       Bessent</a></span>
 * ```
 *
 * `:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}`
 * ```html
 * <span class="annotation annotation--quote" id="quote-very-substantial-framework"
 *       data-annotation="quote" data-ref="scott-bessent" data-claim="framework-avoids-tariffs"
 *       data-note="3">…</span>
 * ```
 *
 * A quote may also answer someone else's claim, with one of `disputes=`, `supports=` or
 * `responds=` (see `STANCES`); `data-ref` stays the speaker:
 * `:quote[Those numbers are simply wrong]{by=nora-vance disputes=harbour-dredging-cost}`
 * ```html
 * <span class="annotation annotation--quote" id="quote-those-numbers-are-simply-wrong"
 *       data-annotation="quote" data-ref="nora-vance" data-responds-to="harbour-dredging-cost"
 *       data-stance="disputes" data-note="4">…</span>
 * ```
 *
 * `:figure[100 percent]{value=100 unit=percent about="additional U.S. tariff"}`
 * ```html
 * <span class="annotation annotation--figure" id="figure-100-percent" data-annotation="figure"
 *       data-ref="figure-100-percent" data-value="100" data-note="6">…</span>
 * ```
 *
 * `:claim[will avoid 100 percent U.S. tariffs]{#framework-avoids-tariffs}`
 * ```html
 * <span class="annotation annotation--claim" id="claim-framework-avoids-tariffs"
 *       data-annotation="claim" data-ref="framework-avoids-tariffs" data-note="5">…</span>
 * ```
 *
 * The annotated words are the trigger, whatever their length: `a.annotation__trigger` links to
 * the card. Around an annotation nested inside, the outer one's words are several segments (the
 * first in the tab order, the others `tabindex="-1"`), so links never nest.
 *
 * Each card (`<div popover id="card-…">`, placed after the article text) shows by CSS `:target`
 * without JavaScript and as a popover next to its words with it; every card is repeated in the
 * endnotes for print.
 */
export const ANNOTATION_KINDS = ['person', 'quote', 'figure', 'claim'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** The words for one kind, wherever the site names it. */
interface KindWords {
  /** "Quote": card and endnote title prefix (`Quote: `), trigger label, search result type. */
  one: string;
  /** "Quotes": the search type filter. */
  many: string;
  /** "quote, opens a card": the hidden description of every trigger of this kind. */
  hint: string;
  /** Place among the passages on a claim's page: the claim itself first, then what backs it. */
  claimPageOrder: number;
}

/**
 * One row per kind, in reading order (the order of `ANNOTATION_KINDS`, used for the
 * article's "2 people, 3 quotes" guide and the trigger hints).
 */
export const KINDS: Record<AnnotationKind, KindWords> = {
  person: { one: 'Person', many: 'People', hint: 'person, opens a card', claimPageOrder: 3 },
  quote: { one: 'Quote', many: 'Quotes', hint: 'quote, opens a card', claimPageOrder: 1 },
  figure: { one: 'Figure', many: 'Figures', hint: 'figure, opens a card', claimPageOrder: 2 },
  claim: { one: 'Claim', many: 'Claims', hint: 'claim, opens a card', claimPageOrder: 0 },
};

/** "1 quote", "3 people": lowercase, singular or plural by count. */
export function kindCount(kind: AnnotationKind, count: number): string {
  const words = KINDS[kind];
  return `${count} ${(count === 1 ? words.one : words.many).toLowerCase()}`;
}

interface KindSpec {
  /** Attributes that must be present. `id` is written `#id`. */
  required: readonly string[];
  optional: readonly string[];
  /** Whether `[label]` text is required. */
  labelRequired: boolean;
  /** What `#id` means for this kind, for messages. */
  idMeans: 'reference' | 'anchor';
  /** Shown in messages as the canonical form. */
  example: string;
  /** A quote answering someone else's claim, shown in messages about responses. */
  responseExample?: string;
}

export const KIND_SPECS: Record<AnnotationKind, KindSpec> = {
  person: {
    required: ['id'],
    optional: [],
    labelRequired: false,
    idMeans: 'reference',
    example: ':person[Scott Bessent]{#scott-bessent}',
  },
  quote: {
    required: ['by'],
    optional: ['claim', 'disputes', 'supports', 'responds', 'id'],
    labelRequired: true,
    idMeans: 'anchor',
    example: ':quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}',
    responseExample: ':quote[Those numbers are simply wrong]{by=nora-vance disputes=harbour-dredging-cost}',
  },
  figure: {
    required: ['value'],
    optional: ['unit', 'about', 'period', 'compare', 'source', 'claim', 'id'],
    labelRequired: true,
    idMeans: 'anchor',
    example: ':figure[100 percent]{value=100 unit=percent about="additional U.S. tariff"}',
  },
  claim: {
    required: ['id'],
    optional: [],
    labelRequired: true,
    idMeans: 'reference',
    example: ':claim[will avoid 100 percent U.S. tariffs]{#framework-avoids-tariffs}',
  },
};

/**
 * How a quote answers someone else's claim: `:quote[…]{by=… disputes=<claim-id>}`. The words
 * for each stance, wherever the site names it (cards, claim pages, search), in one table.
 */
export const STANCES = {
  disputes: { verb: 'Disputes', by: 'Disputed by' },
  supports: { verb: 'Supports', by: 'Supported by' },
  responds: { verb: 'Responds to', by: 'Response by' },
} as const satisfies Record<string, { verb: string; by: string }>;
export type Stance = keyof typeof STANCES;
/** The attribute names, in the order messages list them. */
export const STANCE_ATTRIBUTES = Object.keys(STANCES) as Stance[];

/** A quote's answer to someone else's claim. */
export interface Response {
  claim: string;
  stance: Stance;
}

export function isAnnotationKind(name: string): name is AnnotationKind {
  return (ANNOTATION_KINDS as readonly string[]).includes(name);
}

/** One inline annotation of an article, as exported to pages, indexes and feeds. */
export interface AnnotationRecord {
  /** Unique in the article; `/articles/<slug>/#<id>` scrolls to it. */
  id: string;
  kind: AnnotationKind;
  /** Position in reading order, from 1 (endnote number). */
  number: number;
  /** `data-ref`: person id (person, quote), claim id (claim), claim id or own id (figure). */
  ref: string;
  /** The annotated words as plain text. */
  text: string;
  /** Person mentioned (person) or speaking (quote). */
  person?: string;
  /** Claim backed by this passage (a quote by the claimant, or a figure). */
  claim?: string;
  /** Quote: someone else's claim this quote answers, and how. */
  response?: Response;
  /** Figure: machine-readable value (number or ISO date), unit and what it measures. */
  value?: string;
  unit?: string;
  about?: string;
  /** Figure: the time it covers ("2024", "July to September"), what it is compared with, who counted it. */
  period?: string;
  compare?: string;
  source?: string;
  /** Plain text of the paragraph (or other block) holding the annotation. */
  context: string;
  /** Offset of `text` inside `context`, where known (-1 when not found). */
  contextOffset: number;
  /** Source position in the MDX file. */
  line: number;
  column: number;
}
