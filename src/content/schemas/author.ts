import { z } from 'astro/zod';
import { httpUrl, lineText, paragraphText } from './fields';

/** A page of the author's elsewhere: a profile, a newsletter, a social account. */
export const authorLinkSchema = z
  .object({
    /** What the link is, as shown: "Newsletter", "Mastodon". */
    title: lineText,
    /** http(s) only: a `javascript:` or `data:` link is refused at build time. */
    url: httpUrl,
  })
  .strict();

/** `content/authors/<id>.yaml`: a staff writer an article names in `authors`. */
export const authorSchema = z
  .object({
    /** Name as printed in the byline, e.g. "Jane Doe". */
    name: lineText,
    /** Role at the publication, e.g. "Trade correspondent". */
    role: lineText,
    /** A short paragraph about the author, shown on their page. */
    bio: paragraphText,
    /** Other pages of the author's, in the order shown. */
    links: z.array(authorLinkSchema).default([]),
  })
  .strict();

export type AuthorData = z.output<typeof authorSchema>;
export type AuthorLink = z.output<typeof authorLinkSchema>;
