import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * A reader who visited one build (and saved its article) returns after the next build changed
 * the article and the index: every search they make is answered wholly by one build — its index
 * and its fragments — and their saved copy follows the new build, or says it is from an earlier one.
 */

const SLUG = 'us-china-trade-framework';
const ARTICLE = `articles/${SLUG}.mdx`;
/** A word only the first build's article holds, and one only the second build's holds. */
const WORDS = { A: 'xylophones', B: 'quokkas' } as const;
type Build = keyof typeof WORDS;

let browser: Browser;
let host: StaticHost;
let contentDir: string;
let dist: string;

/** Builds the seed with one sentence of its article naming `word`, into the same folder each time. */
async function buildEdition(build: Build): Promise<void> {
  const seed = fs.readFileSync(path.join(PROJECT_ROOT, 'content', ARTICLE), 'utf8');
  const sentence = `\n\nDelegates also spent an afternoon at the zoo, where they watched the ${WORDS[build]}.\n`;
  fs.writeFileSync(path.join(contentDir, ARTICLE), seed.trimEnd() + sentence);
  const result = await buildSite({ name: 'offline-edition', contentDir, keepCache: build === 'B' });
  if (result.code !== 0) throw new Error(`Building edition ${build} failed:\n${result.output}`);
  dist = result.outDir;
}

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-edition-'));
  contentDir = path.join(root, 'content');
  fs.cpSync(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  await buildEdition('A');
  host = await serveWithNginx(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (contentDir) fs.rmSync(path.dirname(contentDir), { recursive: true, force: true });
});

const status = (page: Page) => page.locator('[data-search-status]');

/** Searches a word; returns the excerpts of the article results, or `[]` when the page says there are none. */
async function articleExcerpts(page: Page, word: string): Promise<string[]> {
  await page.goto(`${host.url}search/?q=${word}&type=article`);
  await expect
    .poll(() => status(page).textContent(), { timeout: 20_000 })
    .toMatch(
      new RegExp(`^(?:No results for “${word}”|You are offline\\. Search needs|\\d+ articles? for “${word}”\\.$)`),
    );
  // Offline, a word the index on the device does not hold is looked for in the pages kept: none holds it.
  if (/^(?:No results|You are offline\.)/.test((await status(page).textContent())!)) return [];
  return page.locator('.search-result__excerpt').allInnerTexts();
}

/**
 * Which build answers this reader's searches: the word of that build finds the article, its
 * excerpt (read from a fragment) holds the word, and the other build's word finds nothing.
 */
async function buildServed(context: BrowserContext): Promise<Build> {
  const page = await context.newPage();
  const found = { A: await articleExcerpts(page, WORDS.A), B: await articleExcerpts(page, WORDS.B) };
  await page.close();
  const served: Build = found.B.length ? 'B' : 'A';
  const other: Build = served === 'A' ? 'B' : 'A';
  expect(found[served].length, `the ${served} build's word finds its article`).toBe(1);
  expect(found[served][0]!.toLowerCase()).toContain(WORDS[served]);
  expect(found[other], `the ${other} build's word finds nothing`).toEqual([]);
  return served;
}

const savedCopy = (page: Page) =>
  page.evaluate(
    `caches.open('saved-articles').then((cache) => cache.match('/articles/${SLUG}/')).then((r) => r.text())`,
  ) as Promise<string>;

describe('a new build over an old offline copy', () => {
  it('answers each search wholly from one build, and brings the saved article up to date', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${host.url}articles/${SLUG}/`);
    await first.evaluate(`navigator.serviceWorker.ready.then(() => true)`);
    await first.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => first.locator('[data-save-status]').innerText(), { timeout: 20_000 }).toMatch(/^Saved:/);
    expect(await buildServed(context)).toBe('A');
    await first.close();

    await buildEdition('B');
    // The next visit finds the new build; it installs in the background while a page of the old one is open.
    const open = await context.newPage();
    await open.goto(host.url);
    await expect
      .poll(
        () =>
          open.evaluate(
            `navigator.serviceWorker.getRegistration().then((r) => r.update().then(() => Boolean(r.waiting)))`,
          ),
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    expect(await buildServed(context)).toBe('A');
    await open.close();

    // Back on the train: the new build takes over with no page of the old one open, offline too.
    await context.setOffline(true);
    const offlinePage = await context.newPage();
    const savedList = () => offlinePage.locator('[data-offline-saved-list] li').allInnerTexts();
    await expect
      .poll(
        async () => {
          await offlinePage.goto(`${host.url}offline/`);
          return savedList();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual([expect.stringMatching(/ · saved from an earlier edition$/)]);
    expect(await savedCopy(offlinePage)).toContain(WORDS.A);
    expect(await buildServed(context)).toBe('B');

    // Online again, the next page brings the saved copy up to the new build.
    await context.setOffline(false);
    await offlinePage.reload();
    await expect.poll(() => savedCopy(offlinePage), { timeout: 20_000 }).toContain(WORDS.B);
    await expect
      .poll(
        async () => {
          await offlinePage.reload();
          return savedList();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual([expect.not.stringMatching(/earlier edition/)]);

    // Offline, the saved article and the search both come from the new build.
    await context.setOffline(true);
    const reader = await context.newPage();
    await reader.goto(`${host.url}articles/${SLUG}/`);
    expect(await reader.locator('article').innerText()).toContain(WORDS.B);
    expect(await reader.locator('[data-saved-label]').innerText()).toBe('Saved for offline ✓');
    expect(await buildServed(context)).toBe('B');
    await context.close();
    // The test builds the site a second time.
  }, 600_000);
});
