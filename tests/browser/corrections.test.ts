import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { auditPage, describeViolations } from '../helpers/axe';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/** The page-type audit sees the seed site's empty /corrections/; this one has entries. */
let browser: Browser;
let second: StaticHost;

beforeAll(async () => {
  browser = await launchChromium();
  second = await serveWithNginx(siteDir('second'));
});

afterAll(async () => {
  await browser?.close();
  await second?.stop();
});

async function open(scheme: 'light' | 'dark', path: string): Promise<Page> {
  const page = await (await browser.newContext({ colorScheme: scheme })).newPage();
  const response = await page.goto(second.url + path);
  expect(response?.ok()).toBe(true);
  return page;
}

describe.each(['light', 'dark'] as const)('corrections, %s colour scheme', (scheme) => {
  it('the /corrections/ page with a correction: no axe violations', async () => {
    const results = await auditPage(await open(scheme, 'corrections/'));
    expect(results.passes.length).toBeGreaterThan(10);
    expect(describeViolations(results.violations)).toEqual([]);
  });

  it('the notice link leads to the list at the end of the article', async () => {
    const page = await open(scheme, 'articles/riverton-bridge/');
    await page.getByRole('link', { name: 'All corrections and updates' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#corrections-and-updates');
    const heading = page.getByRole('heading', { name: 'Corrections and updates' });
    expect(await heading.isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Corrections and updates' }).getByRole('listitem').count()).toBe(2);
  });
});
