import { describe, expect, it } from 'vitest';
import { serveSite } from '../helpers/served-site';

/** The second site's article: a lead photograph under the headline and one in the text. */
const ARTICLE = 'articles/riverton-bridge/';

const second = serveSite('second');

const LAYOUT_SHIFT_OBSERVER = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

describe('photographs in Chromium', () => {
  for (const width of [360, 1280]) {
    it(`load as AVIF at a width that fits, without moving the text (${width} px)`, async () => {
      const page = await second.browser().newPage({ viewport: { width, height: 800 } });
      await page.addInitScript({ content: LAYOUT_SHIFT_OBSERVER });
      const images: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'image') images.push(response.url());
      });
      await page.goto(`${second.url()}${ARTICLE}`, { waitUntil: 'load' });
      // Scroll the text photograph into view so the lazy one loads too, then wait for both.
      await page.locator('.article__text .article-figure').scrollIntoViewIfNeeded();
      // The article's photographs; a portrait in a card or a note loads when it is shown.
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.article-figure img')].every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      );
      const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
      expect(shift).toBeLessThan(0.01);
      const photos = images.filter((url) => /\/_astro\//.test(url));
      expect(photos).toHaveLength(2);
      for (const url of photos) expect(url).toMatch(/\.avif$/);
      const rendered = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.article-figure img')].map((img) => ({
          shown: img.getBoundingClientRect().width,
          loaded: img.naturalWidth,
        })),
      );
      for (const { shown, loaded } of rendered) {
        expect(loaded).toBeGreaterThanOrEqual(Math.min(shown, 1440) * 0.99);
        expect(shown).toBeLessThanOrEqual(width);
      }
      await page.close();
    });
  }
});
