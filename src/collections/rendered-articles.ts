import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ArticleBodyParts } from '../annotations/article-html';
import type { AnnotationRecord } from '../annotations/kinds';
import type { RenderedPage } from '../annotations/check-pages';
import type { ArticleText } from '../annotations/rehype-article-text';
import type { SiteManifest } from './site-manifest';

/** Not a possible slug (slugs have no dot), so no article's files can take its name. */
const MANIFEST_FILE = 'site.manifest.json';
/** The newsroom's pages (`content/pages/`), rendered: few and small, so one file. */
const PAGES_FILE = 'site.pages.json';

/** What the annotation pipeline made of one article, apart from its HTML. */
interface ArticleAnnotations {
  annotations: AnnotationRecord[];
  text: ArticleText;
}

interface RenderedBody extends ArticleAnnotations {
  html: string;
  parts: ArticleBodyParts;
}

/** Where the cards and the endnotes start in the stored HTML, as the renderer cut it. */
interface PartStarts {
  cards: number;
  endnotes: number;
}

/**
 * Rendered article bodies live in files beside Astro's cache, not in its content data store:
 * Astro bundles the whole data store into the build as one JavaScript module, and 1,000
 * annotated articles (cards and endnotes included) made that module about 100 MB to parse,
 * bundle and hold in memory. The store keeps each article's frontmatter and a digest of
 * these files, so a change still reaches the pages. The folder also holds the site's
 * manifest (see SiteManifest), which the search index reads with the annotation records.
 */
export class RenderedArticles {
  constructor(private readonly dir: string) {}

  private file(slug: string, extension: '.html' | '.json'): string {
    return path.join(this.dir, `${slug}${extension}`);
  }

  /**
   * Writes one article's rendered body; returns a digest that changes whenever it does.
   * `beforeWrite` gets the digest before the files change (the render cache records it).
   */
  write(slug: string, { html, parts, ...rest }: RenderedBody, beforeWrite?: (digest: string) => void): string {
    fs.mkdirSync(this.dir, { recursive: true });
    const partStarts: PartStarts = { cards: parts.text.length, endnotes: parts.text.length + parts.cards.length };
    const json = JSON.stringify({ ...rest, partStarts });
    const digest = createHash('sha256').update(html).update('\0').update(json).digest('hex').slice(0, 16);
    beforeWrite?.(digest);
    fs.writeFileSync(this.file(slug, '.html'), html);
    fs.writeFileSync(this.file(slug, '.json'), json);
    return digest;
  }

  /** Slugs whose HTML and annotations are both on disk. */
  slugs(): Set<string> {
    if (!fs.existsSync(this.dir)) return new Set();
    const names = new Set(fs.readdirSync(this.dir));
    const slugs = new Set<string>();
    for (const name of names) {
      if (name.endsWith('.html') && names.has(`${name.slice(0, -'.html'.length)}.json`)) slugs.add(name.slice(0, -5));
    }
    return slugs;
  }

  /** Writes the manifest of the articles written and the people and claims they refer to. */
  writeManifest(manifest: SiteManifest): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, MANIFEST_FILE), JSON.stringify(manifest));
  }

  /** Writes the rendered pages of `content/pages/`. */
  writePages(pages: readonly RenderedPage[]): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, PAGES_FILE), JSON.stringify(pages));
  }

  /** The rendered pages, or none while the content has a problem (`npm run dev` then shows it). */
  pagesIfWritten(): RenderedPage[] | undefined {
    return fs.existsSync(path.join(this.dir, PAGES_FILE)) ? this.pages() : undefined;
  }

  pages(): RenderedPage[] {
    return JSON.parse(this.readFile(PAGES_FILE, 'The rendered pages')) as RenderedPage[];
  }

  manifest(): SiteManifest {
    return JSON.parse(this.readFile(MANIFEST_FILE, 'The site manifest')) as SiteManifest;
  }

  /** Removes the files of articles that are gone. */
  keepOnly(slugs: ReadonlySet<string>): void {
    if (!fs.existsSync(this.dir)) return;
    for (const name of fs.readdirSync(this.dir)) {
      if (name !== MANIFEST_FILE && name !== PAGES_FILE && !slugs.has(name.replace(/\.(html|json)$/, '')))
        fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  html(slug: string): string {
    return this.read(slug, '.html');
  }

  /** The stored HTML by part (text, cards, endnotes), where the renderer cut it. */
  parts(slug: string): ArticleBodyParts {
    const html = this.html(slug);
    const { partStarts } = JSON.parse(this.read(slug, '.json')) as { partStarts: PartStarts };
    return {
      text: html.slice(0, partStarts.cards),
      cards: html.slice(partStarts.cards, partStarts.endnotes),
      endnotes: html.slice(partStarts.endnotes),
    };
  }

  annotations(slug: string): ArticleAnnotations {
    return JSON.parse(this.read(slug, '.json')) as ArticleAnnotations;
  }

  private read(slug: string, extension: '.html' | '.json'): string {
    return this.readFile(`${slug}${extension}`, `The rendered article \`${slug}\``);
  }

  private readFile(name: string, what: string): string {
    try {
      return fs.readFileSync(path.join(this.dir, name), 'utf8');
    } catch (error) {
      throw new Error(
        `${what} is missing from ${this.dir} (${(error as Error).message}); run the build again, which renders every article before the pages`,
      );
    }
  }
}
