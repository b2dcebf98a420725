import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

const QUOTE_ID = 'quote-they-want-to-make-a-deal';
const TITLE = 'Bessent says U.S. and China reached a framework to avert 100 percent tariffs';

let browser: Browser;
let root: StaticHost;
let news: StaticHost;

beforeAll(async () => {
  [root, news] = await Promise.all([serveWithNginx(siteDir('seed')), serveWithNginx(siteDir('seed-news'), '/news/')]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.stop(), news?.stop()]);
});

/** Console errors, page errors and CSP violations of a page (a missing favicon is not ours). */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(text);
    else if (/Content Security Policy|Refused to/.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

const status = (page: Page) => page.locator('[data-search-status]');
const resultLinks = (page: Page) => page.locator('.search-result__link');

/** Waits until the status region says something containing `text`. */
async function statusSays(page: Page, text: string | RegExp) {
  await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(text);
}

/** Where a passage is on screen, and whether it is the `:target`. */
function landing(page: Page, id: string) {
  return page.evaluate(`(() => {
    const el = document.getElementById(${JSON.stringify(id)});
    const box = el.getBoundingClientRect();
    return {
      target: el.matches(':target'),
      inView: box.top >= 0 && box.bottom <= window.innerHeight,
      marked: [...el.querySelectorAll('mark.pagefind-highlight')].map((m) => m.textContent.toLowerCase()),
    };
  })()`) as Promise<{ target: boolean; inView: boolean; marked: string[] }>;
}

async function searchAndLand(page: Page, host: StaticHost) {
  const problems = watchProblems(page);
  await page.goto(`${host.url}search/?q=want+to+make+a+deal&type=quote`);
  await statusSays(page, '1 quote for “want to make a deal”.');
  const result = page.locator('.search-result').first();
  expect(await result.locator('.search-result__link').innerText()).toBe(
    '“They want to make a deal and we want to make a deal”',
  );
  expect(await result.locator('.search-result__source').innerText()).toBe(`Donald Trump · in ${TITLE}`);
  expect(await result.locator('.search-result__link mark').allInnerTexts()).toContain('deal');
  const href = await resultLinks(page).first().getAttribute('href');
  expect(href).toMatch(
    new RegExp(`^${host.url.slice(host.origin.length)}articles/us-china-trade-framework/\\?highlight=.*#${QUOTE_ID}$`),
  );
  await resultLinks(page).first().click();
  await page.waitForURL(`**/articles/us-china-trade-framework/**#${QUOTE_ID}`);
  await expect.poll(() => landing(page, QUOTE_ID), { timeout: 10_000 }).toMatchObject({ target: true, inView: true });
  await expect.poll(async () => (await landing(page, QUOTE_ID)).marked, { timeout: 10_000 }).toContain('deal');
  // Only the passage gets the words marked, not every "deal" of the article.
  expect(await page.locator('mark.pagefind-highlight').count()).toBe((await landing(page, QUOTE_ID)).marked.length);
  expect(problems).toEqual([]);
}

describe('search in Chromium', () => {
  it('finds Trump’s quote by its words and type, and its link lands on the passage, highlighted', async () => {
    const page = await browser.newPage();
    await searchAndLand(page, root);
    await page.close();
  });

  it('narrows results by speaker, keeps query and filters in the URL, and Back restores them', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${root.url}search/?q=deal`);
    await statusSays(page, /^\d+ results for “deal”\.$/);
    const all = await resultLinks(page).count();
    // No counts beside the speakers: they would need every matching article loaded.
    expect(await page.locator('#search-speaker option', { hasText: 'Donald Trump' }).textContent()).toBe(
      'Donald Trump',
    );

    await page.selectOption('#search-speaker', 'Donald Trump');
    await statusSays(page, /by Donald Trump\.$/);
    expect(page.url()).toBe(`${root.url}search/?q=deal&speaker=Donald+Trump`);
    const byTrump = await resultLinks(page).count();
    expect(byTrump).toBeGreaterThan(0);
    expect(byTrump).toBeLessThan(all);
    for (const source of await page.locator('.search-result__speaker').allInnerTexts())
      expect(source).toBe('Donald Trump');

    await page.getByRole('radio', { name: /^Quotes/ }).check();
    await statusSays(page, '1 quote for “deal” by Donald Trump.');
    expect(page.url()).toBe(`${root.url}search/?q=deal&type=quote&speaker=Donald+Trump`);

    await page.goBack();
    await statusSays(page, /^\d+ results for “deal” by Donald Trump\.$/);
    expect(await page.getByRole('radio', { name: /^Everything/ }).isChecked()).toBe(true);
    expect(await resultLinks(page).count()).toBe(byTrump);
    await page.goBack();
    await statusSays(page, /^\d+ results for “deal”\.$/);
    expect(await page.inputValue('#search-speaker')).toBe('');
    expect(await resultLinks(page).count()).toBe(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives typing one history entry, updated as the words change', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}search/`);
    await statusSays(page, /^Type a few words/);
    await page.locator('#search-query').pressSequentially('deal');
    await statusSays(page, /for “deal”\.$/);
    await page.locator('#search-query').pressSequentially(' trump');
    await statusSays(page, /for “deal trump”\.$/);
    expect(page.url()).toBe(`${root.url}search/?q=deal+trump`);
    await page.goBack();
    await statusSays(page, /^Type a few words/);
    expect(page.url()).toBe(`${root.url}search/`);
    expect(await page.inputValue('#search-query')).toBe('');
    await page.close();
  });

  it('lists everything a speaker said with no words typed, of the chosen type only', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}search/?speaker=Scott+Bessent&type=quote`);
    await statusSays(page, /^\d+ quotes by Scott Bessent\.$/);
    const quotes = await resultLinks(page).count();
    expect(quotes).toBeGreaterThan(1);
    expect(await status(page).textContent()).toBe(`${quotes} quotes by Scott Bessent.`);
    expect(new Set(await page.locator('.search-result__type').allTextContents())).toEqual(new Set(['Quote']));
    expect(new Set(await page.locator('.search-result__speaker').allInnerTexts())).toEqual(new Set(['Scott Bessent']));
    // No count beside a type: it would need every matching article loaded.
    const label = await page
      .getByRole('radio', { name: /^Quotes/ })
      .evaluate((radio) => radio.parentElement!.textContent);
    expect(label!.replace(/\s+/g, ' ').trim()).toBe('Quotes');
    await page.close();
  });

  it('opens an article result at the passage its excerpt shows, with the words highlighted', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${root.url}search/?q=deal&type=article`);
    await statusSays(page, /^1 article for “deal”\.$/);
    const result = page.locator('.search-result--article');
    expect(await result.locator('.search-result__excerpt').innerText()).toContain('They want to make a deal');
    await result.locator('.search-result__link').click();
    await page.waitForURL(new RegExp(`#${QUOTE_ID}$`));
    await expect.poll(async () => (await landing(page, QUOTE_ID)).marked, { timeout: 10_000 }).toContain('deal');
    await expect.poll(async () => (await landing(page, QUOTE_ID)).inView, { timeout: 5_000 }).toBe(true);
    expect((await landing(page, QUOTE_ID)).target).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows each kind of result once, each landing on its passage or card', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${root.url}search/?q=deal`);
    await statusSays(page, /^\d+ results for “deal”\.$/);
    const kinds = await page.locator('.search-result__type').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['Article', 'Quote', 'Claim']));
    const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // Each result once; the article result lands on the passage its excerpt shows, as that quote's result does.
    const typed = kinds.map((kind, i) => `${kind} ${hrefs[i]}`);
    expect(new Set(typed).size).toBe(typed.length);
    expect(hrefs[kinds.indexOf('Article')]).toBe(`/articles/us-china-trade-framework/?highlight=deal#${QUOTE_ID}`);
    // A claim no article states links to its card, naming the article that cites it.
    const card = page.locator('.search-result--claim', { has: page.locator('a[href^="/claims/"]') }).first();
    expect(await card.locator('.search-result__source').innerText()).toBe(`Donald Trump · in ${TITLE}`);
    await card.locator('a').click();
    await page.waitForURL(/\/claims\/both-sides-want-a-deal\/\?highlight=deal$/);
    expect(await page.locator('h1').innerText()).toBe('Both sides want a deal, Trump says');

    await page.goto(`${root.url}search/?q=vice+premier&type=person`);
    await statusSays(page, /^(?:1 person|\d+ people) for “vice premier”\.$/);
    expect(await resultLinks(page).first().getAttribute('href')).toMatch(/^\/people\/[a-z-]+\/\?highlight=/);

    await page.goto(`${root.url}search/?q=october&type=figure`);
    await statusSays(page, /^\d+ figures? for “october”\.$/);
    const figure = await resultLinks(page).first().getAttribute('href');
    const id = figure!.split('#')[1]!;
    await resultLinks(page).first().click();
    await page.waitForURL(`**#${id}`);
    await expect.poll(() => landing(page, id), { timeout: 10_000 }).toMatchObject({ target: true, inView: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows ten results, then more with the button, moving focus to the first new one', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}search/?q=the`);
    await statusSays(page, /results for “the”/);
    expect(await resultLinks(page).count()).toBe(10);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(10);
    expect(await page.evaluate(`document.activeElement.getAttribute('href')`)).toBe(
      await resultLinks(page).nth(10).getAttribute('href'),
    );
    const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    await page.close();
  });

  it('has clear states for an empty query, no results, and a failed index', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}search/`);
    await statusSays(page, 'Type a few words to search quotes, claims, people, figures and articles.');
    expect(await resultLinks(page).count()).toBe(0);
    await page.fill('#search-query', 'zzqxv xylophone');
    await page.press('#search-query', 'Enter');
    await statusSays(page, 'No results for “zzqxv xylophone”. Try fewer or other words.');
    await page.getByRole('radio', { name: /^Quotes/ }).check();
    await statusSays(
      page,
      'No results for “zzqxv xylophone” with these filters. Try fewer or other words, or remove a filter.',
    );
    await page.close();

    // No service worker: nothing is cached on this device to search instead.
    const brokenContext = await browser.newContext({ serviceWorkers: 'block' });
    const broken = await brokenContext.newPage();
    await broken.route('**/pagefind/**', (route) => route.abort());
    await broken.goto(`${root.url}search/?q=deal`);
    await statusSays(broken, 'Search needs the network for results beyond what is saved.');
    expect(await broken.locator('[data-search-status]').getAttribute('data-kind')).toBe('error');
    await brokenContext.close();

    // The index loads, but an article's fragment cannot be fetched.
    const cutContext = await browser.newContext({ serviceWorkers: 'block' });
    const cut = await cutContext.newPage();
    await cut.route('**/pagefind/fragment/**', (route) => route.abort());
    await cut.goto(`${root.url}search/?q=deal`);
    await statusSays(cut, 'Search needs the network for results beyond what is saved.');
    expect(await resultLinks(cut).count()).toBe(0);
    await cutContext.close();
  });

  it('survives a 10 KB query and special characters, showing them only as text', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${root.url}search/`);
    await statusSays(page, /^Type a few words/);
    await page.locator('#search-query').evaluate((input: HTMLInputElement) => {
      input.value = 'deal '.repeat(2048);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.press('#search-query', 'Enter');
    await statusSays(page, /results? for “deal deal/);
    expect(page.url().length).toBeLessThan(1500);

    const nasty = `"<img src=x onerror=alert(1)>" & 100% ' OR 1=1 -- \\ [a-z]* 😀 مرحبا`;
    await page.fill('#search-query', nasty);
    await page.press('#search-query', 'Enter');
    // Pagefind finds "100" and "on"; the rest is shown back as typed, as text.
    const found = new RegExp(`^\\d+ results? for “${nasty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”\\.$`);
    await statusSays(page, found);
    expect(new URL(page.url()).searchParams.get('q')).toBe(nasty);
    await page.reload();
    await statusSays(page, found);
    expect(await page.inputValue('#search-query')).toBe(nasty);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches the search from the header form of any page, by keyboard, and announces the results', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}people/donald-trump/`);
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await box.focus();
    await page.keyboard.type('rare earth');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${root.url}search/?q=rare+earth`);
    await statusSays(page, /^\d+ results for “rare earth”\.$/);
    expect(await status(page).getAttribute('role')).toBe('status');
    expect(await page.inputValue('#search-query')).toBe('rare earth');
    // From the query box, Tab moves through the filters to the first result.
    await page.focus('#search-query');
    let onResult = false;
    for (let i = 0; i < 12 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = (await page.evaluate(`document.activeElement.classList.contains('search-result__link')`)) as boolean;
    }
    expect(onResult).toBe(true);
    await page.close();
  });

  it('says that search needs JavaScript when it is off, and the header form still leads there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(root.url);
    await page.getByRole('searchbox', { name: 'Search the site' }).fill('deal');
    await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
    await page.waitForURL(`${root.url}search/?q=deal`);
    expect(await page.locator('main').innerText()).toContain('Search needs JavaScript, which is turned off.');
    expect(await page.getByRole('link', { name: 'browse every quote by speaker' }).first().getAttribute('href')).toBe(
      '/quotes/',
    );
    await context.close();
  });
});

describe('search under a sub-path', () => {
  it('searches the /news/ build and links results under /news/', async () => {
    const page = await browser.newPage();
    await searchAndLand(page, news);
    expect(new URL(page.url()).pathname).toBe('/news/articles/us-china-trade-framework/');
    await page.close();
  });
});

describe('offline', () => {
  /** A fresh profile whose service worker has precached the site after one online visit. */
  async function visitedOnce(host: StaticHost): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(host.url);
    // `ready` resolves once the service worker is active, that is after precaching finished.
    const scope = await page.evaluate(`navigator.serviceWorker.ready.then((r) => r.scope)`);
    expect(scope).toBe(host.url);
    return { context, page, problems };
  }

  for (const [name, host] of [
    ['at the domain root', () => root],
    ['under /news/', () => news],
  ] as const) {
    it(`searches, lands on the passage and reads cards with the network off, ${name}`, async () => {
      const { context, page, problems } = await visitedOnce(host());
      await context.setOffline(true);
      await page.goto(`${host().url}search/?q=want+to+make+a+deal&type=quote`);
      await statusSays(page, '1 quote for “want to make a deal”.');
      await resultLinks(page).first().click();
      await page.waitForURL(`**#${QUOTE_ID}`);
      await expect
        .poll(() => landing(page, QUOTE_ID), { timeout: 10_000 })
        .toMatchObject({ target: true, inView: true });
      await page.click(`#${QUOTE_ID} .annotation__trigger`);
      expect(await page.locator(`#card-${QUOTE_ID}`).isVisible()).toBe(true);
      await page.goto(`${host().url}claims/both-sides-want-a-deal/`);
      expect(await page.locator('h1').innerText()).toBe('Both sides want a deal, Trump says');
      await page.goto(`${host().url}search/?q=Bessent&speaker=Scott+Bessent`);
      await statusSays(page, /^\d+ results for “Bessent” by Scott Bessent\.$/);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('what a search costs', () => {
  /** Bytes on the wire (Resource Timing `transferSize`) of Pagefind files, page and search worker. */
  async function pagefindBytes(page: Page): Promise<Map<string, number>> {
    const read = `performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/pagefind/'))
      .map((e) => [new URL(e.name).pathname, e.transferSize])`;
    const entries = (await page.evaluate(read)) as [string, number][];
    for (const worker of page.workers()) entries.push(...((await worker.evaluate(read)) as [string, number][]));
    return new Map(entries);
  }
  const total = (sizes: Map<string, number>, except = new Map<string, number>()) =>
    [...sizes].filter(([url]) => !except.has(url)).reduce((sum, [, bytes]) => sum + bytes, 0);

  it('downloads the runtime and a small index for the first search, and only a little for each later one', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${root.url}search/`);
    await statusSays(page, /^Type a few words/);
    // Before any search: the runtime and metadata, but no filter data.
    expect([...(await pagefindBytes(page)).keys()].filter((url) => url.endsWith('.pf_filter'))).toEqual([]);
    await page.fill('#search-query', 'want to make a deal');
    await page.press('#search-query', 'Enter');
    await statusSays(page, /results for “want to make a deal”/);
    const first = await pagefindBytes(page);
    await page.fill('#search-query', 'rare earth export controls');
    await page.press('#search-query', 'Enter');
    await statusSays(page, /for “rare earth export controls”/);
    const afterSecond = await pagefindBytes(page);
    await page.selectOption('#search-speaker', 'Scott Bessent');
    await statusSays(page, /by Scott Bessent\.$/);
    const afterThird = await pagefindBytes(page);
    const firstBytes = total(first);
    const secondBytes = total(afterSecond, first);
    const thirdBytes = total(afterThird, afterSecond);
    console.log(
      `Search payload (bytes on the wire, nginx gzip): first search ${firstBytes} (${[...first].map(([u, b]) => `${u.split('/').pop()} ${b}`).join(', ')}); ` +
        `second search ${secondBytes}; filter change ${thirdBytes}`,
    );
    expect(first.has('/pagefind/wasm.en.pagefind')).toBe(true);
    // A search with words loads no filter data; picking a speaker loads that filter alone.
    const filters = (sizes: Map<string, number>) => [...sizes.keys()].filter((url) => url.endsWith('.pf_filter'));
    expect(filters(first)).toEqual([]);
    expect(filters(afterSecond)).toEqual([]);
    expect(filters(afterThird)).toHaveLength(1);
    expect(fs.readdirSync(path.join(siteDir('seed'), 'pagefind', 'filter'))).toHaveLength(2);
    expect(firstBytes).toBeLessThan(120_000);
    expect(secondBytes).toBeLessThan(15_000);
    expect(thirdBytes).toBeLessThan(20_000);
    await context.close();
  });
});
