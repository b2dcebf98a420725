import { z } from 'astro/zod';
import { isoDay, text } from './fields';

/** Frontmatter of `content/articles/<slug>.mdx`. */
export const articleSchema = z
  .object({
    /** Headline, shown on the page, in the list, the feed and search results. */
    title: text,
    /** One or two sentences for lists, feeds and link previews. */
    description: text,
    /** Day of first publication, `YYYY-MM-DD`. */
    published: isoDay,
    /** Day of the last substantive update, `YYYY-MM-DD`; never before `published`. */
    updated: isoDay.optional(),
    /** Author line as printed, e.g. "By Jane Doe". */
    byline: text.optional(),
    /** Credit line, e.g. "Reuters contributed to this report." */
    credits: text.optional(),
    /** Dateline place, e.g. "Kuala Lumpur". */
    location: text.optional(),
    /** Topic labels. */
    tags: z.array(text).default([]),
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
  });

export type ArticleData = z.output<typeof articleSchema>;
