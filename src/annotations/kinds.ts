/**
 * The four annotation kinds, written as remark-directive text directives in MDX.
 * This table is the single description of the syntax: the parser, the error messages and
 * README all follow it.
 *
 * Rendered HTML (ids are derived from the label, made unique per article):
 *
 * `:person[Scott Bessent]{#scott-bessent}` (label optional: `:person{#scott-bessent}`)
 * ```html
 * <span class="annotation annotation--person" data-annotation="person" data-ref="scott-bessent"
 *       id="person-scott-bessent"><button type="button" popovertarget="card-person-scott-bessent"
 *       aria-describedby="annotation-hint-person">Scott Bessent</button></span>
 * ```
 *
 * `:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}`
 * ```html
 * <span class="annotation annotation--quote" data-annotation="quote" data-ref="scott-bessent"
 *       data-claim="framework-avoids-tariffs" id="quote-very-substantial-framework">…</span>
 * ```
 *
 * `:figure[100 percent]{value=100 unit=percent about="additional U.S. tariff"}`
 * ```html
 * <span class="annotation annotation--figure" data-annotation="figure" data-ref="figure-100-percent"
 *       data-value="100" id="figure-100-percent">…</span>
 * ```
 *
 * `:claim[will avoid 100 percent U.S. tariffs]{#framework-avoids-tariffs}`
 * ```html
 * <span class="annotation annotation--claim" data-annotation="claim"
 *       data-ref="framework-avoids-tariffs" id="claim-will-avoid-100-percent-us-tariffs">…</span>
 * ```
 *
 * A label of more than a few words, or one holding another annotation, stays text
 * (`<span class="annotation__text">`) followed by a small numbered trigger
 * (`<button class="annotation__trigger annotation__marker" data-note="N" aria-label="Quote: …">`).
 *
 * Each trigger opens its card (`<div popover id="card-…">`, placed after the article text)
 * with the native Popover API, and every card is repeated in the endnotes for print.
 */
export const ANNOTATION_KINDS = ['person', 'quote', 'figure', 'claim'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface KindSpec {
  /** Attributes that must be present. `id` is written `#id`. */
  required: readonly string[];
  optional: readonly string[];
  /** Whether `[label]` text is required. */
  labelRequired: boolean;
  /** What `#id` means for this kind, for messages. */
  idMeans: 'reference' | 'anchor';
  /** Shown in messages as the canonical form. */
  example: string;
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
    optional: ['claim', 'id'],
    labelRequired: true,
    idMeans: 'anchor',
    example: ':quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}',
  },
  figure: {
    required: ['value'],
    optional: ['unit', 'about', 'claim', 'id'],
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
  /** Claim backed by this passage. */
  claim?: string;
  /** Figure: machine-readable value (number or ISO date), unit and what it measures. */
  value?: string;
  unit?: string;
  about?: string;
  /** Plain text of the paragraph (or other block) holding the annotation. */
  context: string;
  /** Offset of `text` inside `context`, where known (-1 when not found). */
  contextOffset: number;
  /** Source position in the MDX file. */
  line: number;
  column: number;
}
