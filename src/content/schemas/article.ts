import { z } from 'astro/zod';
import { isoDay, lineText, paragraphText } from './fields';

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
    /** Credit line, e.g. "Reuters contributed to this report." */
    credits: lineText.optional(),
    /** Dateline place, e.g. "Kuala Lumpur". */
    location: lineText.optional(),
    /** Topic labels. */
    tags: z.array(lineText).default([]),
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
