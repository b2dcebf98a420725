import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegrationLogger } from 'astro';
import { sitemapOptions } from '../integrations/sitemap-options';

/** Site paths (`articles/x/`, `` for the front page) of every page of a built site, sorted. */
function builtPages(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith(`${path.sep}index.html`) || file === '404.html')
    .map((file) => (file === '404.html' ? '404' : file.slice(0, -'index.html'.length).split(path.sep).join('/')))
    .sort();
}

/**
 * Writes the sitemap of the merged site with the same integration a whole build runs, given
 * every page the parts and the site step wrote.
 */
export async function writeSitemap(
  outDir: string,
  settings: { site: string; base: string },
  logger: AstroIntegrationLogger,
): Promise<void> {
  const hooks = sitemap(sitemapOptions).hooks as Record<string, (options: unknown) => Promise<void> | void>;
  const config = { site: settings.site, base: settings.base, trailingSlash: 'ignore', build: { format: 'directory' } };
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config });
  const pages = builtPages(outDir).map((pathname) => ({ pathname }));
  await hooks['astro:build:done']!({ dir: pathToFileURL(outDir + path.sep), pages, logger });
}
