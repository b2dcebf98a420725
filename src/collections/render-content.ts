import type { ArticleImageRecord } from '../annotations/article-images';
import {
  checkContent,
  type CheckedArticleFile,
  type CheckOptions,
  type ContentCheck,
} from '../annotations/check-content';
import { citedClaims } from '../annotations/missed-claims';
import { BODY_IMAGES_KEY } from './article-entry';
import { codeVersion, dependenciesOf, RenderCache } from './render-cache';
import { RenderedArticles } from './rendered-articles';
import { manifestArticle, siteManifest, type ManifestArticle } from './site-manifest';

/** Where the content is and where its rendered articles go (from `siteConfig`). */
export interface ContentOptions {
  contentDir: string;
  /** Site base path, for the links in cards. */
  base: string;
  /** Public origin (`SITE_URL`), for the addresses printed after claim-card links. */
  site?: string;
  renderedDir: string;
  /** Rendered articles kept between builds (see RenderCache); none when absent. */
  renderCacheDir?: string;
  /** The pipeline's code version; by default a hash of its source (see codeVersion). */
  code?: string;
}

/** An article that passed the check and was rendered: what its collection entry holds. */
export interface PreparedArticle {
  slug: string;
  file: string;
  data: Record<string, unknown>;
  /** Changes whenever its rendered HTML or annotations do. */
  digest: string;
}

/** The pipeline's code version, hashed once per process. */
let code: string | undefined;

/** The cache of earlier renders, when the options name its folder. */
function openRenderCache(options: ContentOptions, warn: (message: string) => void) {
  const { base, site, renderCacheDir } = options;
  if (!renderCacheDir) return undefined;
  code ??= codeVersion(process.cwd());
  return new RenderCache(renderCacheDir, { base, site, code: options.code ?? code }, warn);
}

/** Articles between two progress lines of the content check. */
const PROGRESS_EVERY = 1000;

/** Where the check's articles go: reused from the cache or rendered and written, then listed for the loaders. */
function publishingHooks(
  output: RenderedArticles,
  cache: RenderCache | undefined,
  progress?: (message: string) => void,
) {
  const renderedFiles = cache ? output.slugs() : new Set<string>();
  const articles: PreparedArticle[] = [];
  const manifestArticles: ManifestArticle[] = [];
  const publish = (article: CheckedArticleFile, images: ArticleImageRecord[], digest: string) => {
    const { slug, file, data } = article;
    // The text's photographs travel with the frontmatter, so `image()` resolves them like the lead one.
    articles.push({ slug, file, data: { ...data, [BODY_IMAGES_KEY]: images }, digest });
    manifestArticles.push(manifestArticle(slug, data));
    // A large archive takes minutes to check: say how far it got, so the build is never silent.
    if (articles.length % PROGRESS_EVERY === 0) progress?.(`Checked ${articles.length.toLocaleString('en')} articles…`);
  };
  const hooks: Pick<CheckOptions, 'reuse' | 'onRendered'> = {
    reuse: (article, registry) => {
      const reused = cache?.reuse(article, registry, renderedFiles);
      if (reused) publish(article, reused.images, reused.digest);
      return reused;
    },
    onRendered: (article, registry) => {
      const { slug, html, parts, annotations, text, images, warnings } = article;
      // Remembered before the files are written, so a build stopped between the two is not trusted.
      const remember = (digest: string) =>
        cache?.remember(article, registry, {
          digest,
          images,
          warnings,
          cites: citedClaims(annotations),
          annotations: annotations.length,
          dependencies: dependenciesOf(annotations, images, registry),
        });
      const digest = output.write(slug, { html, parts, annotations, text }, remember);
      publish(article, images, digest);
    },
  };
  return { hooks, articles, manifestArticles };
}

/** What one pass over the content leaves: the check, and the articles published from it. */
export interface RenderedContent {
  check: ContentCheck;
  articles: PreparedArticle[];
  /** `Rendered 12 articles, reused 9,988 from the cache`, when there is a cache. */
  cacheSummary?: string;
  /** Slugs rendered by this pass (every published one without a cache). */
  rendered: string[];
}

/**
 * Checks the content and publishes each article that passes: reused from the render cache
 * when nothing it depends on changed, else rendered and written to `renderedDir`. A passed
 * check also leaves the site's manifest there, for the search index.
 */
export function renderContent(
  options: ContentOptions,
  warn: (message: string) => void,
  progress?: (message: string) => void,
): RenderedContent {
  const { contentDir, base, site, renderedDir } = options;
  const output = new RenderedArticles(renderedDir);
  const cache = openRenderCache(options, warn);
  const { hooks, articles, manifestArticles } = publishingHooks(output, cache, progress);
  let check: ContentCheck;
  try {
    check = checkContent(contentDir, { base, site, ...hooks });
  } finally {
    cache?.save();
  }
  if (!check.problems.length) {
    output.keepOnly(new Set(articles.map(({ slug }) => slug)));
    output.writeManifest(siteManifest(manifestArticles, check.registry));
    output.writePages(check.pages);
  }
  const rendered = cache ? cache.rendered : articles.map(({ slug }) => slug);
  return { check, articles, cacheSummary: cache?.summary(), rendered };
}
