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
    // It adds to the sentence ("U.S. Treasury Secretary Scott Bessent") rather than repeat its role.
    expect(await dialog.innerText()).toContain(
      'In office since January 2025, he leads the administration’s economic talks with China.',
    );
    expect(await dialog.innerText()).not.toContain('U.S. Treasury Secretary');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#card-person-scott-bessent');
    await page.close();
  });

  it('opens a card with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(host.url + ARTICLE);
    await page.click('#quote-very-substantial-framework > .annotation__trigger');
    const card = page.locator('#card-quote-very-substantial-framework');
    expect(await card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('Said by Scott Bessent');
    // Its close link returns to the passage and hides the card.
    await card.locator('.card__close').click();
    expect(await card.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#quote-very-substantial-framework');
    // A nested passage opens from its own words on either side of the annotations inside it.
    await page.locator('#claim-framework-avoids-tariffs > .annotation__trigger').last().click();
    expect(await page.locator('#card-claim-framework-avoids-tariffs').isVisible()).toBe(true);
    await context.close();
  });

  it('walks the whole article by keyboard: every annotation in reading order, each card opens and closes, focus always visible', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    // Reading order: each annotation's first trigger segment, the only one in the tab order.
    const expected = await page.$$eval('.article__body .annotation__trigger:not([tabindex="-1"])', (els) =>
      els.map((el) => el.closest('[data-annotation]')!.id),
    );
    const all = await page.$$eval('.article__body [data-annotation]', (els) => els.map((el) => el.id));
    expect([...expected].sort()).toEqual([...all].sort());
    const cards = expected.map((id) => `card-${id}`);
    // The last thing Tab can reach; the walk ends there, before focus leaves the page.
    const last = await page.evaluate(() => {
      const tabbable = [
        ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
      ].filter((el) => el.tabIndex >= 0 && el.checkVisibility());
      tabbable.at(-1)!.dataset.walkEnd = '';
      return tabbable.length;
    });
    const reached: string[] = [];
    const opened = new Set<string>();
    const problems: string[] = [];
    for (let step = 0; step <= last; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(async () => {
        // Let a smooth scroll to the focused element finish: two frames with no movement.
        await new Promise<void>((done) => {
          let last = NaN;
          const frame = () => (scrollY === last ? done() : ((last = scrollY), requestAnimationFrame(frame)));
          requestAnimationFrame(frame);
        });
        const el = document.activeElement as HTMLElement | null;
        /** Why a sighted keyboard user could not see where focus is, or '' when they can. */
        const unseen = (): string => {
          if (!el) return 'nothing focused';
          const style = getComputedStyle(el);
          const width = parseFloat(style.outlineWidth);
          if (style.outlineStyle === 'none' || width < 2) return `no focus outline (${style.outlineStyle} ${width}px)`;
          // WCAG 1.4.11: the outline needs 3:1 against the page behind it.
          const luminance = (color: string) => {
            const [r, g, b] = color
              .match(/[\d.]+/g)!
              .slice(0, 3)
              .map((c) => {
                const v = Number(c) / 255;
                return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
              });
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const [hi, lo] = [
            luminance(style.outlineColor),
            luminance(getComputedStyle(document.body).backgroundColor),
          ].sort((a, b) => b - a);
          const contrast = (hi! + 0.05) / (lo! + 0.05);
          if (contrast < 3) return `focus outline contrast ${contrast.toFixed(2)}:1`;
          // WCAG 2.4.11: nothing the page draws covers the focused element.
          const box = el.getClientRects()[0];
          if (!box) return 'focused element has no box';
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (!top || !(el === top || el.contains(top)))
            return `focused element is covered by ${top?.tagName ?? 'nothing'}`;
          return '';
        };
        return {
          tag: el?.tagName ?? 'none',
          annotation: el?.matches('.annotation__trigger') ? el.closest('[data-annotation]')!.id : '',
          card: el?.matches('.article__body .annotation__trigger') ? el.getAttribute('href')!.slice(1) : '',
          unseen: unseen(),
          end: el?.dataset.walkEnd !== undefined,
        };
      });
      const where = `step ${step + 1} (${focus.tag} ${focus.annotation || focus.card})`;
      if (focus.tag === 'BODY' || focus.tag === 'none') {
        problems.push(`${where}: focus was lost`);
        break;
      }
      if (focus.unseen) problems.push(`${where}: ${focus.unseen}`);
      if (focus.annotation && !reached.includes(focus.annotation)) reached.push(focus.annotation);
      if (focus.card) {
        const card = page.locator(`#${focus.card}`);
        await page.keyboard.press('Enter');
        await expect
          .poll(() => card.evaluate((el) => el.matches(':popover-open')), { message: `${focus.card} opens with Enter` })
          .toBe(true);
        await page.keyboard.press('Escape');
        await expect
          .poll(() => card.evaluate((el) => el.matches(':popover-open')), {
            message: `${focus.card} closes with Escape`,
          })
          .toBe(false);
        const back = await page.evaluate(() => document.activeElement?.getAttribute('href')?.slice(1));
        if (back !== focus.card) problems.push(`${where}: focus did not return to the trigger after Escape`);
        opened.add(focus.card);
      }
      if (focus.end) break;
    }
    expect(problems).toEqual([]);
    expect(reached).toEqual(expected);
    expect(opened).toEqual(new Set(cards));
    await page.close();
  });
});
