import { z } from 'astro/zod';
import { isoDay, lineText, paragraphText } from './fields';

/** Frontmatter of `content/pages/<slug>.mdx`: a page about the newsroom (methodology, contact, …). */
export const pageSchema = z
  .object({
    /** The page's heading, its `<title>` and its link in the footer. */
    title: lineText,
    /** One or two sentences for link previews and the list of pages. */
    description: paragraphText,
    /** Day the page last changed in substance, `YYYY-MM-DD`; printed under the heading. */
    updated: isoDay.optional(),
  })
  .strict();

export type PageData = z.output<typeof pageSchema>;
