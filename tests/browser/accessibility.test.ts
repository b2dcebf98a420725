import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { auditPage, describeViolations } from '../helpers/axe';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { pageTypes } from '../helpers/page-types';

const SCHEMES = ['light', 'dark'] as const;
const ARTICLE = 'articles/us-china-trade-framework/';

let browser: Browser;
let seed: StaticHost;
let second: StaticHost;
/** One tab per colour scheme, reused from test to test: audits are the slow part. */
const tabs = new Map<string, Page>();

beforeAll(async () => {
  browser = await launchChromium();
  seed = await serveWithNginx(siteDir('seed'));
  second = await serveWithNginx(siteDir('second'));
  for (const scheme of SCHEMES) tabs.set(scheme, await (await browser.newContext({ colorScheme: scheme })).newPage());
});

afterAll(async () => {
  await browser?.close();
  await seed?.stop();
  await second?.stop();
});

async function open(scheme: string, url: string): Promise<Page> {
  const page = tabs.get(scheme)!;
  const response = await page.goto(url);
  expect(response?.ok() || response?.status() === 404, `${url} answered ${response?.status()}`).toBe(true);
  return page;
}

async function violations(page: Page, minPasses = 10): Promise<string[]> {
  const results = await auditPage(page);
  // Proof that the rules ran on real content, so an empty list means something.
  expect(results.passes.length).toBeGreaterThan(minPasses);
  return describeViolations(results.violations);
}

describe('page types', () => {
  it('include every type readers rely on', () => {
    const types = [...pageTypes(siteDir('seed')).keys()];
    expect(types).toEqual(
      expect.arrayContaining(['home', 'articles', 'people', 'people-index', 'claims', 'claims-index', 'quotes', '404']),
    );
  });

  it('are shown in the colour scheme the reader asks for', async () => {
    const background = async (scheme: string) =>
      (await open(scheme, seed.url)).evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background('light')).not.toBe(await background('dark'));
  });
});

describe.each(SCHEMES)('WCAG 2.0–2.2 A and AA (axe-core), %s colour scheme', (scheme) => {
  // Derived from the build: a page type added later is audited without changing this test.
  it.each([...pageTypes(siteDir('seed'))])('%s page (%s): no violations', async (type, page) => {
    // A claim card to embed is a few lines: fewer rules apply to it.
    const minPasses = type.endsWith('-embed') ? 5 : 10;
    expect(await violations(await open(scheme, seed.url + page.slice(1)), minPasses)).toEqual([]);
  });

  it('an article of another site, with other claim statuses: no violations', async () => {
    const page = pageTypes(siteDir('second')).get('articles')!;
    expect(await violations(await open(scheme, second.url + page.slice(1)))).toEqual([]);
  });

  it('the article with a card of each kind open: no violations', async () => {
    const page = await open(scheme, seed.url + ARTICLE);
    const found: Record<string, string[]> = {};
    for (const kind of ['person', 'quote', 'figure', 'claim']) {
      // The first segment of the annotation's own words, the one in the tab order.
      const trigger = page.locator(`.article__body [data-annotation="${kind}"] > .annotation__trigger`).first();
      await trigger.focus();
      await page.keyboard.press('Enter');
      const card = page.locator(`${await trigger.getAttribute('href')}`);
      await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(true);
      // Audit the card as it rests, not halfway through its fade-in.
      await card.evaluate((el) =>
        Promise.all(el.getAnimations({ subtree: true }).map((animation) => animation.finished)),
      );
      found[kind] = await violations(page);
      await page.keyboard.press('Escape');
    }
    expect(found).toEqual({ person: [], quote: [], figure: [], claim: [] });
  });

  it.each([
    ['every mark off', ['person', 'quote', 'figure', 'claim']],
    ['some marks off', ['quote', 'claim']],
  ])('the article with %s in the marking control: no violations', async (_state, off) => {
    const page = await open(scheme, seed.url + ARTICLE);
    for (const kind of off) await page.locator(`#mark-${kind}`).uncheck();
    expect(await violations(page)).toEqual([]);
    for (const kind of off) await page.locator(`#mark-${kind}`).check();
  });
});
