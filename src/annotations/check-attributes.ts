import type { TextDirective } from 'mdast-util-directive';
import { LIMITS } from '../content/limits';
import { KIND_SPECS, type AnnotationKind } from './kinds';
import * as messages from './messages';
import type { ProblemText } from './messages';
import { plainText } from './plain-text';

/** Problems with one attribute as written: not ours, empty, or too long. */
function attributeProblem(
  kind: AnnotationKind,
  key: string,
  value: string | null | undefined,
): ProblemText | undefined {
  const spec = KIND_SPECS[kind];
  const allowed = [...spec.required, ...spec.optional];
  if (!allowed.includes(key)) return messages.unexpectedAttribute(key, value, kind, allowed);
  if (value === null || value === undefined || value.trim() === '') return messages.emptyAttribute(key, kind);
  if (value.length > LIMITS.attribute) return messages.attributeTooLong(key, value.length, kind);
  return undefined;
}

/** The label's own words: its text less the annotations nested in it, which open their own cards. */
function ownText(node: TextDirective): string {
  return node.children.map((child) => (child.type === 'textDirective' ? '' : plainText(child))).join('');
}

/**
 * Problems with the label: missing where the kind needs words, a runaway passage, or no
 * words of its own to tap (`:claim[“:quote[…]{…}”]` opens its card only from two quotation marks).
 */
function labelProblem(kind: AnnotationKind, node: TextDirective): ProblemText | undefined {
  const label = plainText(node);
  if (KIND_SPECS[kind].labelRequired && !label) return messages.missingLabel(kind);
  if (label.length > LIMITS.label) return messages.labelTooLong(label.length, kind);
  const own = ownText(node);
  if (label && !/[\p{L}\p{N}]/u.test(own)) return messages.labelOnlyPunctuation(kind, own.trim());
  return undefined;
}

/**
 * The shape of one annotation against its kind's spec, before any id is looked up:
 * `:figure[x]{value=1 units=%}` → [`unexpected-attribute`]; `:quote[hi]` → [`missing-attribute`];
 * `:quote[]{by=x}` → [`missing-label`]. Every problem is listed, in the order written.
 */
export function checkAttributes(node: TextDirective, kind: AnnotationKind): ProblemText[] {
  const attributes = node.attributes ?? {};
  const problems: ProblemText[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const problem = attributeProblem(kind, key, value);
    if (problem) problems.push(problem);
  }
  for (const key of KIND_SPECS[kind].required) {
    if (attributes[key] === undefined) problems.push(messages.missingAttribute(key, kind));
  }
  const label = labelProblem(kind, node);
  if (label) problems.push(label);
  return problems;
}
