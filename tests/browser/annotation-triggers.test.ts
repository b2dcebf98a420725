import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { pageTypes } from '../helpers/page-types';

let browser: Browser;
const hosts = new Map<string, StaticHost>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const site of ['seed', 'second']) hosts.set(site, await serveWithNginx(siteDir(site)));
});

afterAll(async () => {
  await browser?.close();
  for (const host of hosts.values()) await host.stop();
});

const articleUrl = (site: string) => hosts.get(site)!.url + pageTypes(siteDir(site)).get('articles')!.slice(1);

/** Each annotation's id with the centre of the middle line box of its longest trigger segment. */
async function middlesOfWords(page: Page, id: string): Promise<{ x: number; y: number; hit: string }> {
  return page.evaluate((annotationId) => {
    const annotation = document.getElementById(annotationId)!;
    const segments = [...annotation.querySelectorAll<HTMLElement>(':scope > .annotation__trigger')];
    const longest = segments.sort((a, b) => b.textContent!.trim().length - a.textContent!.trim().length)[0]!;
    longest.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rects = [...longest.getClientRects()].filter((rect) => rect.width > 4);
    const rect = rects[Math.floor(rects.length / 2)]!;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const hit = document.elementFromPoint(x, y)?.closest('[data-annotation]')?.id ?? '';
    return { x, y, hit };
  }, id);
}

type Way = 'click' | 'tap' | 'click without JavaScript';

const WAYS: Record<Way, BrowserContextOptions> = {
  click: { viewport: { width: 1280, height: 900 } },
  tap: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
  'click without JavaScript': { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false },
};

/** Opens every annotation's card from the middle of its words; lists those that did not open. */
async function openEvery(site: string, way: Way): Promise<{ count: number; problems: string[] }> {
  // Reduced motion: no smooth scrolling, so a measured point stays where it was measured.
  const context = await browser.newContext({ ...WAYS[way], reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(articleUrl(site));
  const ids = await page.$$eval('.article__body [data-annotation]', (els) => els.map((el) => el.id));
  const problems: string[] = [];
  for (const id of ids) {
    if (way === 'click without JavaScript') await page.evaluate(() => (location.hash = '#main'));
    const point = await middlesOfWords(page, id);
    if (point.hit !== id) {
      problems.push(`${id}: the middle of its words belongs to ${point.hit || 'nothing'}`);
      continue;
    }
    if (way === 'tap') await page.touchscreen.tap(point.x, point.y);
    else await page.mouse.click(point.x, point.y);
    const card = page.locator(`#card-${id}`);
    const shown = await card
      .waitFor({ state: 'visible', timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) problems.push(`${id}: no card after a ${way}`);
    if (way !== 'click without JavaScript') {
      const open = await card.evaluate((el) => el.matches(':popover-open'));
      if (!open) problems.push(`${id}: the card is not an open popover`);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden', timeout: 2_000 });
    }
  }
  await context.close();
  return { count: ids.length, problems };
}

describe.each(['seed', 'second'])('every annotation of the %s article opens from its own words', (site) => {
  it.each(Object.keys(WAYS) as Way[])('by %s', async (way) => {
    const { count, problems } = await openEvery(site, way);
    expect(count).toBeGreaterThan(site === 'seed' ? 20 : 3);
    expect(problems).toEqual([]);
  });
});

describe('the marking control', () => {
  const decoration = (page: Page, kind: string) =>
    page
      .locator(`.article__body .annotation--${kind} > .annotation__trigger`)
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);

  it('turns each kind of mark off and on again without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(articleUrl('seed'));
    await page.mouse.move(0, 0);
    for (const kind of ['person', 'quote', 'figure', 'claim']) {
      expect(await decoration(page, kind)).toBe('underline');
      await page.locator(`#mark-${kind}`).uncheck();
      expect(await decoration(page, kind)).toBe('none');
    }
    // Turned off, the words still open their card.
    await page.locator('#quote-very-substantial-framework > .annotation__trigger').click();
    expect(await page.locator('#card-quote-very-substantial-framework').isVisible()).toBe(true);
    await page.locator('#mark-quote').check();
    expect(await decoration(page, 'quote')).toBe('underline');
    expect(await decoration(page, 'person')).toBe('none');
    await context.close();
  });

  it('remembers the choice on the next page with JavaScript', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(articleUrl('seed'));
    await page.locator('#mark-figure').uncheck();
    await page.goto(hosts.get('seed')!.url);
    await page.goto(articleUrl('seed'));
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('#mark-figure').isChecked()).toBe(false);
    expect(await decoration(page, 'figure')).toBe('none');
    expect(await decoration(page, 'quote')).toBe('underline');
    await context.close();
  });
});
