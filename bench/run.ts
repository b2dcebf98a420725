/**
 * `npm run bench`: builds synthetic archives of annotated articles and their plain-Markdown
 * twins with the project's real build, then measures build time, memory, the search index and,
 * in Chromium, what an article page and two searches transfer. Prints a table and writes
 * bench/results.json.
 *
 *   npm run bench                       N = 100 and 1,000
 *   npm run bench -- --sizes=100        only N = 100 (quick)
 *   npm run bench -- --large            adds N = 10,000 (or BENCH_LARGE=1)
 *   npm run bench -- --no-browser       builds and index only
 *   npm run bench -- --no-stand-in      never index a build that has no pagefind/ itself
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/chromium';
import { serveWithNginx } from '../tests/helpers/nginx';
import {
  measureArticlePage,
  measureSearch,
  RESULTS_SHOWN,
  type ArticlePageMeasurement,
  type SearchMeasurement,
} from './browser';
import { buildCorpus, PROJECT_ROOT } from './build';
import { generateCorpus, readSeed, type Corpus } from './corpus';
import { buildStandInIndex, projectIndex, type SearchIndex, type StandInIndex } from './search-index';
import { checkTargets, GB, KB, type CorpusResult } from './targets';

const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
const OUT = path.join(BENCH_DIR, 'out');

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-stand-in': { type: 'boolean', default: false },
    results: { type: 'string', default: path.join(BENCH_DIR, 'results.json') },
  },
});

function sizesToRun(): number[] {
  const listed = (flags.sizes ?? process.env.BENCH_SIZES ?? '100,1000').split(',').map((s) => Number(s.trim()));
  if (listed.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes expects whole numbers, like --sizes=100,1000`);
  if (flags.large || process.env.BENCH_LARGE === '1') listed.push(10_000);
  return [...new Set(listed)].sort((a, b) => a - b);
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (message: string) => console.log(`[bench] ${message}`);

async function measureCorpus(corpus: Corpus): Promise<CorpusResult> {
  const site = (kind: string) => path.join(OUT, `site-${corpus.n}-${kind}`, 'dist');
  const logFile = (kind: string) => path.join(OUT, 'logs', `build-${corpus.n}-${kind}.log`);
  // Plain first, then annotated, back to back, so both see the same machine load.
  log(`N=${corpus.n}: building the plain twin`);
  const plain = await buildCorpus(corpus.plainDir, site('plain'), logFile('plain'));
  log(`N=${corpus.n}: plain ${plain.ms} ms, ${plain.pages} pages; building the annotated corpus`);
  const annotated = await buildCorpus(corpus.annotatedDir, site('annotated'), logFile('annotated'));
  log(`N=${corpus.n}: annotated ${annotated.ms} ms, ${annotated.pages} pages`);
  return {
    n: corpus.n,
    people: corpus.people,
    claims: corpus.claims,
    annotated,
    plain,
    ratio: {
      wall: round(annotated.ms / plain.ms),
      cpu: annotated.cpuMs !== null && plain.cpuMs ? round(annotated.cpuMs / plain.cpuMs) : null,
    },
    perArticleMs: { annotated: round(annotated.ms / corpus.n), plain: round(plain.ms / corpus.n) },
    per1000ArticlesMs: {
      annotated: Math.round((annotated.ms / corpus.n) * 1000),
      plain: Math.round((plain.ms / corpus.n) * 1000),
    },
    pagesPerSecond: {
      annotated: round(annotated.pages / (annotated.ms / 1000), 1),
      plain: round(plain.pages / (plain.ms / 1000), 1),
    },
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / GB, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => round(l)),
  };
}

function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

async function main() {
  const sizes = sizesToRun();
  const started = new Date();
  const seed = readSeed(path.join(PROJECT_ROOT, 'content'));
  const info = machine();
  log(
    `sizes ${sizes.join(', ')} on ${info.cpus} cores (${info.cpuModel}), load average ${info.loadAverageAtStart.join(' ')}`,
  );

  const corpora: CorpusResult[] = [];
  const generated = new Map<number, Corpus>();
  for (const n of sizes) {
    log(`N=${n}: generating the annotated corpus and its plain twin`);
    const corpus = generateCorpus(seed, n, path.join(OUT, `corpus-${n}`));
    generated.set(n, corpus);
    corpora.push(await measureCorpus(corpus));
  }

  // Search and the article page are measured on the 1,000-article site (or the largest ≤ 1,000).
  const siteN = sizes.filter((n) => n <= 1000).pop() ?? sizes[0]!;
  const siteResult = corpora.find((c) => c.n === siteN)!;
  const corpus = generated.get(siteN)!;
  const dist = siteResult.annotated.outDir;

  const ownIndex = projectIndex(dist);
  let standIn: StandInIndex | null = null;
  if (!ownIndex) log(`N=${siteN}: search index not present (the build wrote no pagefind/)`);
  if (!ownIndex && !flags['no-stand-in']) {
    log(`N=${siteN}: indexing the built pages with Pagefind's Node API (stand-in index)`);
    standIn = await buildStandInIndex(dist);
  }
  const index: SearchIndex | null = ownIndex ?? standIn;

  let articlePage: ArticlePageMeasurement | null = null;
  let search: SearchMeasurement | null = null;
  let searches: { query: string; filters: Record<string, string> | null }[] = [];
  if (!flags['no-browser']) {
    const host = await serveWithNginx(dist);
    const browser = await launchChromium();
    try {
      const article = corpus.articles[Math.floor(corpus.articles.length / 2)]!;
      const articleUrl = `${host.url}articles/${article.slug}/`;
      log(`measuring ${articleUrl} in Chromium`);
      articlePage = await measureArticlePage(browser, articleUrl);
      if (index) {
        // Quotes from two different articles; the project's index can filter to quotes.
        const filters = index.source === 'project' ? { type: 'quote' } : null;
        const other = corpus.articles[Math.floor(corpus.articles.length / 3)] ?? article;
        searches = [
          { query: article.quotes[0]!, filters },
          { query: other.quotes[4] ?? other.quotes[0]!, filters },
        ];
        log(`searching ${index.source} index: “${searches[0]!.query}”, then “${searches[1]!.query}”`);
        search = await measureSearch(browser, articleUrl, `${host.url}${index.bundlePath}`, '/', searches);
      }
    } finally {
      await browser.close();
      await host.stop();
    }
  }

  const targets = checkTargets({ corpora, articlePage, search, searchSource: index?.source ?? null });
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const results = {
    command,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: info,
    corpus: {
      seed: 'content/articles/us-china-trade-framework.mdx',
      perArticle: {
        people: seed.people.size,
        claims: seed.claims.size,
        quotes: corpus.articles[0]?.quotes.length ?? 0,
      },
      peoplePool: corpus.people,
    },
    corpora: corpora.map(({ annotated, plain, ...rest }) => ({
      ...rest,
      annotated: { ...annotated, outDir: path.relative(PROJECT_ROOT, annotated.outDir) },
      plain: { ...plain, outDir: path.relative(PROJECT_ROOT, plain.outDir) },
    })),
    searchIndex: {
      site: `N=${siteN} annotated`,
      present: Boolean(ownIndex),
      status: ownIndex ? 'project index (pagefind/)' : 'search index not present',
      project: ownIndex,
      standIn,
    },
    articlePage: articlePage && {
      ...articlePage,
      transfers: articlePage.transfers.map((t) => ({ ...t, url: new URL(t.url).pathname })),
    },
    search: search && {
      source: index!.source,
      resultsDataLoaded: RESULTS_SHOWN,
      first: {
        ...search.first,
        transfers: search.first.transfers.map((t) => ({ ...t, url: new URL(t.url).pathname })),
      },
      second: {
        ...search.second,
        transfers: search.second.transfers.map((t) => ({ ...t, url: new URL(t.url).pathname })),
      },
    },
    targets,
  };
  fs.writeFileSync(flags.results!, `${JSON.stringify(results, null, 2)}\n`);

  printTable(
    'Builds (cold, back to back in this run)',
    [
      'N',
      'kind',
      'pages',
      'wall s',
      'CPU s',
      'per 1,000 articles s',
      'ms/article',
      'pages/s',
      'peak RSS GB',
      'output MB',
    ],
    corpora.flatMap((c) =>
      (['plain', 'annotated'] as const).map((kind) => [
        c.n,
        kind,
        c[kind].pages,
        round(c[kind].ms / 1000, 1),
        c[kind].cpuMs === null ? '-' : round(c[kind].cpuMs! / 1000, 1),
        round(c.per1000ArticlesMs[kind] / 1000, 1),
        c.perArticleMs[kind],
        c.pagesPerSecond[kind],
        round(c[kind].peakRss / GB),
        round(c[kind].outputBytes / 1024 ** 2, 1),
      ]),
    ),
  );
  printTable(
    'Annotated ÷ plain',
    ['N', 'wall', 'CPU'],
    corpora.map((c) => [c.n, `${c.ratio.wall}×`, c.ratio.cpu === null ? '-' : `${c.ratio.cpu}×`]),
  );
  if (index) {
    printTable(
      `Search index (N=${siteN}, ${index.source}${index.source === 'stand-in' ? ': the build wrote no pagefind/' : ''})`,
      ['files', 'size KB', 'indexing s'],
      [[index.files, round(index.bytes / KB, 1), standIn ? round(standIn.indexingMs / 1000, 1) : 'in build']],
    );
  } else {
    console.log(`\nSearch index (N=${siteN}): search index not present`);
  }
  if (articlePage) {
    const b = articlePage.bytes;
    printTable(
      'Article page, transferred bytes',
      ['requests', 'HTML', 'CSS', 'JS', 'fonts', 'images', 'other', 'total', 'blocking', 'CLS'],
      [
        [
          articlePage.requests,
          b.html,
          b.css,
          b.js,
          b.fonts,
          b.images,
          b.other,
          articlePage.totalBytes,
          articlePage.renderBlocking.length,
          articlePage.layoutShift,
        ],
      ],
    );
  }
  if (search) {
    const kinds = ['runtime', 'wasm', 'metadata', 'chunks', 'filters', 'fragments', 'other'];
    printTable(
      `Searches (${search.first.results} and ${search.second.results} results, data() of the first ${RESULTS_SHOWN})`,
      ['search', 'requests', ...kinds, 'total'],
      [
        ['first', search.first.requests, ...kinds.map((k) => search.first.bytes[k] ?? 0), search.first.totalBytes],
        ['second', search.second.requests, ...kinds.map((k) => search.second.bytes[k] ?? 0), search.second.totalBytes],
      ],
    );
  }
  printTable(
    'Targets',
    ['target', 'goal', 'measured', 'met'],
    targets.map((t) => [t.name, t.goal, t.value, t.met === null ? '-' : t.met ? 'yes' : 'NO']),
  );
  console.log(`\n[bench] wrote ${path.relative(process.cwd(), flags.results!)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
