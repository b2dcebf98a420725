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

/**
 * What pages read of an article: its frontmatter, with the lead photograph processed as
 * `leadImage` (so the entry still is an `ArticleData` everywhere one is read) and the
 * photographs of its text.
 */
type ArticleEntryData = Omit<ArticleData, 'image'> & {
  leadImage?: ProcessedPhoto | undefined;
  bodyImages: ProcessedPhoto[];
};

/**
 * The articles collection's schema: the frontmatter (already checked, with line numbers, by
 * the content check) and, with Astro's `image()` helper, each photograph's path resolved
 * relative to the article into an image the build can process: the lead `image` and the
 * text's `::image` photographs, which the loader passes as `bodyImages`. Pages get the
 * lead one as `leadImage`.
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
    // The path as written gives way to the processed `leadImage`.
    const data: Omit<ArticleData, 'image'> & Partial<Pick<ArticleData, 'image'>> = { ...article.data };
    delete data.image;
    const leadImage = resolved.data.image as ProcessedPhoto | undefined;
    return { ...data, leadImage, bodyImages: resolved.data.bodyImages as ProcessedPhoto[] };
  });
}
