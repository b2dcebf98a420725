import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PRECACHE_BUDGET_BYTES } from './precache-budget';
import { writeServiceWorker } from './service-worker';

export interface OfflineIntegrationOptions {
  /** Precache size above which only the newest articles are kept (default 10 MiB). */
  budgetBytes?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/**
 * Writes the service worker (`sw.js`) after every build. List it after the search
 * integration: it precaches the Pagefind bundle that one writes.
 */
export default function offlineIntegration({
  budgetBytes = DEFAULT_PRECACHE_BUDGET_BYTES,
}: OfflineIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'annotated-news:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, bytes, selection, warnings } = await writeServiceWorker({
          outDir: fileURLToPath(dir),
          budgetBytes,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`Service worker precaches ${count} files, ${megabytes(bytes)} (budget ${megabytes(budgetBytes)}).`);
        if (selection.shellOverBudget) {
          logger.warn('The site shell and search index alone exceed the precache budget; they are precached anyway.');
        }
        if (selection.skippedArticles.length || selection.skippedCardPages) {
          logger.warn(
            `Over the precache budget: left out ${selection.skippedArticles.length} older articles and ${selection.skippedCardPages} card pages (they still work online).`,
          );
        }
      },
    },
  };
}
