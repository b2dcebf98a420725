import type { Parent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Registry } from '../content/registry';
import { isIsoDateValue } from '../content/schemas';
import { checkAttributes } from './check-attributes';
import { slugWords, type AnnotationIds } from './ids';
import { KIND_SPECS, STANCE_ATTRIBUTES, type AnnotationKind, type AnnotationRecord, type Response } from './kinds';
import * as messages from './messages';
import type { ProblemText, Report } from './messages';
import { plainText } from './plain-text';

/** What reading an article's annotations shares from one annotation to the next. */
export interface ReadContext {
  registry: Registry;
  report: Report;
  /** The first annotation citing each claim, where a claim quote that is not verbatim is reported. */
  citations: Map<string, TextDirective>;
  ids: AnnotationIds;
}

/** What an annotation refers to, once its ids are found in the registry. */
interface References {
  person?: string;
  claim?: string;
  value?: string;
  response?: Response;
}

const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

/** `#scott-bessent` or `by=scott-bessent` → the person id, or a problem. */
function personRef(id: string, key: 'id' | 'by', { registry }: ReadContext): string | ProblemText {
  if (registry.people.has(id)) return id;
  if (registry.unusable?.people.has(id)) return messages.unusablePerson(id);
  return messages.unknownPerson(id, key, registry.people.keys());
}

/** `claim=framework-avoids-tariffs` → the claim id (noted as cited), or a problem. */
function claimRef(id: string, node: TextDirective, { registry, citations }: ReadContext): string | ProblemText {
  if (registry.claims.has(id)) {
    if (!citations.has(id)) citations.set(id, node);
    return id;
  }
  if (registry.unusable?.claims.has(id)) return messages.unusableClaim(id);
  return messages.unknownClaim(id, registry.claims.keys());
}

/** A quote backs a claim of its own speaker only. */
function speakerProblem(refs: References, { registry }: ReadContext): ProblemText | undefined {
  const claimant = refs.claim && registry.claims.get(refs.claim)!.data.claimant;
  return refs.person && claimant && claimant !== refs.person
    ? messages.speakerNotClaimant(refs.person, refs.claim!, claimant)
    : undefined;
}

/**
 * `disputes=harbour-dredging-cost` (or `supports=`, `responds=`) → the claim a quote answers,
 * or a problem: several of them, an unknown claim, or a claim of the speaker's own (which
 * `claim=` backs instead). Not noted as cited: the card names the claim's statement, not its
 * quoted words, so those need not appear in the answering article.
 */
function responseRef(
  attributes: Record<string, string | null | undefined>,
  speaker: string | undefined,
  { registry }: ReadContext,
): Response | ProblemText | undefined {
  const stances = STANCE_ATTRIBUTES.filter((stance) => attributes[stance] != null);
  if (stances.length > 1) return messages.severalResponses(stances);
  const stance = stances[0];
  if (!stance) return undefined;
  const id = attributes[stance]!;
  const claim = registry.claims.get(id);
  if (!claim) {
    return registry.unusable?.claims.has(id)
      ? messages.unusableClaim(id)
      : messages.unknownClaim(id, registry.claims.keys());
  }
  if (speaker && claim.data.claimant === speaker) return messages.responseByClaimant(speaker, stance, id);
  return { claim: id, stance };
}

/** `value=100`, `value=2025-11-01` → the value; `value=4m` → a problem. */
function figureValue(written: string): string | ProblemText {
  const value = written.trim();
  return NUMBER.test(value) || isIsoDateValue(value) ? value : messages.badFigureValue(value);
}

/**
 * Looks up what the annotation refers to, collecting every problem in the order written:
 * `:person{#x}` → person; `:quote{by= claim= disputes=}` → person, claim, speaker check,
 * the claim it answers;
 * `:claim{#x}` → claim; `:figure{value= claim=}` → value, claim.
 */
function resolveReferences(
  node: TextDirective,
  kind: AnnotationKind,
  context: ReadContext,
  problems: ProblemText[],
): References {
  const attributes = node.attributes ?? {};
  const refs: References = {};
  const take = <K extends 'person' | 'claim' | 'value'>(key: K, result: string | ProblemText | undefined) => {
    if (typeof result === 'string') refs[key] = result;
    else if (result) problems.push(result);
  };
  const claim = (id: string | null | undefined) => (id == null ? undefined : claimRef(id, node, context));
  if (kind === 'person') take('person', personRef(attributes.id!, 'id', context));
  if (kind === 'quote') {
    take('person', personRef(attributes.by!, 'by', context));
    take('claim', claim(attributes.claim));
    const speaker = speakerProblem(refs, context);
    if (speaker) problems.push(speaker);
    const response = responseRef(attributes, refs.person, context);
    if (response && 'stance' in response) refs.response = response;
    else if (response) problems.push(response);
  }
  if (kind === 'claim') take('claim', claim(attributes.id));
  if (kind === 'figure') {
    take('value', figureValue(attributes.value!));
    take('claim', claim(attributes.claim));
  }
  return refs;
}

/** Explicit `#anchor` for quotes and figures, otherwise derived from the person, claim or label. */
function annotationId(
  node: TextDirective,
  kind: AnnotationKind,
  refs: References,
  number: number,
  context: ReadContext,
): string | ProblemText {
  const anchor = node.attributes?.id;
  if (KIND_SPECS[kind].idMeans === 'anchor' && anchor) {
    const start = node.position?.start;
    const result = context.ids.anchor(anchor, { line: start?.line ?? 0, column: start?.column ?? 0 });
    if ('id' in result) return result.id;
    return result.reason === 'bad-anchor'
      ? messages.badAnchor(anchor, kind)
      : messages.duplicateAnchor(anchor, result.first);
  }
  const stem =
    kind === 'person' ? refs.person! : kind === 'claim' ? refs.claim! : slugWords(plainText(node)) || String(number);
  return context.ids.derived(kind, stem);
}

/** `data-ref`: the person (person, quote), the claim (claim), the claim or own id (figure). */
function dataRef(kind: AnnotationKind, id: string, { person, claim }: References): string {
  if (kind === 'person' || kind === 'quote') return person!;
  if (kind === 'claim') return claim!;
  return claim ?? id;
}

/** The record pages, indexes and feeds read, from a valid annotation in its block. */
function annotationRecord(
  node: TextDirective,
  ancestors: readonly Parent[],
  kind: AnnotationKind,
  id: string,
  number: number,
  refs: References,
): AnnotationRecord {
  const attributes = node.attributes ?? {};
  const block = [...ancestors].reverse().find((ancestor) => BLOCK_TYPES.has(ancestor.type));
  const context = plainText(block ?? node);
  const text = plainText(node);
  const { person, claim, value, response } = refs;
  return {
    id,
    kind,
    number,
    ref: dataRef(kind, id, refs),
    text,
    ...(person ? { person } : {}),
    ...(claim ? { claim } : {}),
    ...(response ? { response } : {}),
    ...(value !== undefined ? { value } : {}),
    ...figureFacts(attributes),
    context,
    contextOffset: context.indexOf(text),
    line: node.position?.start.line ?? 0,
    column: node.position?.start.column ?? 0,
  };
}

/** A figure's optional words as written: `unit`, `about`, `period`, `compare`, `source`. */
const FIGURE_FACTS = ['unit', 'about', 'period', 'compare', 'source'] as const;

function figureFacts(attributes: Record<string, string | null | undefined>) {
  const facts: Partial<Record<(typeof FIGURE_FACTS)[number], string>> = {};
  for (const key of FIGURE_FACTS) if (attributes[key]) facts[key] = attributes[key];
  return facts;
}

/**
 * Reads and validates one annotation directive against the registry:
 * `:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}` →
 * `{ id: 'quote-very-substantial-framework', kind: 'quote', ref: 'scott-bessent', … }`,
 * or `undefined` with every problem reported at the directive's place.
 * `number` is the annotation's place in reading order, from 1.
 */
export function readAnnotation(
  node: TextDirective,
  ancestors: readonly Parent[],
  number: number,
  context: ReadContext,
): AnnotationRecord | undefined {
  const kind = node.name as AnnotationKind;
  const fail = (problems: readonly ProblemText[]) => {
    for (const problem of problems) context.report(node, problem);
    return problems.length > 0;
  };
  if (fail(checkAttributes(node, kind))) return undefined;
  const problems: ProblemText[] = [];
  const refs = resolveReferences(node, kind, context, problems);
  if (fail(problems)) return undefined;
  const id = annotationId(node, kind, refs, number, context);
  if (typeof id !== 'string') {
    context.report(node, id);
    return undefined;
  }
  return annotationRecord(node, ancestors, kind, id, number, refs);
}

/**
 * `:person{#scott-bessent}` without a label shows the person's name: filled in before any
 * annotation is read, so the paragraph text that records carry as context has the name too.
 * Unknown ids are left alone; reading the annotation reports them.
 */
export function nameBarePeople(found: readonly { node: TextDirective }[], registry: Registry): void {
  for (const { node } of found) {
    const person =
      node.name === 'person' && node.children.length === 0 ? registry.people.get(node.attributes?.id ?? '') : undefined;
    if (person) node.children = [{ type: 'text', value: person.data.name }];
  }
}
