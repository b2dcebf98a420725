/**
 * The site's icon as a square PNG, rendered at build time from `public/favicon.svg` (the one
 * drawing): the publisher's `logo` in JSON-LD, and the `image` of an article without a
 * photograph. Google asks for a logo of at least 112 px and an article image of at least
 * 50,000 pixels; 512 × 512 is both.
 */
export const SITE_ICON = { file: 'site-icon.png', size: 512 } as const;
