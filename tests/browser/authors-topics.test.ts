import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { auditPage, describeViolations } from '../helpers/axe';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/**
 * The seed has no author, so the page-type audit sees only `/authors/`: the second site's
 * author page, topic list and topic page (with people, claims and a status badge) are
 * audited here, in both colour schemes.
 */
const SCHEMES = ['light', 'dark'] as const;
const PAGES = ['authors/lena-hart/', 'authors/', 'topics/', 'topics/transport/'];

let browser: Browser;
let second: StaticHost;
const tabs = new Map<string, Page>();

beforeAll(async () => {
  browser = await launchChromium();
  second = await serveWithNginx(siteDir('second'));
  for (const scheme of SCHEMES) tabs.set(scheme, await (await browser.newContext({ colorScheme: scheme })).newPage());
});

afterAll(async () => {
  await browser?.close();
  await second?.stop();
});

describe.each(SCHEMES)('author and topic pages pass axe (WCAG A and AA), %s colour scheme', (scheme) => {
  it.each(PAGES)('%s', async (page) => {
    const tab = tabs.get(scheme)!;
    const response = await tab.goto(second.url + page);
    expect(response?.ok()).toBe(true);
    const results = await auditPage(tab);
    expect(results.passes.length).toBeGreaterThan(10);
    expect(describeViolations(results.violations)).toEqual([]);
  });
});
