import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { pageTypes } from '../helpers/page-types';

const ARTICLE = 'articles/us-china-trade-framework/';
const PHONE = { width: 360, height: 740 };

let browser: Browser;
let seed: StaticHost;
let second: StaticHost;

beforeAll(async () => {
  browser = await launchChromium();
  seed = await serveWithNginx(siteDir('seed'));
  second = await serveWithNginx(siteDir('second'));
});

afterAll(async () => {
  await browser?.close();
  await seed?.stop();
  await second?.stop();
});

async function openArticle(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, javaScriptEnabled: false });
  await page.goto(url);
  return page;
}

/** Top of the first paragraph of the story, in CSS pixels from the top of the page. */
/** Where the story itself begins: its lead photograph, when it has one, else its first paragraph. */
const storyTop = (page: Page) =>
  page
    .locator('.article-figure--lead, .article__text p')
    .first()
    .evaluate((start) => start.getBoundingClientRect().top + window.scrollY);

const firstParagraphTop = (page: Page) =>
  page
    .locator('.article__text p')
    .first()
    .evaluate((p) => p.getBoundingClientRect().top + window.scrollY);

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether two boxes share any area. */
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the story comes first', () => {
  it('starts the seed article on the first 360×740 screen, with its date and credit under the headline', async () => {
    const page = await openArticle(seed.url + ARTICLE, PHONE);
    expect(await firstParagraphTop(page)).toBeLessThan(PHONE.height);
    const header = page.locator('.article__header');
    await expect.poll(() => header.locator('time').first().textContent()).toBe('Oct. 26, 2025');
    expect(await header.locator('.article__credits').textContent()).toMatch(/contributed to this report/);
    await page.close();
  });

  it('starts an article of another site, with a correction and a lead photograph, on the first 360×740 screen', async () => {
    const article = pageTypes(siteDir('second')).get('articles')!;
    const page = await openArticle(second.url + article.slice(1), PHONE);
    expect(await storyTop(page)).toBeLessThan(PHONE.height);
    const parts = await page.locator('.article__meta > span').allInnerTexts();
    // Authors, then the free-text byline, the place and the day, each its own item.
    expect(parts[0]).toMatch(/^By /);
    expect(parts).toContain('Riverton');
    expect(parts.some((part) => /^[A-Z][a-z]+\.? \d{1,2}, \d{4}$/.test(part))).toBe(true);
    const separator = await page
      .locator('.article__meta > span')
      .nth(1)
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(separator).toContain('·');
    await page.close();
  });
});

describe('margin notes', () => {
  it('are hidden on a phone, where the cards open in place', async () => {
    const page = await openArticle(seed.url + ARTICLE, PHONE);
    expect(await page.locator('.margin-note').first().isVisible()).toBe(false);
    await page.close();
  });

  it.each([1280, 1600])(
    'sit beside the text at %i px, one per annotation, never over the text or each other',
    async (width) => {
      const page = await openArticle(seed.url + ARTICLE, { width, height: 900 });
      const boxes = await page.evaluate(() => {
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY };
        };
        return {
          text: [...document.querySelectorAll('.article__text > *')].map(box),
          notes: [...document.querySelectorAll('.margin-note')].map(box),
          annotations: document.querySelectorAll('.article__text [data-annotation]').length,
          viewport: innerWidth,
        };
      });
      expect(boxes.notes).toHaveLength(boxes.annotations);
      for (const note of boxes.notes) {
        expect(note.right - note.left).toBeGreaterThan(150);
        expect(note.right).toBeLessThanOrEqual(boxes.viewport);
        for (const block of boxes.text) expect(overlaps(note, { ...block, right: block.right - 1 })).toBe(false);
      }
      boxes.notes.forEach((note, i) => {
        if (i > 0) expect(note.top).toBeGreaterThanOrEqual(boxes.notes[i - 1]!.bottom);
      });
      // Written by CSS from the marker's data: "1 Person · Scott Bessent, …".
      const first = await page
        .locator('.margin-note')
        .first()
        .evaluate((el) => getComputedStyle(el, '::after').content);
      expect(first).toContain('Person · Scott Bessent');
      await page.close();
    },
  );
});

describe('the annotations list', () => {
  it('is folded, grouped by kind, and opens on a link to one of its notes', async () => {
    const page = await openArticle(seed.url + ARTICLE, { width: 1280, height: 900 });
    const details = page.locator('.endnotes details');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('.endnotes summary').innerText()).toMatch(
      /^Annotations: 6 people, 6 quotes, 10 figures, 8 claims$/,
    );
    expect(await page.locator('.endnotes h3').allTextContents()).toEqual(['People', 'Quotes', 'Figures', 'Claims']);
    // Every annotation keeps its note target, though a person or claim is listed once.
    const notes = await page.locator('.endnotes [id^="note-"]').count();
    expect(notes).toBe(await page.locator('.article__text [data-annotation]').count());
    // A claim backed by several passages is one entry that links back to each of them.
    expect(await page.locator('.endnote--claim').count()).toBe(8);
    expect(
      await page.locator('#endnote-claim-framework-avoids-tariffs .endnote__mentions a').allTextContents(),
    ).toEqual(['3', '5', '6']);
    await page.goto(`${seed.url}${ARTICLE}#note-quote-very-substantial-framework`);
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#note-quote-very-substantial-framework').isVisible()).toBe(true);
    await page.close();
  });
});
