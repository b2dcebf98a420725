import { SITE_NAME, urls } from './site';
import { absoluteUrl, type SiteRefs } from './urls';

/** This build's public origin (`SITE_URL`), base path and name, for absolute URLs. */
export const siteRefs: SiteRefs = { site: import.meta.env.SITE, urls, siteName: SITE_NAME };

/** Absolute URL of a site path built with `urls` (feeds, JSON-LD, Open Graph). */
export const publicUrl = (sitePath: string) => absoluteUrl(siteRefs.site, sitePath);
