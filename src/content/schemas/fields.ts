import { z } from 'astro/zod';
import { LIMITS } from '../limits';

/** `YYYY-MM-DD` that names a real calendar day (rejects 2025-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A calendar day, kept as the `YYYY-MM-DD` string the author wrote.
 * Astro's frontmatter parser turns unquoted dates into `Date` objects, so those are accepted
 * too and written back as the same day.
 */
export const isoDay = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real date; write it as YYYY-MM-DD' });
        return z.NEVER;
      }
      return value.toISOString().slice(0, 10);
    }
    if (!isRealIsoDate(value)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not a real date; write it as YYYY-MM-DD (for example 2025-10-26)`,
      });
      return z.NEVER;
    }
    return value;
  });

/** Lowercase kebab-case, as used for file names, ids and slugs. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const entityId = z
  .string()
  .regex(KEBAB_ID, 'must be a lowercase kebab-case id such as `scott-bessent`');

/** Non-empty text after trimming. */
export const text = z.string().trim().min(1, 'must not be empty');

/** One line of text: a title, a name, a role, a byline. */
export const lineText = text.max(LIMITS.line, `must be at most ${LIMITS.line} characters`);

/** A paragraph: a description, a bio, a statement, a quote. */
export const paragraphText = text.max(LIMITS.paragraph, `must be at most ${LIMITS.paragraph} characters`);

/** An absolute http(s) URL; other schemes (javascript:, data:, file:) are refused. */
export const httpUrl = z.string().max(LIMITS.url, `must be at most ${LIMITS.url} characters`).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http:// or https:// URL' },
);

/** ISO 8601 date of day, month, week or year precision: 2025-11-01, 2025-11, 2025-W44, 2026. */
export function isIsoDateValue(value: string): boolean {
  if (isRealIsoDate(value)) return true;
  if (/^\d{4}$/.test(value)) return true;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return true;
  const week = /^\d{4}-W(\d{2})$/.exec(value);
  return week !== null && Number(week[1]) >= 1 && Number(week[1]) <= 53;
}
