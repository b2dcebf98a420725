import type { APIRoute } from 'astro';
import { urls } from '../lib/site';
import { publicUrl } from '../lib/site-refs';

/**
 * `/robots.txt`, pointing crawlers at the sitemap. Crawlers only read it at the domain root:
 * a site deployed under a sub-path should have its `Sitemap:` line copied into the root one.
 */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: ${urls.home()}\n\nSitemap: ${publicUrl(urls.path('sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
