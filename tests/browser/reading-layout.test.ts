import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/**
 * Where things sit on the article page: cards never over the story's other lines, the words
 * that opened a card kept in view on a phone, margin notes level with their numbered lines,
 * a comfortable measure, and nested annotations told apart without colour.
 */
const ARTICLE = 'articles/us-china-trade-framework/';
const PHONE = { width: 360, height: 740 };

let browser: Browser;
let seed: StaticHost;

beforeAll(async () => {
  browser = await launchChromium();
  seed = await serveWithNginx(siteDir('seed'));
});

afterAll(async () => {
  await browser?.close();
  await seed?.stop();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The line boxes of the story's text (margin notes and cards excluded), in viewport pixels. */
function storyLines(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const lines: { left: number; right: number; top: number; bottom: number }[] = [];
    for (const part of document.querySelectorAll('.article__text')) {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.margin-note, .card')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects())
          lines.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
    }
    return lines;
  });
}

const boxOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });

/** The line box of a trigger's first line. */
const triggerLine = (page: Page, id: string) =>
  page
    .locator(`#${id} > .annotation__trigger`)
    .first()
    .evaluate((el) => {
      const r = el.getClientRects()[0]!;
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });

describe('on a phone, the words that open a card stay in view', () => {
  const ID = 'quote-they-want-to-make-a-deal';

  async function tapInLowerHalf(page: Page) {
    // Bring the words to the lower half of the screen, where a sheet would cover them.
    await page.locator(`#${ID}`).evaluate((el) => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top - window.innerHeight * 0.8, behavior: 'instant' as ScrollBehavior });
    });
    const before = await page.evaluate(() => window.scrollY);
    expect((await triggerLine(page, ID)).top).toBeGreaterThan(PHONE.height / 2);
    await page.locator(`#${ID} > .annotation__trigger`).first().tap();
    const card = page.locator(`#card-${ID}`);
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    await page.waitForTimeout(200);
    const [trigger, sheet] = await Promise.all([triggerLine(page, ID), boxOf(page, `#card-${ID}`)]);
    expect(overlaps(trigger, sheet), `words ${JSON.stringify(trigger)} under the card ${JSON.stringify(sheet)}`).toBe(
      false,
    );
    expect(trigger.top).toBeGreaterThanOrEqual(0);
    return before;
  }

  it.each(['Escape', 'the close button', 'a tap outside'])(
    'opens the card below the tapped words and, closed with %s, leaves the reader where they were',
    async (how) => {
      const page = await browser.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
      await page.goto(seed.url + ARTICLE);
      const before = await tapInLowerHalf(page);
      if (how === 'Escape') await page.keyboard.press('Escape');
      else if (how === 'the close button') await page.locator(`#card-${ID} .card__close`).tap();
      // In the right gutter, beside the text: nothing there to follow.
      else await page.touchscreen.tap(PHONE.width - 6, 120);
      const card = page.locator(`#card-${ID}`);
      await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(false);
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(before));
      expect(await page.evaluate(() => document.activeElement?.closest('.annotation')?.id)).toBe(ID);
      await page.close();
    },
  );
});

describe('nothing covers the story', () => {
  const CARDS = [
    'figure-nov-1',
    'claim-tariff-threat-from-nov-1',
    'person-scott-bessent',
    'quote-they-want-to-make-a-deal',
  ];

  it.each([
    [1280, true],
    [1600, true],
    [1280, false],
  ])(
    'at %i px (JavaScript %s) a card opens in the margin beside its words, over no line of the story',
    async (width, js) => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: js });
      await page.goto(seed.url + ARTICLE);
      for (const id of CARDS) {
        const trigger = page.locator(`#${id} > .annotation__trigger`).first();
        await trigger.scrollIntoViewIfNeeded();
        await trigger.click();
        const card = page.locator(`#card-${id}`);
        await expect.poll(() => card.isVisible()).toBe(true);
        const [box, line, lines] = await Promise.all([
          boxOf(page, `#card-${id}`),
          triggerLine(page, id),
          storyLines(page),
        ]);
        for (const other of lines) expect(overlaps(box, other), `card ${id} over a line of the story`).toBe(false);
        expect(box.right).toBeLessThanOrEqual(width);
        if (js) {
          // Level with the words, beside them.
          expect(Math.abs(box.top - line.top)).toBeLessThan(24);
        }
        await page.keyboard.press('Escape');
        if (!js) await page.goto(seed.url + ARTICLE);
      }
      await page.close();
    },
  );

  it('shows no label over the neighbouring lines when a trigger is hovered or focused', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(seed.url + ARTICLE);
    const trigger = page.locator('#figure-sunday > .annotation__trigger');
    await trigger.hover();
    expect(await trigger.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
    await trigger.focus();
    expect(await trigger.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
    await page.close();
  });
});

describe('adjacent annotations', () => {
  it('show where one ends and the next begins, without colour', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(seed.url + ARTICLE);
    // "will avoid 100 percent U.S. tariffs…": a claim with a figure inside it.
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationStyle);
    const outer = await style('#claim-framework-avoids-tariffs > .annotation__trigger');
    const inner = await style('#claim-framework-avoids-tariffs .annotation > .annotation__trigger');
    expect(outer).toBe('solid');
    expect(inner).not.toBe(outer);
    await page.close();
  });
});

/** Characters on each full line of the story's paragraphs (every line but a paragraph's last). */
function lineLengths(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const lengths: number[] = [];
    for (const p of document.querySelectorAll('.article__text > p')) {
      const counts = new Map<number, number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const line = Math.round(rect.top / 4);
          counts.set(line, (counts.get(line) ?? 0) + 1);
        }
      }
      lengths.push(...[...counts.values()].slice(0, -1));
    }
    return lengths;
  });
}

describe('a comfortable measure', () => {
  it.each([
    [360, 30, 50],
    [768, 45, 75],
    [1024, 45, 75],
    [1280, 45, 75],
    [1600, 45, 75],
  ])('at %i px the story’s lines hold %i to %i characters', async (width, least, most) => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    await page.goto(seed.url + ARTICLE);
    const lengths = await lineLengths(page);
    expect(lengths.length).toBeGreaterThan(10);
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(Math.min(...lengths), `shortest of ${lengths.join(', ')}`).toBeGreaterThanOrEqual(least - 8);
    expect(Math.max(...lengths), `longest of ${lengths.join(', ')}`).toBeLessThanOrEqual(most);
    expect(average).toBeGreaterThanOrEqual(least);
    await page.close();
  });
});
