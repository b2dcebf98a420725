import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { auditPage, describeViolations } from '../helpers/axe';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/** The second site's claim whose status changed: a History timeline and an "Also said" list. */
const CLAIM = 'claims/bridge-opens-in-spring/';

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

describe.each(['light', 'dark'] as const)('a claim page with a status history, %s colour scheme', (scheme) => {
  it('passes WCAG 2.0–2.2 A and AA (axe-core)', async () => {
    const page = await (await browser.newContext({ colorScheme: scheme })).newPage();
    await page.goto(second.url + CLAIM);
    expect(await page.locator('.claim-history .timeline > li').count()).toBe(2);
    const results = await auditPage(page);
    expect(results.passes.length).toBeGreaterThan(10);
    expect(describeViolations(results.violations)).toEqual([]);
    await page.context().close();
  });
});
