import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkContent, type RenderedArticleFile } from './check';
import { ContentError } from './problems';
import { loadRegistry } from './registry';
import { RenderedArticles } from './rendered-articles';

const prepared = new Map<string, Promise<RenderedArticleFile[]>>();

/**
 * Runs `npm run check`'s validation once per sync, shared by the three loaders, so a build
 * stops before rendering with every problem of every file listed, each with its place and
 * a hint, whichever collection Astro happens to load first. The same pass renders every
 * article to HTML: each article is parsed and annotated once per build.
 */
function prepareContent(contentDir: string, base: string): Promise<RenderedArticleFile[]> {
  let pending = prepared.get(contentDir);
  if (!pending) {
    pending = Promise.resolve().then(() => {
      const { problems, rendered } = checkContent(contentDir, { base, render: true });
      if (problems.length) throw new ContentError(problems);
      return rendered;
    });
    prepared.set(contentDir, pending);
    // Forget the result once this sync is over, so the next one (dev server) checks again.
    pending.catch(() => {}).finally(() => setTimeout(() => prepared.delete(contentDir), 1_000));
  }
  return pending;
}

/** Re-runs `sync` when a file under one of `folders` changes (authoring with `npm run dev`). */
function resyncOnChange({ watcher, logger }: LoaderContext, folders: string[], sync: () => Promise<void>) {
  if (!watcher) return;
  for (const folder of folders) watcher.add(folder);
  watcher.on('all', (_event, changed) => {
    if (!folders.some((folder) => changed.startsWith(folder + path.sep))) return;
    sync().catch((error: Error) => logger.error(error.message));
  });
}

/**
 * Articles (`<contentDir>/articles/*.{md,mdx}`), checked and rendered to HTML by the
 * annotation pipeline. The store keeps their frontmatter; the HTML and annotations go to
 * `renderedDir` (see RenderedArticles for why). Cards name people and claims, so a change
 * to either re-renders the articles.
 */
export function articleLoader({ contentDir, base, renderedDir }: { contentDir: string; base: string; renderedDir: string }): Loader {
  return {
    name: 'articles',
    load: async (context) => {
      const { store, parseData } = context;
      const sync = async () => {
        const articles = await prepareContent(contentDir, base);
        const digests = new RenderedArticles(renderedDir).writeAll(
          new Map(articles.map(({ slug, html, annotations, text, headings }) => [slug, { html, annotations, text, headings }])),
        );
        store.clear();
        for (const article of articles) {
          const filePath = path.relative(process.cwd(), article.file);
          const data = await parseData({ id: article.slug, data: article.data as unknown as Record<string, unknown>, filePath });
          store.set({ id: article.slug, data, filePath, digest: digests.get(article.slug) });
        }
      };
      await sync();
      resyncOnChange(context, ['articles', 'people', 'claims'].map((kind) => path.join(contentDir, kind)), sync);
    },
  };
}

/**
 * People or claims, read by the same registry the annotation pipeline validates against,
 * so a YAML mistake is reported once, with its line, whichever reads it first.
 */
export function registryLoader(contentDir: string, base: string, kind: 'people' | 'claims'): Loader {
  return {
    name: kind,
    load: async (context) => {
      const { store, parseData, watcher } = context;
      const sync = async () => {
        await prepareContent(contentDir, base);
        // Re-read only while watching (dev); a build reads people and claims once for all.
        const registry = loadRegistry(contentDir, { fresh: Boolean(watcher) });
        store.clear();
        for (const entry of registry[kind].values()) {
          const filePath = path.relative(process.cwd(), entry.file);
          const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath });
          store.set({ id: entry.id, data, filePath });
        }
      };
      await sync();
      resyncOnChange(context, [path.join(contentDir, kind)], sync);
    },
  };
}
