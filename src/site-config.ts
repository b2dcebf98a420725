import path from 'node:path';
import { parsePart, type PartSpec } from './lib/build-parts';
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
  /**
   * Which pages this Astro process writes (`BUILD_SCOPE`): `whole` (every page, with the
   * sitemap, search index and service worker), `part` (the articles and claims of `part`) or
   * `site` (the pages that span the archive). See README, "Builds in parts".
   */
  scope: BuildScope;
  /** The part a `part` build writes (`BUILD_PART=3/8`). */
  part?: PartSpec;
  /**
   * The content records a build in parts reads instead of checking and rendering the content
   * itself (`BUILD_RECORDS`): the rendered articles, their entries and the registry.
   */
  recordsDir?: string;
}

type BuildScope = 'whole' | 'part' | 'site';

/** The scope, part and records of a build in parts, from `BUILD_SCOPE`, `BUILD_PART` and `BUILD_RECORDS`. */
function buildScope(env: NodeJS.ProcessEnv, root: string): Pick<SiteConfig, 'scope' | 'part' | 'recordsDir'> {
  const scope = (env.BUILD_SCOPE || 'whole') as BuildScope;
  if (!['whole', 'part', 'site'].includes(scope)) {
    throw new Error(`BUILD_SCOPE="${env.BUILD_SCOPE}" is not a scope; use whole, part or site`);
  }
  const recordsDir = env.BUILD_RECORDS ? path.resolve(root, env.BUILD_RECORDS) : undefined;
  if (scope === 'whole') return recordsDir ? { scope, recordsDir } : { scope };
  if (!recordsDir) throw new Error(`BUILD_SCOPE=${scope} needs BUILD_RECORDS, the content records to build from`);
  if (scope === 'site') return { scope, recordsDir };
  if (!env.BUILD_PART) throw new Error('BUILD_SCOPE=part needs BUILD_PART, the part to build, such as BUILD_PART=3/8');
  return { scope, part: parsePart(env.BUILD_PART), recordsDir };
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
  const scope = buildScope(env, root);
  return {
    site,
    base,
    contentDir,
    outDir,
    cacheDir,
    renderedDir: path.join(scope.recordsDir ?? cacheDir, 'rendered-articles'),
    renderCacheDir: path.join(cacheDir, 'render-cache'),
    ...scope,
  };
}
