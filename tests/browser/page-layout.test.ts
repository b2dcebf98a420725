import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { pageTypes } from '../helpers/page-types';

const WIDTHS = [360, 768, 1280, 1600];

let browser: Browser;
let host: StaticHost;
let page: Page;

beforeAll(async () => {
  host = await serveWithNginx(siteDir('seed'));
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Where the text of the header, the main column and the footer starts, in CSS pixels. */
function leftEdges(tab: Page) {
  return tab.evaluate(() => {
    const contentLeft = (selector: string) => {
      const element = document.querySelector(selector)!;
      const style = getComputedStyle(element);
      return element.getBoundingClientRect().left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    };
    return {
      header: document.querySelector('.site-header__name')!.getBoundingClientRect().left,
      headerBox: contentLeft('.site-header__inner'),
      main: contentLeft('main'),
      footer: document.querySelector('.site-footer p')!.getBoundingClientRect().left,
    };
  });
}

describe('one column for header, main and footer', () => {
  // Every page type of the build, so a new page is held to the same column; but the claim cards
  // made for other sites' frames, which have no site header or footer.
  const pages = [...pageTypes(siteDir('seed'))].filter(([type]) => !type.endsWith('-embed'));

  it.each(WIDTHS)('starts at the same left edge at %i px on every page type', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    const misaligned: string[] = [];
    for (const [type, path] of pages) {
      await page.goto(host.url + path.slice(1));
      const edges = await leftEdges(page);
      const spread = Math.max(...Object.values(edges)) - Math.min(...Object.values(edges));
      if (spread > 1) misaligned.push(`${type} (${path}): ${JSON.stringify(edges)}`);
    }
    expect(misaligned).toEqual([]);
  });
});

describe('the site header', () => {
  it.each([1280, 1600, 768])('fits on one row at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(host.url);
    const row = await page.evaluate(() => {
      const centre = (selector: string) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return box.top + box.height / 2;
      };
      return {
        height: document.querySelector('.site-header')!.getBoundingClientRect().height,
        centres: [centre('.site-header__name'), centre('.site-nav'), centre('.site-search')],
      };
    });
    expect(row.height).toBeLessThan(72);
    expect(Math.max(...row.centres) - Math.min(...row.centres)).toBeLessThan(8);
  });
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const s = Number(c) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('search in the dark colour scheme', () => {
  it('keeps a result link readable on its highlight and rings the focused box in the accent colour', async () => {
    const dark = await browser.newPage({ colorScheme: 'dark' });
    await dark.goto(`${host.url}search/?q=substantial`);
    const mark = dark.locator('.search-result__title a mark').first();
    await mark.waitFor({ timeout: 20_000 });
    const colours = await mark.evaluate((element) => ({
      text: getComputedStyle(element).color,
      background: getComputedStyle(element).backgroundColor,
    }));
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);

    await dark.goto(`${host.url}quotes/`);
    await dark.locator('#site-search-query').focus();
    const ring = await dark.locator('#site-search-query').evaluate((element) => ({
      outline: getComputedStyle(element).outlineColor,
      link: getComputedStyle(document.querySelector('main a')!).color,
    }));
    expect(ring.outline).toBe(ring.link);
    await dark.close();
  });
});
