import { listPages } from './html';

/**
 * The kinds of page a built site has, named by their first path segment (`articles`,
 * `people`, …; `home` for `/`, `404` for the not-found page), each with one example page.
 * Derived from the build, so page types added later are audited without a test change.
 */
export function pageTypes(distDir: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const page of listPages(distDir)) {
    const type = page === '/' ? 'home' : page === '/404.html' ? '404' : page.split('/')[1]!.replace(/\.html$/, '');
    if (!types.has(type)) types.set(type, page);
  }
  return types;
}
