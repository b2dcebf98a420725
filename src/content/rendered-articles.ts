import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';

/** What the annotation pipeline made of one article, apart from its HTML. */
export interface ArticleAnnotations {
  annotations: AnnotationRecord[];
  text: ArticleText;
}

export interface RenderedBody extends ArticleAnnotations {
  html: string;
}

/**
 * Rendered article bodies live in files beside Astro's cache, not in its content data store:
 * Astro bundles the whole data store into the build as one JavaScript module, and 1,000
 * annotated articles (cards and endnotes included) made that module about 100 MB to parse,
 * bundle and hold in memory. The store keeps each article's frontmatter and a digest of
 * these files, so a change still reaches the pages.
 */
export class RenderedArticles {
  constructor(private readonly dir: string) {}

  private file(slug: string, extension: '.html' | '.json'): string {
    return path.join(this.dir, `${slug}${extension}`);
  }

  /** Writes one article's rendered body; returns a digest that changes whenever it does. */
  write(slug: string, { html, ...rest }: RenderedBody): string {
    fs.mkdirSync(this.dir, { recursive: true });
    const json = JSON.stringify(rest);
    fs.writeFileSync(this.file(slug, '.html'), html);
    fs.writeFileSync(this.file(slug, '.json'), json);
    return createHash('sha256').update(html).update('\0').update(json).digest('hex').slice(0, 16);
  }

  /** Removes the files of articles that are gone. */
  keepOnly(slugs: ReadonlySet<string>): void {
    if (!fs.existsSync(this.dir)) return;
    for (const name of fs.readdirSync(this.dir)) {
      if (!slugs.has(name.replace(/\.(html|json)$/, ''))) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  html(slug: string): string {
    return this.read(slug, '.html');
  }

  annotations(slug: string): ArticleAnnotations {
    return JSON.parse(this.read(slug, '.json')) as ArticleAnnotations;
  }

  private read(slug: string, extension: '.html' | '.json'): string {
    try {
      return fs.readFileSync(this.file(slug, extension), 'utf8');
    } catch (error) {
      throw new Error(`The rendered article \`${slug}\` is missing from ${this.dir} (${(error as Error).message}); run the build again, which renders every article before the pages`);
    }
  }
}
