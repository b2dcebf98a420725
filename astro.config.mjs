// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { sitemapOptions } from './src/integrations/sitemap-options.ts';
import search from './src/search/integration.ts';
import offline from './src/offline/integration.ts';
import { siteConfig } from './src/site-config.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import devErrors from './src/integrations/dev-errors.ts';

const { site, base, outDir, cacheDir, renderedDir, recordsDir } = siteConfig(
  process.env,
  fileURLToPath(new URL('.', import.meta.url)),
);

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'ignore',
  output: 'static',
  build: {
    format: 'directory',
    // One external stylesheet and no inline code: the Content-Security-Policy forbids both.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  markdown: {
    // Articles go through the annotation pipeline in the content layer (src/collections/loaders.ts);
    // these settings apply to Markdown or MDX pages under src/pages: text stays verbatim.
    smartypants: false,
  },
  // Search indexes the built pages; offline support then precaches them with the index.
  // Content problems found while `npm run dev` runs are shown in the browser (dev only).
  // A build in parts (from content records) leaves the sitemap, search index and service
  // worker to its merge step, which sees every page (src/build/merge.ts).
  integrations:
    recordsDir === undefined
      ? [mdx(), sitemap(sitemapOptions), securityHeaders(), search({ renderedDir }), offline(), devErrors()]
      : [mdx(), securityHeaders(), devErrors()],
});
