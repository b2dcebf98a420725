import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../src/lib/csp';
import { nginxEmbedLocation, nginxHeaders } from '../../src/lib/security-headers';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { crawl, type CrawlResult } from '../helpers/crawl';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { FIXTURES } from '../helpers/paths';
import { listFiles } from '../helpers/site-files';
import { TEST_SITES } from '../setup/build-sites';

/** A built file's URL under the base path: `articles/x/index.html` is served as `articles/x/`. */
const servedPath = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('the crawl', () => {
  it('reports broken links, missing fragments and links that leave the base path', async () => {
    const host = await serveWithNginx(path.join(FIXTURES, 'broken-site'), '/news/');
    try {
      const result = await crawl({ url: host.url, siteUrl: 'https://news.example.org' });
      expect(result.broken).toEqual(['/news/ → /news/missing/ (404)', '/news/style.css → /news/missing.png (404)']);
      expect(result.escaped).toEqual(['/news/ → /outside/', '/news/ → https://news.example.org/elsewhere/']);
      expect(result.missingFragments).toEqual(['/news/ → /news/page.html#nowhere']);
      expect(result.pages).toBe(2);
    } finally {
      await host.stop();
    }
  });
});

describe.each(TEST_SITES.map((site) => ({ siteUrl: 'http://localhost:4321', basePath: '/', ...site })))(
  'the "$name" site on nginx at $basePath',
  ({ name, basePath, siteUrl }) => {
    let host: StaticHost;
    let result: CrawlResult;
    const dist = siteDir(name);
    const files = listFiles(dist);

    beforeAll(async () => {
      // Served the way README tells deployers to: with its security headers.
      host = await serveWithNginx(dist, basePath, {
        serverDirectives: `${nginxHeaders()}\n${nginxEmbedLocation(basePath)}`,
      });
      result = await crawl({ url: host.url, siteUrl, start: files.map(servedPath) });
    });

    afterAll(async () => {
      await host?.stop();
    });

    it('answers 200 for every page and every internal href and src, from the home page and every built file', () => {
      expect(result.broken).toEqual([]);
      expect(result.pages).toBeGreaterThanOrEqual(files.filter((file) => file.endsWith('.html')).length);
      expect(result.statuses.size).toBeGreaterThanOrEqual(files.length);
    });

    it('keeps every link and asset under the base path', () => {
      expect(result.escaped).toEqual([]);
      expect([...result.statuses.keys()].filter((url) => !url.startsWith(host.url))).toEqual([]);
    });

    it('finds the target of every link to a fragment', () => {
      expect(result.missingFragments).toEqual([]);
    });

    it('serves pages, styles and scripts with types a browser that does not sniff will use', () => {
      const wrong = [...result.types].filter(([url, type]) => {
        const extension = path.extname(new URL(url).pathname);
        if (url.endsWith('/') || extension === '.html') return !type.startsWith('text/html');
        if (extension === '.css') return !type.startsWith('text/css');
        if (extension === '.js') return !/^(application|text)\/javascript/.test(type);
        if (extension === '.wasm') return type !== 'application/wasm';
        return false;
      });
      expect(wrong).toEqual([]);
    });

    it("answers unknown paths with 404 and the site's not-found page, with the security headers", async () => {
      const notFound = fs.readFileSync(path.join(dist, '404.html'), 'utf8');
      const unknown = ['no-such-page/', 'articles/no-such-article/', 'people/nobody/', 'no-such-file.css', 'index.htm'];
      if (basePath !== '/') unknown.push('/no-such-page/');
      for (const pathname of unknown) {
        const response = await fetch(new URL(pathname, host.url));
        expect(response.status, pathname).toBe(404);
        expect(await response.text(), pathname).toBe(notFound);
        expect(response.headers.get('content-security-policy'), pathname).toBe(CONTENT_SECURITY_POLICY_HEADER);
      }
    });

    it('sends the documented security headers', async () => {
      const response = await fetch(host.url);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBeTruthy();
    });

    it('loads an article in Chromium with no failed request, console error or policy violation', async () => {
      const article = servedPath(files.find((file) => /^articles\/[^/]+\/index\.html$/.test(file))!);
      browser ??= await launchChromium();
      const context = await browser.newContext();
      const problems: string[] = [];
      const requested: string[] = [];
      context.on('request', (request) => void requested.push(request.url()));
      context.on(
        'requestfailed',
        (request) => void problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
      );
      context.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
        ),
      );
      await page.goto(host.url + article, { waitUntil: 'networkidle' });
      // Open a card too: everything a reader does on the page stays within the policy.
      await page.locator('.article__body .annotation__trigger').first().click();
      await page.waitForLoadState('networkidle');
      await context.close();
      expect(problems).toEqual([]);
      expect(requested.filter((url) => !url.startsWith(host.url))).toEqual([]);
      expect(requested.length).toBeGreaterThan(1);
    });
  },
);
