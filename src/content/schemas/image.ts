import { z } from 'astro/zod';
import { lineText, paragraphText } from './fields';

/**
 * A photograph as authors describe it, before the build processes the file: where it is
 * (relative to the article, e.g. `./bridge.jpg` or `../images/bridge.jpg`), what it shows
 * (`alt`, for readers who cannot see it), an optional caption and who made it (`credit`).
 * A lead photograph is never decorative, so `alt` is required and may not be empty.
 */
export const leadImageSchema = z
  .object({
    /** Path of the file, relative to the article. */
    src: lineText,
    /** What the photograph shows, read out in its place. */
    alt: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    /** Printed under the photograph. */
    caption: paragraphText.optional(),
    /** Photographer or agency, printed as "Photo: …". */
    credit: lineText.optional(),
  })
  .strict()
  .superRefine((image, ctx) => {
    if (!image.alt) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: image.alt === undefined ? [] : ['alt'],
        message: 'Missing `alt` on the lead photograph, expected a description of what it shows',
        params: { rule: 'image-missing-alt', hint: 'add `alt: …` under `image:`: one sentence saying what the photograph shows' },
      });
    }
    if (!image.credit) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [],
        message: 'Missing `credit` on the lead photograph, expected who took it',
        params: { rule: 'image-missing-credit', hint: 'add `credit: …` under `image:` (the photographer or agency, e.g. `Jane Doe/Reuters`)' },
      });
    }
  });

/** File types the image service turns into AVIF, WebP and a fallback. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'] as const;

/**
 * A person's portrait, `image:` in `content/people/<id>.yaml`: the file (relative to the
 * person's file, e.g. `../images/amara-okafor.jpg`), what it shows and who took it, both
 * required, as for every photograph the site publishes.
 */
export const portraitSchema = z
  .object({
    src: lineText,
    alt: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    credit: lineText.optional(),
  })
  .strict()
  .superRefine((image, ctx) => {
    if (!image.alt) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: image.alt === undefined ? [] : ['alt'],
        message: 'Missing `alt` on the portrait, expected a description of what it shows',
        params: { rule: 'image-missing-alt', hint: 'add `alt: …` under `image:`, e.g. `Amara Okafor at the council meeting`' },
      });
    }
    if (!image.credit) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [],
        message: 'Missing `credit` on the portrait, expected who took it',
        params: { rule: 'image-missing-credit', hint: 'add `credit: …` under `image:` (the photographer or agency, e.g. `Jane Doe/Reuters`)' },
      });
    }
  });
