import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatProblem, type ContentProblem } from '../content/problems';
import { readContentRecords } from './content-records';
import { reportContentStatus } from './content-status';
import { renderContent, type ContentOptions, type PreparedArticle } from './render-content';

export type { ContentOptions };

/** Where the loaders read the content from: the content folder, or the records of a build in parts. */
interface LoaderOptions extends ContentOptions {
  /** Content records (see ContentRecords): when given, the content was checked and rendered already. */
  recordsDir?: string;
}

type RegistryKind = 'people' | 'claims' | 'authors';

/** What a passed check leaves for the loaders: the articles' entries and the people and claims. */
interface PreparedContent {
  articles: PreparedArticle[];
  registry: Partial<Record<RegistryKind, { values(): Iterable<{ id: string; file: string; data: unknown }> }>>;
}

/** The content a build in parts reads from the records its content step wrote, read once per process. */
let recorded: Promise<PreparedContent> | undefined;

function recordedContent(recordsDir: string): Promise<PreparedContent> {
  recorded ??= Promise.resolve().then(() => {
    const { articles, people, claims, authors } = readContentRecords(recordsDir, process.cwd());
    return { articles, registry: { people, claims, authors } };
  });
  return recorded;
}

/** The checked content: from the records when there are some, else checked and rendered here. */
function loadContent(options: LoaderOptions, logger: LoaderContext['logger']): Promise<PreparedContent> {
  return options.recordsDir ? recordedContent(options.recordsDir) : prepareContent(options, logger);
}

/** The content folders a build reads. */
const CONTENT_FOLDERS = ['articles', 'people', 'claims', 'authors', 'pages'] as const;

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
  const { contentDir } = options;
  const signature = contentSignature(contentDir);
  const cached = prepared.get(contentDir);
  if (cached?.signature === signature) return cached.result;
  const result = Promise.resolve().then(() => {
    const { check, articles, cacheSummary } = renderContent(
      options,
      (message) => logger.warn(message),
      (message) => logger.info(message),
    );
    const { problems, warnings, registry } = check;
    if (problems.length) throw new ContentError(problems);
    if (cacheSummary) logger.info(cacheSummary);
    logWarnings(warnings, logger);
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
export function articleLoader(options: LoaderOptions): Loader {
  return {
    name: 'articles',
    load: async (context) => {
      const { store, parseData } = context;
      const sync = async () => {
        const { articles } = await loadContent(options, context.logger);
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
export function registryLoader(options: LoaderOptions, kind: RegistryKind): Loader {
  return {
    name: kind,
    load: async (context) => {
      const { store, parseData } = context;
      const sync = async () => {
        // The people and claims the check read and validated, read once per change of the content.
        const { registry } = await loadContent(options, context.logger);
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
