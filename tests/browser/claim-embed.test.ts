import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxEmbedLocation, nginxHeaders } from '../../src/lib/security-headers';
import { siteDir } from '../helpers/build-site';
import { launchChromium } from '../helpers/chromium';
import { serveWithNginx, type StaticHost } from '../helpers/nginx';

/**
 * Another publisher's page, on another origin (another port), pastes a claim's embed code
 * from its oEmbed file: the card renders in the frame. The same page framing the claim's own
 * page gets nothing: only the embed page may be framed.
 */
const SITE_URL = 'http://localhost:4321/';
const CLAIM = 'framework-avoids-tariffs';
const dist = siteDir('seed');

let site: StaticHost;
let other: StaticHost;
let browser: Browser;
const otherRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-site-'));

beforeAll(async () => {
  site = await serveWithNginx(dist, '/', { serverDirectives: `${nginxHeaders()}\n${nginxEmbedLocation('/')}` });
  const oembed = JSON.parse(fs.readFileSync(path.join(dist, `claims/${CLAIM}/oembed.json`), 'utf8'));
  // The site is built for SITE_URL and served by nginx at another port: the code points there.
  const code = (oembed.html as string).replaceAll(SITE_URL, site.url);
  const framed = code.replace(`claims/${CLAIM}/embed/`, `claims/${CLAIM}/`).replace('title="', 'id="page" title="');
  fs.writeFileSync(
    path.join(otherRoot, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head><body>` +
      `<h1>A blog on another site</h1><div style="width:320px">${code.replace('title="', 'id="card" title="')}</div>` +
      `<div style="width:600px">${framed}</div></body></html>`,
  );
  other = await serveWithNginx(otherRoot, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await other?.stop();
  fs.rmSync(otherRoot, { recursive: true, force: true });
});

describe('a claim card embedded in a page on another origin', () => {
  it('renders the card with its title, claimant, status and link back, and refuses to frame the claim page', async () => {
    expect(new URL(other.url).origin).not.toBe(new URL(site.url).origin);
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/frame|ancestor/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(other.url);
    const card = page.frameLocator('#card');
    const title = JSON.parse(fs.readFileSync(path.join(dist, `claims/${CLAIM}/oembed.json`), 'utf8')).title;
    await expect.poll(() => card.locator('h1').innerText({ timeout: 10_000 })).toBe(title);
    expect(await card.locator('.embed-card__claimant').innerText()).toMatch(/^Claim by Scott Bessent/);
    expect(await card.locator('.embed-card__label').innerText()).toMatch(/^\w+$/);
    expect(await card.locator('.embed-card__since time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await card.locator('h1 a').getAttribute('href')).toBe(`${SITE_URL}claims/${CLAIM}/`);
    // Readable at 320 px: nothing wider than the frame.
    const overflow = await card.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The claim page itself keeps refusing frames (frame-ancestors 'none', X-Frame-Options DENY).
    const pageFrame = page.frames().find((frame) => frame.url().endsWith(`/claims/${CLAIM}/`));
    const framedText = pageFrame ? await pageFrame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(framedText).not.toContain(title);
    expect(blocked.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/);
    await page.close();
  });
});
