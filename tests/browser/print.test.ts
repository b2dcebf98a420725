import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/** The seed site built under /news/ for https://news.example.org. */
const ARTICLE = 'articles/us-china-trade-framework/';
const PUBLIC_URL = `https://news.example.org/news/${ARTICLE}`;

let browser: Browser;
let host: StaticHost;

beforeAll(async () => {
  host = await serveWithNginx(siteDir('seed-news'), '/news/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Runs a poppler tool on a PDF (Debian package poppler-utils) and returns what it prints. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotated-news-print-'));
  const file = path.join(dir, 'article.pdf');
  fs.writeFileSync(file, pdf);
  const args = tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : [file];
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.error) throw new Error(`${tool} was not found: install it with \`sudo apt-get install poppler-utils\`.`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('the printed article (A4)', () => {
  it('fits in four pages, names the publication and the address, and never stacks note numbers', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))![1]);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(4);
    const flat = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    expect(flat).toContain('The Annotated Wire');
    expect(flat).toContain(PUBLIC_URL);
    expect(flat).not.toMatch(/\[\d+\]\s?\[\d+\]/);
    expect(flat).not.toMatch(/\d+\s?\]\s?\[/);
    // The annotations are printed open, grouped, with the claim cards' public addresses.
    expect(flat).toContain('Annotations: 6 people, 6 quotes, 10 figures, 8 claims');
    for (const group of ['People', 'Quotes', 'Figures', 'Claims']) expect(flat).toContain(group);
    expect(flat).toContain('https://news.example.org/news/claims/framework-avoids-tariffs/');
    await page.close();
  });

  it('prints every note whole, quote notes with their words, and no words that only work as links', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const quotes = (await page.locator('.article__text .annotation--quote').allTextContents()).map(squash);
    const statements = (await page.locator('.endnote--claim .card__claim').allTextContents()).map(squash);
    const pdf = await page.pdf({ format: 'A4' });
    const flat = squash(poppler('pdftotext', pdf));
    const notes = flat.slice(flat.indexOf('Annotations:'));
    expect(quotes.length).toBeGreaterThan(0);
    for (const words of quotes) expect(notes).toContain(`“${words}”`);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(notes).toContain(statement);
    expect(notes).not.toContain('…');
    for (const linkOnly of ['More from', 'All their quotes and claims', 'Link to this passage', 'Copy link']) {
      expect(notes).not.toContain(linkOnly);
    }
    await page.close();
  });

  it('prints one small number per annotation, in reading order, none of them stacked', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    await page.emulateMedia({ media: 'print' });
    const numbers = await page.evaluate(() => {
      const shown: number[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.article__text [data-annotation]')) {
        const before = getComputedStyle(el, '::before').content;
        const after = getComputedStyle(el, '::after').content;
        const printed = [before, after].filter((c) => c && c !== 'none' && c !== 'normal');
        if (printed.length === 1) shown.push(Number(el.dataset.note));
      }
      return shown;
    });
    const count = await page.locator('.article__text [data-annotation]').count();
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(await page.locator('.margin-note').first().isVisible()).toBe(false);
    await page.close();
  });
});
