import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cleanEnv, withBuildLock } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { FIXTURES, PROJECT_ROOT } from '../helpers/paths';

const ARTICLE = 'tariff-talks';
const GOOD = ':person{#scott-bessent} said';
const BROKEN = ':person{#scott-besent} said';

let work: string;
let articleFile: string;
let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser;
let url: string;
let releaseLock: () => void = () => {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(address: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`astro dev exited:\n${serverLog}`);
    const answered = await fetch(address).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro dev did not answer at ${address}:\n${serverLog}`);
}

/** `astro dev` of this checkout on a copy of the related-stories fixture, holding the build lock (it shares `.astro/`). */
async function startDevServer(): Promise<void> {
  const port = await freePort();
  const env = {
    ...cleanEnv(),
    CONTENT_DIR: path.join(work, 'content'),
    OUT_DIR: path.join(work, 'dist'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/astro.js');
  server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (serverLog += chunk));
  server.stderr?.on('data', (chunk) => (serverLog += chunk));
  url = `http://127.0.0.1:${port}/articles/${ARTICLE}/`;
  await waitForServer(url);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-errors-'));
  fs.cpSync(path.join(FIXTURES, 'related-site/content'), path.join(work, 'content'), { recursive: true });
  articleFile = path.join(work, 'content/articles', `${ARTICLE}.mdx`);
  edit(GOOD, BROKEN);
  await new Promise<void>((locked) => {
    void withBuildLock(() => {
      locked();
      return new Promise<void>((release) => (releaseLock = release));
    });
  });
  await startDevServer();
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  releaseLock();
  fs.rmSync(work, { recursive: true, force: true });
});

const edit = (from: string, to: string) => {
  const source = fs.readFileSync(articleFile, 'utf8');
  expect(source).toContain(from);
  fs.writeFileSync(articleFile, source.replace(from, to));
};

/** What the page shows while the article has an unknown person id: the problem as text and in the overlay. */
async function expectProblemShown(page: Page) {
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ state: 'attached', timeout: 20_000 });
  const where = `articles/${ARTICLE}.mdx:8:1`;
  const bodyText = await page.locator('main').innerText();
  expect(bodyText).toContain(where);
  expect(bodyText).toContain('Unknown person `scott-besent` in `#scott-besent` [unknown-person]');
  expect(bodyText).toContain('hint: did you mean `scott-bessent`?');
  const message = await overlay.locator('#message-content').innerText();
  expect(message).toContain(where);
  expect(message).toContain('[unknown-person]');
  expect(await overlay.locator('#hint-content').innerText()).toContain('did you mean `scott-bessent`?');
  expect(await overlay.locator('#code header h2').innerText()).toBe(where);
}

async function expectArticleShown(page: Page) {
  await page.locator('h1.article__title').waitFor({ timeout: 20_000 });
  expect(await page.locator('h1').innerText()).toBe('Negotiators reach a trade framework');
  expect(await page.locator('vite-error-overlay').count()).toBe(0);
}

describe('a content problem in npm run dev', () => {
  it('shows in the browser with its place, message, rule and hint, and goes away once fixed', async () => {
    // The server started with the problem in the file: it runs, and every page shows the problem.
    const page = await browser.newPage();
    const first = await page.goto(url);
    expect(first?.status()).toBe(500);
    await expectProblemShown(page);

    // Fixed: the open page reloads by itself onto the article.
    edit(BROKEN, GOOD);
    await expectArticleShown(page);

    // Broken while the article is open: the page reloads onto the problem, also on a reload by hand.
    edit(GOOD, BROKEN);
    await expectProblemShown(page);
    expect((await page.reload())?.status()).toBe(500);
    await expectProblemShown(page);

    edit(BROKEN, GOOD);
    await expectArticleShown(page);
    await page.close();
  });
});
