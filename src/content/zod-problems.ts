import type { z } from 'astro/zod';
import { nearest } from '../lib/suggest';

export interface FieldIssue {
  /** Path into the data, e.g. `['sources', 0, 'url']`. */
  path: (string | number)[];
  message: string;
  hint?: string;
  /** Rule id a refinement names in its issue's `params.rule`. */
  rule?: string;
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
          issues.push({ path, message: 'is required', hint: `add \`${path.join('.')}: …\` (${issue.expected})` });
        } else {
          issues.push({
            path,
            message: `must be ${article(issue.expected)}, not ${article(issue.received)}`,
            hint: TYPE_HINTS[issue.expected] ?? FIELD_LIST_HINT,
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
          });
        }
        break;
      case 'invalid_enum_value':
        issues.push({
          path,
          message: `\`${String(issue.received)}\` is not allowed`,
          hint: `use one of ${issue.options.map((o) => `\`${String(o)}\``).join(', ')}${
            typeof issue.received === 'string'
              ? (() => {
                  const s = nearest(issue.received, issue.options.map(String));
                  return s ? ` (did you mean \`${s}\`?)` : '';
                })()
              : ''
          }`,
        });
        break;
      case 'too_small':
        issues.push({ path, message: issue.message, hint: issue.message === 'must not be empty' ? 'write the text, or remove the field if it is optional' : customHint(issue.message) });
        break;
      case 'custom': {
        // Refinements may carry their own rule id and hint in `params`.
        const params = (issue.params ?? {}) as { rule?: string; hint?: string };
        issues.push({ path, message: issue.message, hint: params.hint ?? customHint(issue.message), ...(params.rule ? { rule: params.rule } : {}) });
        break;
      }
      default:
        issues.push({ path, message: issue.message, hint: customHint(issue.message) });
    }
  }
  return issues;
}

const TYPE_HINTS: Record<string, string> = {
  array: 'write a list, one `- item` per line (or `[a, b]`)',
  string: 'write text; put quotation marks around it if YAML reads it as a number, date or `yes`/`no`',
  object: 'write the fields (`title: …`, `url: …`) indented under it',
};

/** Where README lists every field of articles, people and claims. */
const FIELD_LIST_HINT = 'see the field lists under “Writing articles” in README';

/** What to do about the messages our own refinements produce. */
function customHint(message: string): string {
  if (/not a real date/.test(message)) return 'write a day that exists as YYYY-MM-DD, for example 2025-10-26';
  if (/http/.test(message)) return 'link only to web pages (`https://…`); `javascript:`, `data:` and `file:` links are refused';
  if (/at most/.test(message)) return 'shorten it: one line for names, titles and sources, a paragraph for descriptions, bios and quotes';
  if (/kebab-case/.test(message)) return 'ids are file names: lowercase letters a-z, digits and single hyphens';
  if (/is not a status/.test(message)) return 'YAML reads an unquoted `true` as yes/no rather than a word: quote the status, e.g. `status: "supported"`';
  if (/before `published`/.test(message)) return 'set `updated` to the day of the update, on or after `published`';
  return FIELD_LIST_HINT;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
