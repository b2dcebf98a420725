import { siteUrls } from './urls';

/** The site's name, shown in the header, titles and feeds. */
export const SITE_NAME = 'The Annotated Wire';

/** URL helpers for pages, bound to this build's base path. */
export const urls = siteUrls(import.meta.env.BASE_URL);
