/** The offline page (what the service worker shows for a page not kept offline) is not for search engines. */
export const sitemapOptions = { filter: (page: string) => !page.endsWith('/offline/') };
