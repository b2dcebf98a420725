import type { SchemaContext } from 'astro/content/config';
import { z } from 'astro/zod';
import { personSchema, type PersonData } from '../content/schemas';
import type { ProcessedPhoto } from './article-entry';

/** What pages read of a person: their file, with the portrait resolved for the image service. */
type PersonEntryData = Omit<PersonData, 'image'> & { portrait?: ProcessedPhoto | undefined };

/**
 * The people collection's schema: the person's file (already checked, with line numbers, by
 * the content check) and, with Astro's `image()` helper, the portrait's path resolved
 * relative to the file into an image the build can process, as `portrait`.
 */
export function personEntrySchema({ image }: SchemaContext) {
  const photo = z.object({ src: image(), alt: z.string(), credit: z.string() });
  return z.record(z.unknown()).transform(async (raw, ctx): Promise<PersonEntryData> => {
    const person = personSchema.safeParse(raw);
    const resolved = await photo.optional().safeParseAsync(raw.image);
    if (!person.success || !resolved.success) {
      for (const issue of [...(person.error?.issues ?? []), ...(resolved.error?.issues ?? [])]) ctx.addIssue(issue);
      return z.NEVER;
    }
    // The path as written gives way to the processed `portrait`.
    const data: Partial<PersonData> & Omit<PersonData, 'image'> = { ...person.data };
    delete data.image;
    return { ...data, ...(resolved.data ? { portrait: resolved.data as ProcessedPhoto } : {}) };
  });
}
