import { z } from 'astro/zod';
import { entityId, isoDay, lineText, paragraphText } from './fields';
import { leadImageSchema } from './image';

/**
 * One entry of an article's `corrections` or `updates`: the day and the editor's words for
 * what was wrong or what changed. Plain text, printed escaped (no Markdown).
 */
const changeEntrySchema = z
  .object({
    /** Day the change was published, `YYYY-MM-DD`. */
    date: isoDay,
    /** One paragraph, in the editor's words. */
    text: paragraphText,
  })
  .strict();

export type ChangeEntry = z.output<typeof changeEntrySchema>;

/** Frontmatter of `content/articles/<slug>.mdx`. */
export const articleSchema = z
  .object({
    /** Headline, shown on the page, in the list, the feed and search results. */
    title: lineText,
    /** One or two sentences for lists, feeds and link previews. */
    description: paragraphText,
    /** Day of first publication, `YYYY-MM-DD`. */
    published: isoDay,
    /** Day of the last substantive update, `YYYY-MM-DD`; never before `published`. */
    updated: isoDay.optional(),
    /** Author line as printed, e.g. "By Jane Doe". */
    byline: lineText.optional(),
    /** Staff authors by id (file names in content/authors), in byline order; linked to their pages. */
    authors: z.array(entityId).optional(),
    /** Credit line, e.g. "Reuters contributed to this report." */
    credits: lineText.optional(),
    /** Dateline place, e.g. "Kuala Lumpur". */
    location: lineText.optional(),
    /**
     * `lead: true` puts the article at the top of the front page. Several may say so (an editor
     * need not unset the last one): the newest of them leads; with none, the newest article does.
     */
    lead: z.boolean().optional(),
    /** Lead photograph, shown under the headline and in link previews. */
    image: leadImageSchema.optional(),
    /** Topic labels; each becomes a topic page, spellings that differ only in case, spaces or hyphens are one topic. */
    tags: z.array(lineText).default([]),
    /** Errors of fact put right after publication, oldest first; each is shown at the top of the article. */
    corrections: z.array(changeEntrySchema).default([]),
    /** Changes that are not corrections (new facts, a later development), oldest first. */
    updates: z.array(changeEntrySchema).default([]),
    /** `npm run check` warnings silenced for the whole article: `check: { ignore: [unmarked-quote] }`. */
    check: z
      .object({
        /** Warning rule ids, e.g. `unannotated-person`, `unmarked-quote`, `unannotated-figure`. */
        ignore: z.array(z.enum(['unannotated-person', 'unmarked-quote', 'unannotated-figure'])).default([]),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    if (data.updated && data.updated < data.published) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['updated'],
        message: `${data.updated} is before \`published\` (${data.published}); an update cannot precede publication`,
      });
    }
    checkChangeDates(data, ctx, latestPublishableDay());
  });

export type ArticleData = z.output<typeof articleSchema>;

type ChangeList = 'corrections' | 'updates';
const ENTRY_NOUN: Record<ChangeList, 'correction' | 'update'> = { corrections: 'correction', updates: 'update' };

/**
 * The latest day anyone on earth can be living today (UTC+14): an editor who dates a
 * correction in their own morning is not told it lies in the future because the build runs
 * on UTC.
 */
export function latestPublishableDay(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

interface ChangeDates {
  published: string;
  updated?: string;
  corrections: ChangeEntry[];
  updates: ChangeEntry[];
}

/**
 * Each change lies between publication and today, each list is in the order it was written
 * (oldest first, so a new entry goes at the end), and a hand-written `updated` does not
 * hide a later change.
 */
function checkChangeDates(data: ChangeDates, ctx: z.RefinementCtx, today: string): void {
  const issue = (path: (string | number)[], message: string, rule: string, hint: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message, params: { rule, hint } });
  for (const list of ['corrections', 'updates'] as const) {
    const noun = ENTRY_NOUN[list];
    data[list].forEach(({ date }, index) => {
      const path = [list, index, 'date'];
      if (date < data.published) {
        issue(path, `${noun} date ${date} is before \`published\` (${data.published})`, `${noun}-date-before-published`, `give the day the ${noun} was made, on or after ${data.published}`);
      } else if (date > today) {
        issue(path, `${noun} date ${date} is in the future`, `${noun}-date-in-future`, `give the day the ${noun} was published, ${today} at the latest (today in the time zone furthest ahead, UTC+14)`);
      }
      const previous = data[list][index - 1];
      if (previous && date < previous.date) {
        issue(path, `${noun} date ${date} is earlier than the entry above it (${previous.date}); list ${list} oldest first`, `${list}-out-of-order`, `move this entry up, or add each new ${noun} at the end of \`${list}\``);
      }
    });
  }
  const latest = latestChange(data);
  if (data.updated && latest && data.updated < latest) {
    issue(['updated'], `\`updated\` (${data.updated}) is earlier than the latest correction or update (${latest})`, 'updated-before-latest-change', 'remove `updated`: it follows the latest correction or update on its own');
  }
}

/** Day of the latest correction or update, if any. */
function latestChange({ corrections, updates }: Pick<ChangeDates, 'corrections' | 'updates'>): string | undefined {
  return [...corrections, ...updates].map((entry) => entry.date).sort().at(-1);
}

/**
 * The article's modified day: the latest of `updated` and every correction and update date,
 * or undefined when it was never changed.
 */
export function lastModified(data: Pick<ChangeDates, 'updated' | 'corrections' | 'updates'>): string | undefined {
  const latest = latestChange(data);
  if (!data.updated) return latest;
  return latest && latest > data.updated ? latest : data.updated;
}
