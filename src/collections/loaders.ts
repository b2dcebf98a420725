import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ArticleImageRecord } from '../annotations/article-images';
import {
  checkContent,
  type CheckedArticleFile,
  type CheckOptions,
  type ContentCheck,
} from '../annotations/check-content';
import { citedClaims } from '../annotations/missed-claims';
import { BODY_IMAGES_KEY } from './article-entry';
import { ContentError, formatProblem, type ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import { reportContentStatus } from './content-status';
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
}

/** An article that passed the check and was rendered: what its collection entry holds. */
interface PreparedArticle {
  slug: string;
  file: string;
  data: Record<string, unknown>;
  /** Changes whenever its rendered HTML or annotations do. */
  digest: string;
}

/** What a passed check leaves for the loaders: the articles' entries and the people and claims. */
interface PreparedContent {
  articles: PreparedArticle[];
  registry: Registry;
}

/** The content folders a build reads. */
const CONTENT_FOLDERS = ['articles', 'people', 'claims', 'authors'] as const;

const prepared = new Map<string, { signature: string; result: Promise<PreparedContent> }>();

/** Names, sizes and modification times of every content file: what a sync's result depends on. */
function contentSignature(contentDir: string): string {
  const hash = createHash('sha256');
  for (const kind of CONTENT_FOLDERS) {
    const folder = path.join(contentDir, kind);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      const stat = fs.statSync(path.join(folder, name), { throwIfNoEntry: false });
      hash.update(`${kind}/${name}\0${stat?.size}\0${stat?.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/** The pipeline's code version, hashed once per process. */
let code: string | undefined;

/** The cache of earlier renders, when the options name its folder. */
function openRenderCache({ base, site, renderCacheDir }: ContentOptions, logger: LoaderContext['logger']) {
  if (!renderCacheDir) return undefined;
  code ??= codeVersion(process.cwd());
  return new RenderCache(renderCacheDir, { base, site, code }, (message) => logger.warn(message));
}

/** Where the check's articles go: reused from the cache or rendered and written, then listed for the loaders. */
function publishingHooks(output: RenderedArticles, cache: RenderCache | undefined) {
  const renderedFiles = cache ? output.slugs() : new Set<string>();
  const articles: PreparedArticle[] = [];
  const manifestArticles: ManifestArticle[] = [];
  const publish = (article: CheckedArticleFile, images: ArticleImageRecord[], digest: string) => {
    const { slug, file, data } = article;
    // The text's photographs travel with the frontmatter, so `image()` resolves them like the lead one.
    articles.push({ slug, file, data: { ...data, [BODY_IMAGES_KEY]: images }, digest });
    manifestArticles.push(manifestArticle(slug, data));
  };
  const hooks: Pick<CheckOptions, 'reuse' | 'onRendered'> = {
    reuse: (article, registry) => {
      const reused = cache?.reuse(article, registry, renderedFiles);
      if (reused) publish(article, reused.images, reused.digest);
      return reused;
    },
    onRendered: (article, registry) => {
      const { slug, html, annotations, text, images, warnings } = article;
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
      const digest = output.write(slug, { html, annotations, text }, remember);
      publish(article, images, digest);
    },
  };
  return { hooks, articles, manifestArticles };
}

/**
 * Runs `npm run check`'s validation once per state of the content, shared by the three
 * loaders, so a build stops before rendering with every problem of every file listed, each
 * with its place and a hint, whichever collection Astro happens to load first. The same
 * pass renders every article and writes it to `renderedDir` as soon as it is rendered:
 * each article is parsed and annotated once per build, and again in `npm run dev` only after
 * a content file changes. An article whose source and everything its output read are as
 * they were at an earlier build is not rendered again (see RenderCache). A passed check
 * also leaves the site's manifest there, for the search index.
 */
function prepareContent(options: ContentOptions, logger: LoaderContext['logger']): Promise<PreparedContent> {
  const { contentDir, base, site, renderedDir } = options;
  const signature = contentSignature(contentDir);
  const cached = prepared.get(contentDir);
  if (cached?.signature === signature) return cached.result;
  const result = Promise.resolve().then(() => {
    const output = new RenderedArticles(renderedDir);
    const cache = openRenderCache(options, logger);
    const { hooks, articles, manifestArticles } = publishingHooks(output, cache);
    let check: ContentCheck;
    try {
      check = checkContent(contentDir, { base, site, ...hooks });
    } finally {
      cache?.save();
    }
    const { problems, warnings, registry } = check;
    if (problems.length) throw new ContentError(problems);
    if (cache) logger.info(cache.summary());
    logWarnings(warnings, logger);
    output.keepOnly(new Set(articles.map(({ slug }) => slug)));
    output.writeManifest(siteManifest(manifestArticles, registry));
    return { articles, registry };
  });
  prepared.set(contentDir, { signature, result });
  return result;
}

/** Most warnings a build prints; `npm run check` lists them all. */
const LOGGED_WARNINGS = 20;

/** Warnings never stop a build: one short line each (place, message, rule), the rest counted. */
function logWarnings(warnings: readonly ContentProblem[], logger: LoaderContext['logger']): void {
  for (const warning of warnings.slice(0, LOGGED_WARNINGS)) {
    logger.warn(formatProblem({ ...warning, hint: undefined }));
  }
  const more = warnings.length - LOGGED_WARNINGS;
  if (more > 0) logger.warn(`and ${more} more; run npm run check`);
}

/** Re-runs `sync` when a file under one of `folders` changes (authoring with `npm run dev`). */
function resyncOnChange({ watcher, logger }: LoaderContext, folders: string[], sync: () => Promise<void>) {
  if (!watcher) return;
  for (const folder of folders) watcher.add(folder);
  watcher.on('all', (_event, changed) => {
    if (!folders.some((folder) => changed.startsWith(folder + path.sep))) return;
    // The dev server shows a failed check in the browser and reloads the page once it passes.
    sync().then(
      () => reportContentStatus(undefined),
      (error: Error) => {
        logger.error(error.message);
        reportContentStatus(error);
      },
    );
  });
}

/**
 * The first load. A build stops on a content problem; `npm run dev` (the only one with a
 * watcher) keeps running and shows the problem in the browser until a change fixes it.
 */
async function firstSync({ watcher, logger }: LoaderContext, sync: () => Promise<void>) {
  if (!watcher) return sync();
  try {
    await sync();
  } catch (error) {
    logger.error((error as Error).message);
    reportContentStatus(error);
  }
}

/**
 * Articles (`<contentDir>/articles/*.{md,mdx}`), checked and rendered to HTML by the
 * annotation pipeline. The store keeps their frontmatter; the HTML and annotations go to
 * `renderedDir` (see RenderedArticles for why). Cards name people and claims, and bylines
 * authors, so a change to any of them re-renders the articles.
 */
export function articleLoader(options: ContentOptions): Loader {
  return {
    name: 'articles',
    load: async (context) => {
      const { store, parseData } = context;
      const sync = async () => {
        const { articles } = await prepareContent(options, context.logger);
        store.clear();
        for (const { slug, file, data, digest } of articles) {
          const filePath = path.relative(process.cwd(), file);
          store.set({ id: slug, data: await parseData({ id: slug, data, filePath }), filePath, digest });
        }
      };
      await firstSync(context, sync);
      resyncOnChange(
        context,
        CONTENT_FOLDERS.map((kind) => path.join(options.contentDir, kind)),
        sync,
      );
    },
  };
}

/**
 * People, claims or authors, as the content check read and validated them for the annotation
 * pipeline, so a YAML mistake is reported once, with its line, whichever loader runs first.
 */
export function registryLoader(options: ContentOptions, kind: 'people' | 'claims' | 'authors'): Loader {
  return {
    name: kind,
    load: async (context) => {
      const { store, parseData } = context;
      const sync = async () => {
        // The people and claims the check read and validated, read once per change of the content.
        const { registry } = await prepareContent(options, context.logger);
        store.clear();
        for (const entry of registry[kind]?.values() ?? []) {
          const filePath = path.relative(process.cwd(), entry.file);
          const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath });
          store.set({ id: entry.id, data, filePath });
        }
      };
      await firstSync(context, sync);
      resyncOnChange(context, [path.join(options.contentDir, kind)], sync);
    },
  };
}
