import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

const ARTICLE = 'articles/us-china-trade-framework/';
const dist = () => siteDir('seed-news');

let browser: Browser;
let host: StaticHost;

beforeAll(async () => {
  host = await serveWithNginx(dist(), '/news/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Text of a PDF, read by poppler's pdftotext (Debian package poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotated-news-print-'));
  const file = path.join(dir, 'article.pdf');
  fs.writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.error) {
    throw new Error(
      'pdftotext was not found. The print test reads the printed PDF with poppler: install it with `sudo apt-get install poppler-utils`.',
    );
  }
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

interface Selectors {
  exact: string;
  prefix: string;
  suffix: string;
  /** The CssSelector's value: the element the positions count in. */
  scope: string;
  start: number;
  end: number;
  id: string;
}

describe('exports in Chromium', () => {
  it('anchors every Web Annotation selector in the DOM of the served article, as Hypothesis does', async () => {
    const collection = JSON.parse(fs.readFileSync(path.join(dist(), ARTICLE, 'annotations.jsonld'), 'utf8'));
    const selectors: Selectors[] = collection.first.items.map((a: any) => {
      const [quote, scope, fragment] = a.target.selector;
      expect(scope.type).toBe('CssSelector');
      expect(scope.refinedBy.type).toBe('TextPositionSelector');
      return {
        ...quote,
        scope: scope.value,
        start: scope.refinedBy.start,
        end: scope.refinedBy.end,
        id: fragment.value,
      };
    });
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    const problems = await page.evaluate((all: Selectors[]) => {
      // Offsets over an element's textContent → DOM Range, the way annotation clients map them to text nodes.
      const point = (root: Node, offset: number, isEnd: boolean): [Node, number] => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.nodeValue!.length;
          if (isEnd ? offset <= seen + length : offset < seen + length) return [node, offset - seen];
          seen += length;
        }
        throw new Error(`offset ${offset} is past the text`);
      };
      const rangeOver = (root: Node, start: number, end: number) => {
        const range = document.createRange();
        range.setStart(...point(root, start, false));
        range.setEnd(...point(root, end, true));
        return range;
      };
      const inside = (element: Element, range: Range) =>
        element.contains(range.startContainer) && element.contains(range.endContainer);
      const bad: string[] = [];
      for (const s of all) {
        const element = document.getElementById(s.id)!;
        if (element.textContent !== s.exact) bad.push(`${s.id}: element text differs`);
        // CssSelector refined by a TextPositionSelector: find the element, count over its text.
        const scope = document.querySelector(s.scope);
        if (!scope) {
          bad.push(`${s.id}: no element matches ${s.scope}`);
          continue;
        }
        const range = rangeOver(scope, s.start, s.end);
        if (range.toString() !== s.exact) bad.push(`${s.id}: position selects "${range.toString()}"`);
        if (!inside(element, range)) bad.push(`${s.id}: range leaves the element`);
        const whole = s.prefix + s.exact + s.suffix;
        const text = scope.textContent ?? '';
        const first = text.indexOf(whole);
        if (first !== s.start - s.prefix.length || text.indexOf(whole, first + 1) !== -1)
          bad.push(`${s.id}: quote selector is not unique`);
        // TextQuoteSelector over the document's text (Hypothesis: document.body), where the
        // best match is the whole quote with its context, and the first of equals wins.
        const onPage = document.body.textContent!.indexOf(whole);
        if (onPage === -1) {
          bad.push(`${s.id}: quote selector is not in the page's text`);
          continue;
        }
        const quoted = rangeOver(document.body, onPage + s.prefix.length, onPage + s.prefix.length + s.exact.length);
        if (quoted.toString() !== s.exact || !inside(element, quoted))
          bad.push(`${s.id}: quote selector anchors elsewhere on the page`);
      }
      return bad;
    }, selectors);
    expect(problems).toEqual([]);
    expect(selectors.length).toBe(await page.locator('.article__text [data-annotation]').count());
    await page.close();
  });

  it('prints the article with numbered markers, printed endnotes and link targets, without chrome', async () => {
    const page = await browser.newPage();
    await page.goto(host.url + ARTICLE);
    const notes = await page.locator('.article__text [data-annotation]').count();
    const text = pdfText(await page.pdf({ format: 'A4' }));
    const flat = text.replace(/\s+/g, ' ');
    // Each annotation is followed by its small number (print.test.ts checks they run 1..N once each).
    expect(notes).toBe(28);
    expect(flat).toMatch(/Scott Bessent\s?1 said/);
    expect(flat).toMatch(/very substantial framework\s?3/);
    // The endnotes are printed with the cards' content.
    expect(flat).toContain('Annotations');
    expect(flat).toContain('Said by Scott Bessent');
    expect(flat).toContain('Said on the record, not independently checked.');
    // Claim cards print their public address; same-page and site-relative links print none.
    expect(flat).toContain('https://news.example.org/news/claims/framework-avoids-tariffs/');
    expect(flat).not.toContain('</news/');
    // No navigation, search, popover or button chrome.
    for (const chrome of ['Skip to content', 'Close', 'Copy link', 'Link to this passage', 'Select a marked passage']) {
      expect(flat).not.toContain(chrome);
    }
    expect(await page.locator('.site-header').isVisible()).toBe(true); // still there on screen
    await page.close();
  });

  it('copies a passage link and says so in a live region; without JavaScript the link is there', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
    const page = await context.newPage();
    await page.goto(`${host.url}quotes/`);
    const link = page.locator('a[data-copy-link]').first();
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toMatch(/\/news\/articles\/[a-z0-9-]+\/#quote-[a-z0-9-]+:~:text=/);
    const button = page.getByRole('button', { name: /^Copy link/ }).first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
    // The same on an article card.
    await page.goto(host.url + ARTICLE);
    await page.click('#quote-very-substantial-framework > .annotation__trigger');
    const card = page.locator('#card-quote-very-substantial-framework');
    // Click once the card has opened and finished its entrance, as a reader would.
    await card.waitFor({ state: 'visible' });
    await card.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    await card.getByRole('button', { name: /^Copy link/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${host.url}${ARTICLE}#quote-very-substantial-framework`,
    );
    await context.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${host.url}quotes/`);
    expect(await plain.locator('a[data-copy-link]').count()).toBeGreaterThan(0);
    expect(await plain.locator('button.copy-link').count()).toBe(0);
    await noScript.close();
  });

  it('lands a passage link with a text fragment on its passage', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${host.url}claims/framework-avoids-tariffs/`);
    const href = await page
      .locator('.passage a')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toContain('#claim-framework-avoids-tariffs:~:text=');
    const land = async (url: string) => {
      await page.goto('about:blank');
      await page.goto(url);
      // The browser scrolls once the page has settled.
      await page
        .waitForFunction(
          () => {
            const box = document.getElementById('claim-framework-avoids-tariffs')!.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight && scrollY > 0;
          },
          undefined,
          { timeout: 5000 },
        )
        .catch(() => undefined);
      return page.evaluate(() => {
        const passage = document.getElementById('claim-framework-avoids-tariffs')!;
        const box = passage.getBoundingClientRect();
        const target = document.querySelector(':target');
        return {
          hash: location.hash,
          target:
            target === passage
              ? 'the passage'
              : target && passage.contains(target)
                ? 'the matched words'
                : String(target),
          inView: box.bottom > 0 && box.top < innerHeight,
        };
      });
    };
    // The words matched: Chromium targets the element holding the matched text, the passage
    // itself when its words run through the trigger segments around an annotation inside it...
    expect(await land(href)).toEqual({
      hash: '#claim-framework-avoids-tariffs',
      target: expect.stringMatching(/^the (matched words|passage)$/),
      inView: true,
    });
    // ...and when words do not match, it falls back to the fragment id.
    const unmatched = `${href.split(':~:')[0]}:~:text=words%20that%20are%20not%20there`;
    expect(await land(unmatched)).toEqual({
      hash: '#claim-framework-avoids-tariffs',
      target: 'the passage',
      inView: true,
    });

    // Every text fragment on the quotes page lands on its own quote, not on the same words elsewhere.
    await page.goto(`${host.url}quotes/`);
    const links = await page
      .locator('a[data-copy-link]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links.filter((l) => l.includes(':~:text='))) {
      await page.goto('about:blank');
      await page.goto(link);
      const id = new URL(link).hash.slice(1).split(':~:')[0]!;
      await expect
        .poll(
          () =>
            page.evaluate((passage) => Boolean(document.querySelector(':target')?.closest(`[id="${passage}"]`)), id),
          { timeout: 5000 },
        )
        .toBe(true);
    }
    await page.close();
  });
});
