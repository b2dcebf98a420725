import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

const ARTICLE = 'articles/us-china-trade-framework/';

let browser: Browser;
let host: StaticHost;

beforeAll(async () => {
  host = await serveWithNginx(siteDir('seed'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('annotation cards in Chromium', () => {
  it('opens a card from the keyboard, closes it with Escape and returns focus to the trigger', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    // Tab from the top of the page until the first annotation has focus.
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'person-scott-bessent'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('[data-annotation]')?.id ?? '');
    }
    expect(focused).toBe('person-scott-bessent');
    await page.keyboard.press('Enter');
    const card = page.locator('#card-person-scott-bessent');
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await card.isVisible()).toBe(true);
    // The card has an accessible name and shows the essentials.
    const dialog = page.getByRole('dialog', { name: 'Person: Scott Bessent' });
    expect(await dialog.count()).toBe(1);
    expect(await dialog.innerText()).toContain('U.S. Treasury Secretary');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('popovertarget'))).toBe('card-person-scott-bessent');
    await page.close();
  });

  it('opens a card with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(host.url + ARTICLE);
    await page.click('#quote-very-substantial-framework > button');
    const card = page.locator('#card-quote-very-substantial-framework');
    expect(await card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('Said by Scott Bessent');
    // A nested passage opens from its own marker.
    await page.keyboard.press('Escape');
    await page.click('#claim-framework-avoids-tariffs > .annotation__marker');
    expect(await page.locator('#card-claim-framework-avoids-tariffs').isVisible()).toBe(true);
    await context.close();
  });

  it('reaches every annotation by keyboard, in reading order', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    const expected = await page.$$eval('.article__body [data-annotation]', (els) => els.map((el) => el.id));
    const reached: string[] = [];
    for (let i = 0; i < 200 && reached.length < expected.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('.annotation__trigger') ? el.closest('[data-annotation]')!.id : '';
      });
      if (id && !reached.includes(id)) reached.push(id);
    }
    // A nested passage's own marker follows the annotations inside it.
    const order = (ids: string[]) => ids.filter((id) => !id.startsWith('claim-'));
    expect(order(reached)).toEqual(order(expected));
    expect(new Set(reached)).toEqual(new Set(expected));
    await page.close();
  });
});
