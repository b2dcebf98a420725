import type { ImageMetadata } from 'astro';
import type { SchemaContext } from 'astro/content/config';
import { z } from 'astro/zod';
import { articleSchema, type ArticleData } from '../content/schemas';

/** Key under which the loader hands the text's photographs to the collection schema. */
export const BODY_IMAGES_KEY = 'bodyImages';

/** A photograph whose file Astro's image service will process: `src` resolved to its metadata. */
export interface ProcessedPhoto {
  src: ImageMetadata;
  alt: string;
  caption?: string | undefined;
  credit: string;
}

/** What pages read of an article: its frontmatter, its lead photograph and the photographs of its text. */
export type ArticleEntryData = Omit<ArticleData, 'image'> & {
  image?: ProcessedPhoto | undefined;
  bodyImages: ProcessedPhoto[];
};

/**
 * The articles collection's schema: the frontmatter (already checked, with line numbers, by
 * the content check) and, with Astro's `image()` helper, each photograph's path resolved
 * relative to the article into an image the build can process: the lead `image` and the
 * text's `::image` photographs, which the loader passes as `bodyImages`.
 */
export function articleEntrySchema({ image }: SchemaContext) {
  const photo = z.object({ src: image(), alt: z.string(), caption: z.string().optional(), credit: z.string() });
  const photos = z.object({ image: photo.optional(), bodyImages: z.array(photo).default([]) });
  return z.record(z.unknown()).transform(async (raw, ctx): Promise<ArticleEntryData> => {
    const { [BODY_IMAGES_KEY]: bodyImages, ...frontmatter } = raw;
    const article = articleSchema.safeParse(frontmatter);
    const resolved = await photos.safeParseAsync({ image: frontmatter.image, bodyImages });
    if (!article.success || !resolved.success) {
      for (const issue of [...(article.error?.issues ?? []), ...(resolved.error?.issues ?? [])]) ctx.addIssue(issue);
      return z.NEVER;
    }
    const lead = resolved.data.image as ProcessedPhoto | undefined;
    return { ...article.data, image: lead, bodyImages: resolved.data.bodyImages as ProcessedPhoto[] };
  });
}
