import fs from 'node:fs';
import path from 'node:path';
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';
import { RenderedArticles } from '../collections/rendered-articles';
import type { ManifestArticle, SiteManifest } from '../collections/site-manifest';
import { siteUrls } from '../lib/urls';

/** A published article with the text and annotation records its page was rendered from. */
export interface PublishedArticle {
  /** Site path of the page, from the site root: `/articles/<slug>/`. */
  path: string;
  title: string;
  /** The page's `<html lang>`, so records land in the same Pagefind language index as the page. */
  language: string;
  /** `YYYY-MM-DD`, for ordering by recency. */
  published?: string;
  /** The pipeline's records, as they are: search maps each to its passage in one step. */
  annotations: readonly AnnotationRecord[];
  /** The article's words (`.article__text`) and where each annotation sits in them. */
  text: ArticleText;
}

/** Site paths from the root, without the base path: that is how Pagefind wants record URLs. */
const rootUrls = siteUrls('/');

export function publishedArticle(
  { slug, title, published, language }: ManifestArticle,
  annotations: readonly AnnotationRecord[],
  text: ArticleText,
): PublishedArticle {
  return { path: rootUrls.article(slug), title, language, published, annotations, text };
}

interface PublishedSources {
  /** The built site: only articles with a page there count as published. */
  outDir: string;
  /** The annotation pipeline's output for this build (`siteConfig().renderedDir`). */
  renderedDir: string;
}

interface PublishedSite {
  /** How many articles {@link PublishedSite.articles} yields. */
  count: number;
  /** Read one at a time, so an archive's texts are never all in memory. */
  articles: () => Generator<PublishedArticle>;
  /** The content layer's manifest: the people and claims annotations refer to. */
  manifest: SiteManifest;
}

/**
 * Every article the build published, with the text and annotation records its page was
 * rendered from: the same records that make the cards, endnotes and Web Annotations, read
 * back from the pipeline's output instead of parsing 1,000 built pages or the content again.
 */
export function readPublishedSite({ outDir, renderedDir }: PublishedSources): PublishedSite {
  const rendered = new RenderedArticles(renderedDir);
  const manifest = rendered.manifest();
  const published = manifest.articles.filter(({ slug }) =>
    fs.existsSync(path.join(outDir, 'articles', slug, 'index.html')),
  );
  function* articles(): Generator<PublishedArticle> {
    for (const article of published) {
      const { annotations, text } = rendered.annotations(article.slug);
      yield publishedArticle(article, annotations, text);
    }
  }
  return { count: published.length, articles, manifest };
}
