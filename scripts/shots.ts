/**
 * `npm run shots`: builds the site, serves it on 127.0.0.1 and writes full-page screenshots of
 * every page type (an article with each kind of card open, an author, the topics and a topic,
 * search with results, the 404 page, the printed article) at phone to wide-desktop widths, light and dark, with a contact sheet,
 * so a change can be looked at before it is called done.
 *
 *   npm run shots                                   all shots of the seed content
 *   npm run shots -- --only card-quote              shots whose file name contains the text
 *   npm run shots -- --widths 360,1280              only these viewport widths
 *   npm run shots -- --content tests/fixtures/second-site/content
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../tests/helpers/build-site';
import { chromiumPath, launchChromium } from '../tests/helpers/chromium';
import { nginxPath, serveWithNginx, type StaticHost } from '../tests/helpers/nginx';
import { PROJECT_ROOT } from '../tests/helpers/paths';
import { mapWithLimit } from '../tests/helpers/pool';

const OUT_DIR = path.join(PROJECT_ROOT, 'shots/out');
const DEFAULT_WIDTHS = [360, 768, 1280, 1600];
const SCHEMES = ['light', 'dark'] as const;
const CARD_KINDS = ['person', 'quote', 'figure', 'claim'] as const;
/** Two browser tabs at once: the machine has two cores. */
const PARALLEL = 2;

type Scheme = (typeof SCHEMES)[number];

interface Options {
  contentDir: string;
  only: string;
  widths: number[];
}

/** One screenshot to take: a page, optionally brought into a state first. */
interface Shot {
  /** File-name stem without width and scheme, e.g. `article--card-quote`. */
  name: string;
  caption: string;
  /** Site path relative to the base, e.g. `articles/x/`. */
  page: string;
  prepare?: (page: Page) => Promise<void>;
}

/** One file written, for the summary and the contact sheet. */
interface Written {
  file: string;
  caption: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { content: { type: 'string' }, only: { type: 'string' }, widths: { type: 'string' } },
  });
  const widths = values.widths ? values.widths.split(',').map((width) => Number(width.trim())) : DEFAULT_WIDTHS;
  if (widths.some((width) => !Number.isInteger(width) || width < 200 || width > 4000)) {
    throw new Error(`--widths "${values.widths}" is not a list of pixel widths; write it like --widths 360,1280`);
  }
  const contentDir = path.resolve(values.content ?? path.join(PROJECT_ROOT, 'content'));
  if (!fs.existsSync(path.join(contentDir, 'articles'))) {
    throw new Error(`--content ${contentDir} has no articles/ folder; point it at a content folder like content/`);
  }
  return { contentDir, only: values.only ?? '', widths };
}

/** The first page (alphabetically) under a folder of the built site, as `folder/slug/`. */
function firstPageUnder(distDir: string, folder: string): string {
  const dir = path.join(distDir, folder);
  const slugs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((slug) => fs.existsSync(path.join(dir, slug, 'index.html')))
        .sort()
    : [];
  if (!slugs[0]) throw new Error(`The built site has no page under ${folder}/ to photograph.`);
  return `${folder}/${slugs[0]}/`;
}

/** Waits until a page has its fonts and its cards rest, not halfway through a fade. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
}

/** Opens the first card of a kind from its own words (a nested passage's first segment included). */
function openCard(kind: string): (page: Page) => Promise<void> {
  return async (page) => {
    const button = page.locator(`.annotation--${kind} > .annotation__trigger`).first();
    const cardId = (await button.getAttribute('href', { timeout: 5_000 }))?.slice(1);
    await button.click();
    await page.locator(`#${cardId}:popover-open`).waitFor({ timeout: 5_000 });
  };
}

/** Searches for a word the article's first quote uses and waits for the results to show. */
function searchFor(query: string): (page: Page) => Promise<void> {
  return async (page) => {
    await page.locator('#search-query').fill(query);
    await page.locator('#search-query').press('Enter');
    await page.locator('.search-result').first().waitFor({ timeout: 20_000 });
  };
}

/** A word of the article's first quote, so the search page shows results. */
async function searchWord(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(url);
  const quote =
    (await page.locator('.annotation--quote .annotation__trigger').first().innerText({ timeout: 5_000 })) || 'the';
  await page.close();
  const words = quote.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 3);
  return words.sort((a, b) => b.length - a.length)[0] ?? quote;
}

/** Every file-name stem a run can write, so a `--only` that matches none stops before the build. */
const SHOT_NAMES = [
  'home',
  'article',
  ...CARD_KINDS.map((kind) => `article--card-${kind}`),
  'person',
  'claim',
  'quotes',
  'author',
  'topics',
  'topic',
  'search',
  '404',
];

function anyShotMatches(options: Options): boolean {
  const stems = options.widths.flatMap((width) =>
    SCHEMES.flatMap((scheme) => SHOT_NAMES.map((name) => `${name}--${width}--${scheme}`)),
  );
  return [...stems, 'article--print'].some((stem) => stem.includes(options.only));
}

/** The first author's page, or the list of authors on a site that has none yet. */
function authorShot(distDir: string): Shot {
  try {
    return { name: 'author', caption: 'Author page', page: firstPageUnder(distDir, 'authors') };
  } catch {
    return { name: 'author', caption: 'Authors page (no author yet)', page: 'authors/' };
  }
}

function plannedShots(distDir: string, query: string): Shot[] {
  const article = firstPageUnder(distDir, 'articles');
  const cards = CARD_KINDS.map((kind) => ({
    name: `article--card-${kind}`,
    caption: `Article, ${kind} card open`,
    page: article,
    prepare: openCard(kind),
  }));
  return [
    { name: 'home', caption: 'Home', page: '' },
    { name: 'article', caption: `Article (${article})`, page: article },
    ...cards,
    { name: 'person', caption: 'Person page', page: firstPageUnder(distDir, 'people') },
    { name: 'claim', caption: 'Claim page', page: firstPageUnder(distDir, 'claims') },
    { name: 'quotes', caption: 'Quotes page', page: 'quotes/' },
    authorShot(distDir),
    { name: 'topics', caption: 'Topics page', page: 'topics/' },
    { name: 'topic', caption: 'Topic page', page: firstPageUnder(distDir, 'topics') },
    { name: 'search', caption: `Search for “${query}”`, page: 'search/', prepare: searchFor(query) },
    { name: '404', caption: 'Not-found page', page: 'no-such-page-here/' },
  ];
}

/** Takes every shot at one width and colour scheme, in a tab of its own. */
async function shootViewport(
  browser: Browser,
  host: StaticHost,
  shots: Shot[],
  width: number,
  scheme: Scheme,
): Promise<Written[]> {
  const context = await browser.newContext({
    viewport: { width, height: width <= 360 ? 740 : 900 },
    colorScheme: scheme,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const written: Written[] = [];
  try {
    for (const shot of shots) {
      const file = `${shot.name}--${width}--${scheme}.png`;
      await page.goto(host.url + shot.page);
      await shot.prepare?.(page);
      await settle(page);
      await page.screenshot({ path: path.join(OUT_DIR, file), fullPage: true, animations: 'disabled' });
      written.push({ file, caption: `${shot.caption}, ${width} px, ${scheme}` });
    }
  } finally {
    await context.close();
  }
  return written;
}

/** True when poppler's `pdftoppm` can be run. */
function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** Prints the article to an A4 PDF and renders its first pages to PNG when poppler is there. */
async function shootPrint(
  browser: Browser,
  host: StaticHost,
  article: string,
): Promise<{ written: Written[]; note: string }> {
  const page = await browser.newPage();
  await page.goto(host.url + article);
  await settle(page);
  const pdf = path.join(OUT_DIR, 'article--print.pdf');
  // As a browser prints by default: without background colours.
  await page.pdf({ path: pdf, format: 'A4' });
  await page.close();
  const written: Written[] = [{ file: 'article--print.pdf', caption: 'Printed article, A4 (PDF)' }];
  if (!hasPdftoppm()) {
    return { written, note: 'pdftoppm not found: kept the PDF only (install poppler-utils to get PNGs of its pages).' };
  }
  spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', pdf, path.join(OUT_DIR, 'article--print--page')]);
  const pages = fs
    .readdirSync(OUT_DIR)
    .filter((file) => file.startsWith('article--print--page'))
    .sort();
  for (const [index, file] of pages.entries())
    written.push({ file, caption: `Printed article, A4, page ${index + 1}` });
  return { written, note: '' };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

/** A static contact sheet: every file with its caption, linked to the full-size image. */
function contactSheet(written: Written[], contentDir: string): string {
  const items = written.map(({ file, caption }) => {
    const href = encodeURI(file);
    const preview = file.endsWith('.png')
      ? `<img src="${href}" alt="" loading="lazy">`
      : '<span class="pdf">PDF</span>';
    return `<li><a href="${href}">${preview}</a><p>${escapeHtml(caption)}<br><code>${escapeHtml(file)}</code></p></li>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Screenshots</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; }
ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1.5rem; }
img { width: 100%; height: 320px; object-fit: cover; object-position: top; border: 1px solid #999; }
.pdf { display: grid; place-items: center; height: 320px; border: 1px solid #999; font-size: 2rem; }
p { margin: 0.4rem 0 0; } code { font-size: 12px; color: #555; }
</style></head><body>
<h1>Screenshots</h1>
<p>${written.length} files of ${escapeHtml(contentDir)}, taken ${new Date().toISOString()}.</p>
<ul>
${items.join('\n')}
</ul>
</body></html>
`;
}

async function buildForShots(contentDir: string): Promise<string> {
  process.stdout.write(`Building ${path.relative(PROJECT_ROOT, contentDir) || contentDir} …\n`);
  const result = await buildSite({ name: 'shots', contentDir });
  if (result.code !== 0) throw new Error(`The build failed:\n${result.output}`);
  process.stdout.write(`Built in ${(result.ms / 1000).toFixed(1)} s; shooting …\n`);
  return result.outDir;
}

async function shootAll(
  browser: Browser,
  host: StaticHost,
  distDir: string,
  options: Options,
): Promise<{ written: Written[]; note: string }> {
  const article = firstPageUnder(distDir, 'articles');
  const query = await searchWord(browser, host.url + article);
  const matches = (name: string) => name.includes(options.only);
  const groups = options.widths.flatMap((width) => SCHEMES.map((scheme) => ({ width, scheme })));
  const perViewport = await mapWithLimit(groups, PARALLEL, ({ width, scheme }) => {
    const shots = plannedShots(distDir, query).filter((shot) => matches(`${shot.name}--${width}--${scheme}`));
    return shots.length ? shootViewport(browser, host, shots, width, scheme) : Promise.resolve([]);
  });
  const print = matches('article--print') ? await shootPrint(browser, host, article) : { written: [], note: '' };
  return { written: [...perViewport.flat(), ...print.written], note: print.note };
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = readOptions(process.argv.slice(2));
  // Missing tools are reported before a build that would be wasted.
  chromiumPath();
  nginxPath();
  if (!anyShotMatches(options))
    throw new Error(`No shot's file name contains "${options.only}"; try --only article or --only 360.`);
  const distDir = await buildForShots(options.contentDir);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const host = await serveWithNginx(distDir);
  const browser = await launchChromium();
  try {
    const { written, note } = await shootAll(browser, host, distDir, options);
    fs.writeFileSync(path.join(OUT_DIR, 'index.html'), contactSheet(written, options.contentDir));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (note) process.stdout.write(`${note}\n`);
    process.stdout.write(
      `✓ ${written.length} files in ${path.relative(process.cwd(), OUT_DIR)}/ (open index.html) in ${seconds} s\n`,
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✗ ${(error as Error).message}\n`);
  process.exitCode = 1;
});
