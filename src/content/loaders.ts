import path from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { readArticleFiles } from './article-files';
import { ContentError } from './problems';
import { loadRegistry } from './registry';

/**
 * Articles: Astro's glob loader over `<contentDir>/articles`, after a check that reports
 * bad frontmatter and empty bodies with the file and line (Astro alone names no line).
 */
export function articleLoader(contentDir: string): Loader {
  const inner = glob({ pattern: '*.{md,mdx}', base: path.join(contentDir, 'articles') });
  return {
    name: 'articles',
    load: async (context) => {
      const { problems } = readArticleFiles(contentDir);
      if (problems.length) throw new ContentError(problems);
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
