import type { RenderedPage } from '../annotations/check-pages';
import { TRANSPARENCY_PAGES } from '../content/page-files';
import { siteConfig } from '../site-config';
import { RenderedArticles } from './rendered-articles';

let cached: RenderedPage[] | undefined;

/**
 * The newsroom's pages as the pipeline rendered them, the transparency pages first in their
 * usual order (methodology, corrections policy, funding and ownership, contact), then the
 * others by title. Read once per build: the footer of every page lists them.
 */
export function sitePages(): RenderedPage[] {
  if (cached) return cached;
  const pages = new RenderedArticles(siteConfig(process.env, process.cwd()).renderedDir).pagesIfWritten();
  // None yet while the content has a problem: the page shows that problem, and the next read finds them.
  if (!pages) return [];
  const rank = (slug: string) => {
    const index = TRANSPARENCY_PAGES.findIndex((page) => page.slug === slug);
    return index < 0 ? TRANSPARENCY_PAGES.length : index;
  };
  cached = [...pages].sort((a, b) => rank(a.slug) - rank(b.slug) || a.data.title.localeCompare(b.data.title));
  return cached;
}
