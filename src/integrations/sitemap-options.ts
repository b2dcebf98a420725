/**
 * Not for search engines: the offline page (what the service worker shows for a page not kept
 * offline) and the claim cards made for other sites to frame (each claim's page is listed).
 */
export const sitemapOptions = {
  filter: (page: string) => !page.endsWith('/offline/') && !/\/claims\/[^/]+\/embed\/$/.test(page),
};
