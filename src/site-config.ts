import path from 'node:path';
import { normalizeBase } from './lib/urls';

interface SiteConfig {
  /** Public origin for canonical links, feeds and sitemaps (`SITE_URL`). */
  site: string;
  /** Sub-path the site is served under (`BASE_PATH`), with slashes on both ends. */
  base: string;
  /** Folder with articles/, people/ and claims/ (`CONTENT_DIR`, default `content`). */
  contentDir: string;
  /** Build output (`OUT_DIR`, default `dist`). */
  outDir: string;
  /** Astro's cache, kept beside a non-default output so parallel builds do not share it. */
  cacheDir: string;
  /** Rendered article bodies, written by the content layer and read by the pages. */
  renderedDir: string;
  /** Rendered articles kept between builds, keyed by content hash (see RenderCache). */
  renderCacheDir: string;
}

/** Reads the deploy settings from the environment, with the documented defaults. */
export function siteConfig(env: NodeJS.ProcessEnv, root: string): SiteConfig {
  const site = env.SITE_URL?.trim() || 'http://localhost:4321';
  try {
    const url = new URL(site);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new Error(
      `SITE_URL="${site}" is not an absolute http(s) origin; set it like SITE_URL=https://news.example.org`,
    );
  }
  const base = normalizeBase(env.BASE_PATH ?? '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) {
    throw new Error(`BASE_PATH="${env.BASE_PATH}" is not a URL path; set it like BASE_PATH=/news/`);
  }
  const contentDir = path.resolve(root, env.CONTENT_DIR || 'content');
  const outDir = path.resolve(root, env.OUT_DIR || 'dist');
  const cacheDir = env.OUT_DIR
    ? path.join(outDir, '..', `.astro-cache-${path.basename(outDir)}`)
    : path.resolve(root, 'node_modules/.astro');
  return {
    site,
    base,
    contentDir,
    outDir,
    cacheDir,
    renderedDir: path.join(cacheDir, 'rendered-articles'),
    renderCacheDir: path.join(cacheDir, 'render-cache'),
  };
}
