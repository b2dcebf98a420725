import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { siteDir } from './build-site';
import { launchChromium } from './chromium';
import { serveWithNginx, type StaticHost } from './nginx';

/** A built test site served by nginx, and a Chromium to read it with. */
export interface ServedSite {
  browser(): Browser;
  /** Base URL of the site, ending in `/`. */
  url(): string;
  /** Opens a site path (`articles/x/`) in a fresh context and checks that it answered 200. */
  open(path: string, options?: BrowserContextOptions): Promise<Page>;
}

/** Serves one of the test sites for the tests of this file: started before them, stopped after. */
export function serveSite(name: string): ServedSite {
  let browser: Browser | undefined;
  let host: StaticHost | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    host = await serveWithNginx(siteDir(name));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  return {
    browser: () => browser!,
    url: () => host!.url,
    async open(path, options = {}) {
      const page = await (await browser!.newContext(options)).newPage();
      const response = await page.goto(host!.url + path);
      expect(response?.ok()).toBe(true);
      return page;
    },
  };
}
