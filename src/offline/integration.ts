import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { PRECACHE_BUDGET, type TransferBudget } from './precache-budget';
import { writeServiceWorker } from './service-worker';

interface OfflineIntegrationOptions {
  /** What a first visit's precache may download (default PRECACHE_BUDGET). */
  budget?: TransferBudget;
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1000)} kB`;

/**
 * Writes the service worker (`sw.js`) after every build. List it after the search
 * integration: it precaches the Pagefind runtime that one writes.
 */
export default function offlineIntegration({
  budget = PRECACHE_BUDGET,
}: OfflineIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'annotated-news:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, selection, warnings } = await writeServiceWorker({ outDir: fileURLToPath(dir), budget });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `Service worker precaches ${count} files, about ${kilobytes(selection.bytes)} on the wire (${kilobytes(size)} on disk; budget ${budget.requests} requests, ${kilobytes(budget.bytes)}).`,
        );
        if (selection.shellOverBudget) {
          logger.warn('The site shell alone exceeds the precache budget; it is precached anyway.');
        }
        if (!selection.wholeSite) {
          logger.info(
            `Larger than the first-visit budget: the shell and the newest articles are precached, ${selection.skippedArticles} older articles and the other pages are cached when opened.`,
          );
        }
      },
    },
  };
}
