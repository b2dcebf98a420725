import type { z } from 'astro/zod';
import { nearest } from '../lib/suggest';

interface FieldIssue {
  /** Path into the data, e.g. `['sources', 0, 'url']`. */
  path: (string | number)[];
  message: string;
  hint?: string;
  /** Stable id of the rule broken (`missing-field`, `unknown-field`, `impossible-date`, …). */
  rule: string;
}

/**
 * Rewrites zod issues as sentences that name the field and say what is allowed, in the
 * spirit of Starlight's error map: "is required", "must be one of …", "unknown field".
 */
export function describeZodIssues(error: z.ZodError, knownFields: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = [...issue.path];
    switch (issue.code) {
      case 'invalid_type':
        if (issue.received === 'undefined') {
          issues.push({ path, message: 'is required', hint: `add \`${path.join('.')}: …\` (${issue.expected})`, rule: 'missing-field' });
        } else {
          issues.push({
            path,
            message: `must be ${article(issue.expected)}, not ${article(issue.received)}`,
            hint: TYPE_HINTS[issue.expected] ?? FIELD_LIST_HINT,
            rule: 'wrong-type',
          });
        }
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const suggestion = nearest(key, knownFields);
          issues.push({
            path: [...path, key],
            message: `unknown field \`${key}\``,
            hint: suggestion
              ? `did you mean \`${suggestion}\`?`
              : `allowed fields: ${knownFields.map((f) => `\`${f}\``).join(', ')}`,
            rule: 'unknown-field',
          });
        }
        break;
      case 'invalid_enum_value':
        issues.push({
          path,
          message: `\`${String(issue.received)}\` is not allowed`,
          hint: enumHint(issue.options, issue.received),
          rule: 'not-allowed-value',
        });
        break;
      case 'too_small':
        issues.push(
          issue.message === 'must not be empty'
            ? { path, message: issue.message, hint: 'write the text, or remove the field if it is optional', rule: 'empty-field' }
            : { path, message: issue.message, ...refinement(issue.message) },
        );
        break;
      case 'custom': {
        // Refinements may carry their own rule id and hint in `params`.
        const params = (issue.params ?? {}) as { rule?: string; hint?: string };
        const fallback = refinement(issue.message);
        issues.push({ path, message: issue.message, hint: params.hint ?? fallback.hint, rule: params.rule ?? fallback.rule });
        break;
      }
      default:
        issues.push({ path, message: issue.message, ...refinement(issue.message) });
    }
  }
  return issues;
}

/** "use one of `stated`, `pending` (did you mean `pending`?)". */
function enumHint(options: readonly (string | number)[], received: unknown): string {
  const suggestion = typeof received === 'string' ? nearest(received, options.map(String)) : undefined;
  return `use one of ${options.map((o) => `\`${String(o)}\``).join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`;
}

const TYPE_HINTS: Record<string, string> = {
  array: 'write a list, one `- item` per line (or `[a, b]`)',
  string: 'write text; put quotation marks around it if YAML reads it as a number, date or `yes`/`no`',
  object: 'write the fields (`title: …`, `url: …`) indented under it',
};

/** Where README lists every field of articles, people and claims. */
const FIELD_LIST_HINT = 'see the field lists under “Writing articles” in README';

/** The messages our own refinements produce (schemas/fields.ts), their rule and what to do. */
const REFINEMENTS: readonly [pattern: RegExp, rule: string, hint: string][] = [
  [/not a real date/, 'impossible-date', 'write a day that exists as YYYY-MM-DD, for example 2025-10-26'],
  [/http/, 'not-http-url', 'link only to web pages (`https://…`); `javascript:`, `data:` and `file:` links are refused'],
  [/at most/, 'too-long', 'shorten it: one line for names, titles and sources, a paragraph for descriptions, bios and quotes'],
  [/kebab-case/, 'bad-id', 'ids are file names: lowercase letters a-z, digits and single hyphens'],
  [/is not a status/, 'boolean-status', 'YAML reads an unquoted `true` as yes/no rather than a word: quote the status, e.g. `status: "supported"`'],
  [/before `published`/, 'updated-before-published', 'set `updated` to the day of the update, on or after `published`'],
];

function refinement(message: string): { rule: string; hint: string } {
  const found = REFINEMENTS.find(([pattern]) => pattern.test(message));
  return found ? { rule: found[1], hint: found[2] } : { rule: 'invalid-value', hint: FIELD_LIST_HINT };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
