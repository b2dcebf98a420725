import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { auditPage, describeViolations } from '../helpers/axe';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/** The second site's claim that the mayor disputes: a "Responses" section. */
const CLAIM = 'claims/lanes-cut-crashes/';

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

describe.each(['light', 'dark'] as const)('a claim page with responses, %s colour scheme', (scheme) => {
  it('passes WCAG 2.0–2.2 A and AA (axe-core)', async () => {
    const page = await (await browser.newContext({ colorScheme: scheme })).newPage();
    await page.goto(second.url + CLAIM);
    expect(await page.locator('.claim-responses__item').count()).toBe(1);
    const results = await auditPage(page);
    expect(results.passes.length).toBeGreaterThan(10);
    expect(describeViolations(results.violations)).toEqual([]);
    await page.context().close();
  });
});

describe('the claimant’s words and the responses', () => {
  /** Left edges of the claimant's words and of the first response. */
  async function columns(width: number): Promise<[number, number]> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.goto(second.url + CLAIM);
    const claim = (await page.locator('.claim-responses__claim').boundingBox())!;
    const response = (await page.locator('.claim-responses__item').boundingBox())!;
    await page.context().close();
    return [claim.x, response.x];
  }

  it('stack on a phone and stand side by side on a wide screen', async () => {
    const [claimX, responseX] = await columns(360);
    expect(responseX).toBe(claimX);
    const [wideClaimX, wideResponseX] = await columns(1280);
    expect(wideResponseX).toBeGreaterThan(wideClaimX + 200);
  });
});
