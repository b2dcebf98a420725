import path from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { checkContent } from './check';
import { ContentError } from './problems';
import { loadRegistry } from './registry';

const checks = new Map<string, Promise<void>>();

/**
 * Runs `npm run check`'s validation once per sync, shared by the three loaders, so a build
 * stops before rendering with every problem of every file listed, each with its place and
 * a hint, whichever collection Astro happens to load first.
 */
function checkOnce(contentDir: string): Promise<void> {
  let pending = checks.get(contentDir);
  if (!pending) {
    pending = Promise.resolve().then(() => {
      const { problems } = checkContent(contentDir);
      if (problems.length) throw new ContentError(problems);
    });
    checks.set(contentDir, pending);
    // Forget the result once this sync is over, so the next one (dev server) checks again.
    pending.catch(() => {}).finally(() => setTimeout(() => checks.delete(contentDir), 1_000));
  }
  return pending;
}

/**
 * Articles: Astro's glob loader over `<contentDir>/articles`, after the content check
 * (Astro alone names no line for bad frontmatter and stops at the first broken file).
 */
export function articleLoader(contentDir: string): Loader {
  const inner = glob({ pattern: '*.{md,mdx}', base: path.join(contentDir, 'articles') });
  return {
    name: 'articles',
    load: async (context) => {
      await checkOnce(contentDir);
      return inner.load(context);
    },
  };
}

/**
 * People or claims, read by the same registry the annotation pipeline validates against,
 * so a YAML mistake is reported once, with its line, whichever reads it first.
 */
export function registryLoader(contentDir: string, kind: 'people' | 'claims'): Loader {
  return {
    name: kind,
    load: async ({ store, parseData, watcher, logger }) => {
      await checkOnce(contentDir);
      const sync = async () => {
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
      watcher?.add(path.join(contentDir, kind));
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(path.join(contentDir, kind))) return;
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
