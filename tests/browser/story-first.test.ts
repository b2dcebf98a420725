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

/** How many lines of the story's text show on the first screen, without scrolling. */
const linesOnFirstScreen = (page: Page) =>
  page.evaluate(() => {
    const tops = new Set<number>();
    for (const part of document.querySelectorAll('.article__text')) {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.margin-note, .card')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          if (line.bottom <= window.innerHeight && line.height > 0) tops.add(Math.round(line.top / 8));
        }
      }
    }
    return tops.size;
  });

describe('the story comes first', () => {
  it('shows at least 8 lines of the seed article on the first 360×740 screen, with its date under the headline', async () => {
    const page = await openArticle(seed.url + ARTICLE, PHONE);
    expect(await linesOnFirstScreen(page)).toBeGreaterThanOrEqual(8);
    const header = page.locator('.article__header');
    await expect.poll(() => header.locator('time').first().textContent()).toBe('Oct. 26, 2025');
    // The standfirst is never smaller than the story's body.
    const size = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.article__dek')).toBeGreaterThanOrEqual(await size('.article__text p'));
    // Credits, topics and the marks' control follow the story, where wire credits are printed.
    const footer = page.locator('.article__footer');
    expect(await footer.locator('.article__credits').textContent()).toMatch(/contributed to this report/);
    expect(await footer.locator('.article__topics a').count()).toBe(4);
    expect(await footer.locator('#marking').count()).toBe(1);
    expect(await firstParagraphTop(page)).toBeLessThan(await footer.evaluate((f) => f.getBoundingClientRect().top));
    await page.close();
  });

  it('starts an article of another site, with a correction and a lead photograph, on the first 360×740 screen', async () => {
    const article = pageTypes(siteDir('second')).get('articles')!;
    const page = await openArticle(second.url + article.slice(1), PHONE);
    expect(await storyTop(page)).toBeLessThan(PHONE.height);
    expect(await page.locator('.correction-notice').count()).toBe(1);
    expect(await page.locator('.article-figure--lead').count()).toBe(1);
    expect(await linesOnFirstScreen(page)).toBeGreaterThanOrEqual(1);
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

/** Each margin note, the line its number is written on, and the story's text, in page pixels. */
function notesAndLines(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY });
    const notes = [...document.querySelectorAll<HTMLElement>('.margin-note')].map((note) => {
      const annotation = [...document.querySelectorAll<HTMLElement>('.article__text .annotation')].find(
        (a) => a.dataset.note === note.dataset.note,
      )!;
      // The number is written after the words, or before a passage that holds others.
      const rects = annotation.getClientRects();
      const holds = annotation.querySelector('.annotation') !== null;
      const line = holds ? rects[0]! : rects[rects.length - 1]!;
      return {
        ...box(note.getBoundingClientRect()),
        number: note.dataset.note,
        mark: getComputedStyle(annotation, holds ? '::before' : '::after').content,
        lineTop: line.top + scrollY,
        text: getComputedStyle(note, '::after').content,
        href: note.getAttribute('href'),
        id: annotation.id,
      };
    });
    const blocks = [...document.querySelectorAll('.article__text > *:not(.margin-note)')].map((el) =>
      box(el.getBoundingClientRect()),
    );
    return {
      notes,
      blocks,
      storyBottom: Math.max(...blocks.map((b) => b.bottom)),
      annotations: document.querySelectorAll('.article__text [data-annotation]').length,
      viewport: innerWidth,
    };
  });
}

describe('margin notes', () => {
  it.each([360, 1024])('are hidden at %i px, with the numbers in the text', async (width) => {
    const page = await openArticle(seed.url + ARTICLE, { width, height: 900 });
    expect(await page.locator('.margin-note').first().isVisible()).toBe(false);
    const mark = await page
      .locator('.article__text .annotation')
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(mark).toBe('none');
    await page.close();
  });

  it.each([
    [1280, false],
    [1280, true],
    [1600, true],
  ])(
    'at %i px (JavaScript %s) sit level with their numbered lines, stacked when crowded, never past the story',
    async (width, js) => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: js });
      await page.goto(seed.url + ARTICLE);
      await page.waitForTimeout(300);
      const { notes, blocks, storyBottom, annotations, viewport } = await notesAndLines(page);
      expect(notes).toHaveLength(annotations);
      notes.forEach((note, i) => {
        expect(note.right - note.left).toBeGreaterThan(200);
        expect(note.right).toBeLessThanOrEqual(viewport);
        for (const block of blocks) expect(overlaps(note, { ...block, right: block.right - 1 })).toBe(false);
        // The same number as the mark in the text, and a link to its card.
        expect(note.mark).toContain(note.number);
        expect(note.href).toBe(`#card-${note.id}`);
        const previous = notes[i - 1];
        const next = notes[i + 1];
        if (previous) expect(note.top).toBeGreaterThanOrEqual(previous.bottom);
        // Level with its line, or stacked against a neighbour when the lines are crowded.
        // Without JavaScript a float drops a line when the words after it fill its own.
        const level = Math.abs(note.top - note.lineTop) < (js ? 14 : 36);
        const stacked =
          (previous && note.top - previous.bottom < 14) ||
          (next && next.top - note.bottom < 14 && note.top < note.lineTop);
        expect(level || stacked, `note ${note.number} at ${note.top}, its line at ${note.lineTop}`).toBe(true);
      });
      if (js) expect(notes.at(-1)!.bottom).toBeLessThanOrEqual(storyBottom + 1);
      // The note itself, not a label: who the person is.
      expect(notes[0]!.text).toContain('Scott Bessent, U.S. Treasury Secretary');
      expect(notes[0]!.text).not.toMatch(/Person ·/);
      await page.close();
    },
  );

  it('opens its card when clicked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(seed.url + ARTICLE);
    await page.locator('.margin-note[data-note="4"]').click();
    await expect.poll(() => page.locator('#card-person-he-lifeng').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('.annotation')?.id)).toBe('person-he-lifeng');
    await page.close();
  });
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
