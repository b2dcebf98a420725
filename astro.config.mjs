// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkDirective from 'remark-directive';
import rehypeExternalLinks from 'rehype-external-links';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import remarkAnnotations from './src/annotations/remark-annotations.ts';
import rehypeArticleText from './src/annotations/rehype-article-text.ts';
import sitemap from '@astrojs/sitemap';
import search from './src/search/integration.ts';
import offline from './src/offline/integration.ts';
import { siteConfig } from './src/site-config.ts';
import securityHeaders from './src/integrations/security-headers.ts';

const { site, base, contentDir, outDir, cacheDir } = siteConfig(process.env, fileURLToPath(new URL('.', import.meta.url)));
const authoring = process.argv.includes('dev');

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
    // Article text is published verbatim: no quote or dash rewriting.
    smartypants: false,
    remarkPlugins: [remarkDirective, [remarkAnnotations, { contentDir: path.resolve(contentDir), base, fresh: authoring }]],
    rehypePlugins: [[rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }], rehypeArticleText],
  },
  // Search indexes the built pages; offline support then precaches them with the index.
  // Static MDX subtrees (annotation cards, endnotes) compile to HTML strings rather than JSX
  // calls: each article module is several times smaller, which cuts bundling time and memory.
  integrations: [
    mdx({ optimize: true }),
    sitemap(),
    securityHeaders(),
    search({ contentDir: path.resolve(contentDir) }),
    offline(),
  ],
});
