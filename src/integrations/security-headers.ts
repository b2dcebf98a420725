import fs from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/security-headers';

/**
 * Writes `_headers` into the build, so Netlify and Cloudflare Pages send the security
 * headers (with the same CSP as the pages' meta tag) for every path under the base path.
 */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await fs.writeFile(new URL('_headers', dir), headersFile(base));
        logger.info(`wrote _headers for ${base}*`);
      },
    },
  };
}
