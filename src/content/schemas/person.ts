import { z } from 'astro/zod';
import { lineText, paragraphText } from './fields';
import { portraitSchema } from './image';

/** `content/people/<id>.yaml`: someone the articles mention or quote. */
export const personSchema = z
  .object({
    /** Display name, used as the label of `:person{#id}` and on cards. */
    name: lineText,
    /** Role as the article gives it, e.g. "U.S. Treasury Secretary". */
    role: lineText,
    /** A few sentences of background, from the articles' own facts. */
    bio: paragraphText,
    /** Organisation or government, e.g. "U.S. Department of the Treasury". */
    affiliation: lineText.optional(),
    country: lineText.optional(),
    /** Other names the text uses for this person ("Bessent"); unique across people. */
    aliases: z.array(lineText).default([]),
    /** A portrait: `src` relative to this file, `alt` and `credit` required. */
    image: portraitSchema.optional(),
  })
  .strict();

export type PersonData = z.output<typeof personSchema>;
