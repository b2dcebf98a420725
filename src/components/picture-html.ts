import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/** Widths offered to the browser, up to the file's own width. */
const WIDTHS = [360, 720, 1080, 1440];
/** The text column: the page less its padding on phones, at most 68ch (about 42rem) on wider screens. */
const SIZES = '(min-width: 46rem) 42rem, calc(100vw - 2rem)';
/** Modern formats first; the browser takes the first it supports. */
const MODERN_FORMATS = ['avif', 'webp'] as const;

interface PictureOptions {
  src: ImageMetadata;
  alt: string;
  /** Above the fold: load at once and first. */
  lead: boolean;
  /** How wide it shows (the text column unless told), and the `<img>` class. */
  sizes?: string;
  className?: string;
  /** Widths offered, at most the file's own. */
  widths?: readonly number[];
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** The format browsers without AVIF or WebP get: the original's, or JPEG for those formats. */
function fallbackFormat(src: ImageMetadata): 'jpg' | 'png' {
  return src.format === 'png' ? 'png' : 'jpg';
}

/**
 * A photograph processed by Astro's image service, as one `<picture>` with no whitespace
 * between its elements: AVIF and WebP at several widths, a fallback `<img>` with its width
 * and height (so nothing moves when it loads) and alt text. Written as a string rather than
 * with `<Picture>`, whose template puts spaces between the sources: inside `.article__text`
 * they would count in the text the Web Annotation selectors measure.
 */
export async function pictureHtml(options: PictureOptions): Promise<string> {
  const { src, alt, lead, sizes = SIZES, className = 'article-figure__image' } = options;
  const fitting = (options.widths ?? WIDTHS).filter((width) => width <= src.width);
  const widths = fitting.length ? fitting : [src.width];
  const sources = await Promise.all(
    MODERN_FORMATS.map(async (format) => {
      const image = await getImage({ src, widths, format });
      return `<source${attributes({ type: `image/${format}`, srcset: image.srcSet.attribute, sizes })}>`;
    }),
  );
  const fallback = await getImage({ src, widths, format: fallbackFormat(src) });
  const img = attributes({
    src: fallback.src,
    srcset: fallback.srcSet.attribute,
    sizes,
    alt,
    width: src.width,
    height: src.height,
    loading: lead ? 'eager' : 'lazy',
    fetchpriority: lead ? 'high' : undefined,
    decoding: 'async',
    class: className,
  });
  return `<picture>${sources.join('')}<img${img}></picture>`;
}
