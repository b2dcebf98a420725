/**
 * Registers the service worker once the page has fully loaded, so precaching the site never
 * competes with the page itself. Only in built sites: `astro dev` has no `sw.js`.
 */
import { siteUrls } from '../lib/urls';
import { SERVICE_WORKER_FILE } from './service-worker-file';

function register(base: string): void {
  const urls = siteUrls(base);
  navigator.serviceWorker.register(urls.path(SERVICE_WORKER_FILE), { scope: urls.base }).catch((error: unknown) => {
    // Offline reading is an extra; the site works without it.
    console.warn('The offline copy of this site could not be set up:', error);
  });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  if (document.readyState === 'complete') register(base);
  else window.addEventListener('load', () => register(base), { once: true });
}
