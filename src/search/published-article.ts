import fs from 'node:fs';
import path from 'node:path';
import type { AnnotationRecord } from '../annotations/kinds';
import { readArticleFiles } from '../content/article-files';
import { RenderedArticles } from '../content/rendered-articles';
import { formatFigureValue } from '../lib/format';
import { SITE_LANGUAGE } from '../lib/site-language';
import { siteUrls } from '../lib/urls';

/** One annotation of a published article, as search describes it. */
export type PublishedAnnotation = Pick<AnnotationRecord, 'id' | 'kind' | 'ref' | 'text'> &
  Partial<Pick<AnnotationRecord, 'person' | 'claim' | 'value' | 'about'>> & {
    /** A figure's value as its card words it ("100 percent", "October 26, 2025"). */
    valueText?: string;
  };

/** What search needs from a published article. */
export interface PublishedArticle {
  /** Site path of the page, from the site root: `/articles/<slug>/`. */
  path: string;
  title: string;
  /** The page's `<html lang>`, so records land in the same Pagefind language index as the page. */
  language: string;
  /** `YYYY-MM-DD`, for ordering by recency. */
  published?: string;
  annotations: PublishedAnnotation[];
}

/** Site paths from the root, without the base path: that is how Pagefind wants record URLs. */
const rootUrls = siteUrls('/');

/** An article's annotations as search describes them: the pipeline's records, figures worded as on their cards. */
export function publishedArticle(
  slug: string,
  data: { title: string; published?: string },
  annotations: readonly AnnotationRecord[],
): PublishedArticle {
  return {
    path: rootUrls.article(slug),
    title: data.title,
    language: SITE_LANGUAGE,
    published: data.published,
    annotations: [...annotations].sort((a, b) => a.number - b.number).map(({ id, kind, ref, text, person, claim, value, unit, about }) => ({
      id,
      kind,
      ref,
      text,
      ...(person ? { person } : {}),
      ...(claim ? { claim } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(about ? { about } : {}),
      ...(kind === 'figure' && value !== undefined ? { valueText: formatFigureValue(value, unit) } : {}),
    })),
  };
}

export interface PublishedSources {
  /** The built site: only articles with a page there count as published. */
  outDir: string;
  /** Folder with articles/, for each article's title and date. */
  contentDir: string;
  /** The annotation pipeline's output for this build (`siteConfig().renderedDir`). */
  renderedDir: string;
}

/**
 * Every article the build published, with the annotation records its page was rendered
 * from: the same records that make the cards, endnotes and Web Annotations, read back from
 * the pipeline's output instead of parsing 1,000 built pages again.
 */
export function readPublishedArticles({ outDir, contentDir, renderedDir }: PublishedSources): PublishedArticle[] {
  const rendered = new RenderedArticles(renderedDir);
  return readArticleFiles(contentDir)
    .articles.filter((article) => article.data && fs.existsSync(path.join(outDir, 'articles', article.slug, 'index.html')))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((article) => publishedArticle(article.slug, article.data!, rendered.annotations(article.slug).annotations));
}
