/**
 * Every rule a content problem or warning can break, declared once: its stable id (what
 * tests, tools and `check-ignore` comments match on), whether it stops the build, and the
 * README section that says what to do about it (each id has an entry there; a unit test
 * fails when one is missing). The wording of messages may change; these ids do not.
 */

/** Problems: they stop `npm run build` and make `npm run check` exit 1. */
const ERROR_RULES = [
  // Content safety: links, embedded HTML and MDX code.
  'unsafe-link',
  'image-beside-article',
  'raw-html',
  'link-inside-link',
  'import-in-article',
  'expression-in-article',
  'forbidden-element',
  'component-element',
  'code-in-attribute',
  'event-handler',
  'page-attribute',
  'control-character',
  // Directives and their attributes.
  'unclosed-directive',
  'annotation-inside-link',
  'near-miss-directive',
  'block-directive',
  'unexpected-attribute',
  'empty-attribute',
  'attribute-too-long',
  'missing-attribute',
  'missing-label',
  'label-too-long',
  'label-only-punctuation',
  'bad-figure-value',
  'bad-anchor',
  'duplicate-anchor',
  // References to people, claims and authors.
  'unusable-person',
  'unknown-person',
  'unusable-claim',
  'unknown-claim',
  'speaker-not-claimant',
  'response-by-claimant',
  'several-responses',
  'claim-quote-not-verbatim',
  'unknown-author',
  'topic-without-address',
  'unknown-claimant',
  'shared-alias',
  'duplicate-claim-title',
  // Photographs.
  'image-missing-alt',
  'image-missing-credit',
  'image-missing-src',
  'image-unknown-attribute',
  'image-not-found',
  'image-unsupported-format',
  // Files and syntax.
  'no-articles-folder',
  'mdx-syntax',
  'missing-frontmatter',
  'empty-body',
  'duplicate-slug',
  'bad-file-name',
  'duplicate-id',
  'invalid-yaml',
  'not-a-mapping',
  // Fields of frontmatter, people and claims.
  'missing-field',
  'unknown-field',
  'wrong-type',
  'not-allowed-value',
  'empty-field',
  'invalid-value',
  'impossible-date',
  'not-http-url',
  'too-long',
  'bad-id',
  'boolean-status',
  'updated-before-published',
  'updated-before-latest-change',
  'correction-date-before-published',
  'correction-date-in-future',
  'corrections-out-of-order',
  'update-date-before-published',
  'update-date-in-future',
  'updates-out-of-order',
  'claim-history-before-claim',
  'claim-history-in-future',
  'claim-history-out-of-order',
  'claim-appearance-before-claim',
  'claim-appearance-in-future',
  'claim-appearance-out-of-order',
  'claim-verdict-without-source',
] as const;

/** Warnings: what an editor may have missed; they fail only `npm run check -- --strict`. */
const WARNING_RULES = [
  'unannotated-person',
  'unmarked-quote',
  'unannotated-figure',
  'unused-claim',
  'near-duplicate-topic',
  'pending-past-due',
] as const;

export type RuleId = (typeof ERROR_RULES)[number] | (typeof WARNING_RULES)[number];

type Severity = 'error' | 'warning';

/** Where each kind of rule is documented: README's list of errors or of warnings, by rule id. */
const DOCS: Record<Severity, string> = {
  error: 'README.md#errors-by-rule-id',
  warning: 'README.md#warnings-by-rule-id',
};

const SEVERITY = new Map<string, Severity>([
  ...ERROR_RULES.map((rule) => [rule, 'error'] as const),
  ...WARNING_RULES.map((rule) => [rule, 'warning'] as const),
]);

/** Every declared rule id, errors first. */
export const RULE_IDS: readonly RuleId[] = [...ERROR_RULES, ...WARNING_RULES];

/** The rule's declaration, or undefined for an id no one declared. */
export function ruleOf(id: string): { severity: Severity; url: string } | undefined {
  const severity = SEVERITY.get(id);
  return severity && { severity, url: DOCS[severity] };
}
