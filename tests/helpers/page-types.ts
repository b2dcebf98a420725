import { listPages } from './html';

/**
 * The kinds of page a built site has, named by their first path segment (`articles`,
 * `people`, …; `home` for `/`, `404` for the not-found page), each with one example page.
 * A section's own index (`/people/` above `/people/<id>/`) is a kind of its own,
 * `<section>-index`, and embed pages `<section>-embed`. Derived from the build, so page types added later are audited
 * without a test change.
 */
export function pageTypes(distDir: string): Map<string, string> {
  const pages = listPages(distDir);
  const sections = new Set(pages.filter((page) => page.split('/').length > 3).map((page) => page.split('/')[1]));
  const types = new Map<string, string>();
  for (const page of pages) {
    if (!types.has(pageType(page, sections))) types.set(pageType(page, sections), page);
  }
  return types;
}

function pageType(page: string, sections: Set<string | undefined>): string {
  if (page === '/') return 'home';
  if (page === '/404.html') return '404';
  const parts = page.split('/');
  const section = parts[1]!.replace(/\.html$/, '');
  const isSectionIndex = parts.length === 3 && parts[2] === '' && sections.has(section);
  // A claim's card for other sites (`/claims/<id>/embed/`) is a page type of its own.
  if (parts.at(-2) === 'embed') return `${section}-embed`;
  return isSectionIndex ? `${section}-index` : section;
}
