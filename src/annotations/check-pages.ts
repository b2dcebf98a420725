import { missingPageWarnings, readPageFiles } from '../content/page-files';
import type { ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import type { PageData } from '../content/schemas';
import type { ArticleBodyParts } from './article-html';
import { renderArticle } from './render-article';

/** A page of `content/pages/` rendered by the annotation pipeline. */
export interface RenderedPage {
  slug: string;
  data: PageData;
  /** Its text, cards and endnotes, as an article's body is rendered. */
  parts: ArticleBodyParts;
}

interface PageCheck {
  /** Rendered pages, when rendering was asked for and the page has no problem. */
  pages: RenderedPage[];
  problems: ContentProblem[];
  /** What the pages missed, and the transparency pages the site lacks. */
  warnings: ContentProblem[];
  count: number;
}

/**
 * The newsroom's own pages (`content/pages/<slug>.mdx`), written like articles: the same
 * frontmatter rules, annotation syntax and pipeline, so a page may annotate a person or a
 * claim. Warns for each of the transparency pages (`TRANSPARENCY_PAGES`) that is missing.
 */
export function checkPages(
  contentDir: string,
  registry: Registry,
  { base, site, render }: { base?: string; site?: string; render: boolean },
): PageCheck {
  const { pages: files, problems } = readPageFiles(contentDir);
  const warnings = missingPageWarnings(contentDir, new Set(files.map((page) => page.slug)));
  const pages: RenderedPage[] = [];
  for (const page of files) {
    const rendered = renderArticle({ source: page.source, file: page.file, registry, base, site, render });
    problems.push(...rendered.problems);
    warnings.push(...rendered.warnings);
    if (render && page.data && !rendered.problems.length)
      pages.push({ slug: page.slug, data: page.data, parts: rendered.parts });
  }
  return { pages, problems, warnings, count: files.length };
}
