import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './build-index';

export interface SearchIntegrationOptions {
  /** Where the content layer wrote the rendered articles (`siteConfig().renderedDir`). */
  renderedDir: string;
}

/**
 * Writes the Pagefind bundle (`/pagefind/`) after every build. A Pagefind error fails the
 * build. List it before the offline integration, which precaches the bundle.
 */
export default function searchIntegration({ renderedDir }: SearchIntegrationOptions): AstroIntegration {
  return {
    name: 'annotated-news:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({ outDir: fileURLToPath(dir), renderedDir });
        logger.info(
          `Indexed ${summary.articles} articles and ${summary.records} quotes, claims, figures and people in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
