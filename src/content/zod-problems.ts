import type { z } from 'astro/zod';
import { nearest } from '../lib/suggest';

export interface FieldIssue {
  /** Path into the data, e.g. `['sources', 0, 'url']`. */
  path: (string | number)[];
  message: string;
  hint?: string;
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
        issues.push({ path, message: issue.message === 'must not be empty' ? 'must not be empty' : issue.message });
        break;
      default:
        issues.push({ path, message: issue.message });
    }
  }
  return issues;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
