import fs from 'node:fs';
import path from 'node:path';
import { ContentError, formatProblem } from '../content/problems';
import {
  articleLinks,
  readContentRecords,
  recordsFile,
  writeContentRecords,
  type ArticleLinks,
} from '../collections/content-records';
import { renderContent } from '../collections/render-content';
import { RenderedArticles } from '../collections/rendered-articles';
import { siteConfig } from '../site-config';
import type { BuildLayout } from './layout';

const LOGGED_WARNINGS = 20;

/** Links of the articles whose rendered body is as it was, from the previous records. */
function previousLinks(recordsDir: string, root: string): Map<string, { digest: string; link: ArticleLinks }> {
  if (!fs.existsSync(recordsFile(recordsDir))) return new Map();
  try {
    const { articles, links } = readContentRecords(recordsDir, root);
    const bySlug = new Map(links.map((link) => [link.slug, link]));
    return new Map(articles.map(({ slug, digest }) => [slug, { digest, link: bySlug.get(slug)! }]));
  } catch {
    return new Map();
  }
}

/**
 * The content step of a build in parts: checks the whole content and renders each article
 * once (reusing the render cache), then writes the records every part and the site pages
 * build from. A content problem stops it with the same messages as `npm run check`.
 */
export function buildContentRecords(layout: BuildLayout, log: (line: string) => void): void {
  const { contentDir, base, site } = siteConfig(process.env, layout.root);
  const renderedDir = path.join(layout.recordsDir, 'rendered-articles');
  const earlier = previousLinks(layout.recordsDir, layout.root);
  const { check, articles, cacheSummary } = renderContent(
    { contentDir, base, site, renderedDir, renderCacheDir: layout.renderCacheDir },
    (message) => log(`warning: ${message}`),
    log,
  );
  if (check.problems.length) throw new ContentError(check.problems);
  if (cacheSummary) log(cacheSummary);
  for (const warning of check.warnings.slice(0, LOGGED_WARNINGS)) log(formatProblem({ ...warning, hint: undefined }));
  if (check.warnings.length > LOGGED_WARNINGS) {
    log(`and ${check.warnings.length - LOGGED_WARNINGS} more warnings; run npm run check`);
  }
  const rendered = new RenderedArticles(renderedDir);
  const links = articles.map(({ slug, digest }) => {
    const known = earlier.get(slug);
    return known?.digest === digest && known.link
      ? known.link
      : articleLinks(slug, rendered.annotations(slug).annotations);
  });
  writeContentRecords(layout.recordsDir, layout.root, articles, links, check.registry);
  log(`Wrote the content records of ${articles.length.toLocaleString('en')} articles.`);
}
