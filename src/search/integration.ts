import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './build-index';

interface SearchIntegrationOptions {
  /** Where the content layer wrote the rendered articles (`siteConfig().renderedDir`). */
  renderedDir: string;
}

const count = new Intl.NumberFormat('en');

/**
 * Writes the Pagefind bundle (`/pagefind/`) after every build, saying how far it got every
 * thousand articles. A Pagefind error fails the build. List it before the offline
 * integration, which precaches the bundle.
 */
export default function searchIntegration({ renderedDir }: SearchIntegrationOptions): AstroIntegration {
  return {
    name: 'annotated-news:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({
          outDir: fileURLToPath(dir),
          renderedDir,
          onProgress: (indexed, total) =>
            logger.info(`Indexed ${count.format(indexed)} of ${count.format(total)} articles…`),
        });
        logger.info(
          `Indexed ${summary.articles} articles in ${summary.records} search records (articles with their quotes, claims and figures; people; claims no article states) in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
