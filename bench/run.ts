/**
 * `npm run bench`: builds synthetic archives of annotated articles and their plain-Markdown
 * twins with the project's real build, cold, then rebuilds the annotated archive warm after
 * one article's text and then one claim's status changed. Measures build time, memory and
 * output, and, in Chromium against nginx, a reader's first visit (what loads in the background
 * until the service worker is ready), a first and a later quote search through the search page,
 * and one article page. Prints tables and the targets, and writes bench/results.json.
 *
 *   npm run bench                       N = 100 and 1,000
 *   npm run bench -- --sizes=100        only N = 100 (quick)
 *   npm run bench -- --large            adds N = 10,000 (or BENCH_LARGE=1)
 *   npm run bench -- --no-browser       builds only
 *   npm run bench -- --no-warm          cold builds only
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/chromium';
import { serveWithNginx } from '../tests/helpers/nginx';
import { measureArticlePage, type ArticlePageMeasurement } from './browser';
import { buildCorpus, PROJECT_ROOT, type BuildMeasurement } from './build';
import { generateCorpus, readSeed, type Corpus } from './corpus';
import {
  ADDED_SENTENCE,
  appendSentenceToParagraph,
  changeClaimStatus,
  editTargets,
  withEditedFile,
} from './corpus-edit';
import { measureFirstVisit } from './first-visit';
import { printReport } from './report';
import { projectIndex } from './search-index';
import { measureSearchPage, quoteWords } from './search-page';
import { checkTargets, GB, type CorpusResult, type WarmRebuild } from './targets';
import { ADJECTIVES, GOODS } from './vocabulary';

const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
const OUT = path.join(BENCH_DIR, 'out');

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
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

const progress = (label: string) => ({ label: `[bench] ${label}`, print: (line: string) => console.log(line) });

/** Rebuilds the annotated archive warm after one article gains a sentence, then after one claim's status changes; the corpus is restored after each. */
async function warmRebuilds(corpus: Corpus, cold: BuildMeasurement): Promise<CorpusResult['warm']> {
  const { article, claim } = editTargets(corpus.annotatedDir);
  const logFile = (edit: string) => path.join(OUT, 'logs', `build-${corpus.n}-annotated-warm-${edit}.log`);
  const rebuild = async (edit: string, name: string): Promise<WarmRebuild> => {
    const build = await buildCorpus(corpus.annotatedDir, cold.outDir, logFile(name), {
      mode: 'warm',
      progress: progress(`N=${corpus.n} warm (${name})`),
    });
    log(`N=${corpus.n}: warm rebuild after ${edit}: ${build.ms} ms (${round((build.ms / cold.ms) * 100, 1)}% of cold)`);
    return { edit, build, ofCold: round(build.ms / cold.ms, 3) };
  };
  const articleName = path.relative(corpus.annotatedDir, article);
  const articleEdit = await withEditedFile(
    article,
    (text) => appendSentenceToParagraph(text),
    () => rebuild(`one sentence added to ${articleName} (“${ADDED_SENTENCE}”)`, 'article'),
  );
  let statusChange = '';
  const claimEdit = await withEditedFile(
    claim,
    (text) => {
      const changed = changeClaimStatus(text);
      statusChange = `${changed.from} → ${changed.to}`;
      return changed.text;
    },
    () => rebuild(`the status of ${path.relative(corpus.annotatedDir, claim)} changed`, 'claim'),
  );
  claimEdit.edit += ` (${statusChange})`;
  return { article: articleEdit, claim: claimEdit };
}

async function buildCorpusPair(corpus: Corpus): Promise<Omit<CorpusResult, 'firstVisit' | 'search'>> {
  const site = (kind: string) => path.join(OUT, `site-${corpus.n}-${kind}`, 'dist');
  const logFile = (kind: string) => path.join(OUT, 'logs', `build-${corpus.n}-${kind}.log`);
  // Plain first, then annotated, back to back, so both see the same machine load.
  log(`N=${corpus.n}: building the plain twin`);
  const plain = await buildCorpus(corpus.plainDir, site('plain'), logFile('plain'), {
    progress: progress(`N=${corpus.n} plain`),
  });
  log(`N=${corpus.n}: plain ${plain.ms} ms, ${plain.pages} pages; building the annotated corpus`);
  const annotated = await buildCorpus(corpus.annotatedDir, site('annotated'), logFile('annotated'), {
    progress: progress(`N=${corpus.n} annotated`),
  });
  log(`N=${corpus.n}: annotated ${annotated.ms} ms, ${annotated.pages} pages`);
  const warm = flags['no-warm'] ? null : await warmRebuilds(corpus, annotated);
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
    warm,
  };
}

/** In Chromium against nginx, on the annotated site: a first visit, two searches and (when asked) one article page. */
async function measureReaders(corpus: Corpus, dist: string, withArticlePage: boolean) {
  const host = await serveWithNginx(dist);
  const browser = await launchChromium();
  try {
    const words = quoteWords(corpus.articles, [...ADJECTIVES, ...GOODS]);
    const [first = ADJECTIVES[0]!, later = GOODS[0]!] = words;
    log(`N=${corpus.n}: search page, “${first}” (quotes), then “${later}” typed into the box`);
    const search = await measureSearchPage(browser, host.url, first, later);
    log(`N=${corpus.n}: first visit of ${host.url}, until the service worker is ready`);
    const firstVisit = await measureFirstVisit(browser, host.url, dist);
    let articlePage: ArticlePageMeasurement | null = null;
    if (withArticlePage) {
      const article = corpus.articles[Math.floor(corpus.articles.length / 2)]!;
      const articleUrl = `${host.url}articles/${article.slug}/`;
      log(`N=${corpus.n}: article page ${articleUrl}`);
      articlePage = await measureArticlePage(browser, articleUrl);
    }
    return { search, firstVisit, articlePage };
  } finally {
    await browser.close();
    await host.stop();
  }
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

/** The commit measured, with `+changes` when the work tree differs from it; null outside git. */
function commit(): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short=12', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`;
  } catch {
    return null;
  }
}

const relativeBuild = (build: BuildMeasurement) => ({ ...build, outDir: path.relative(PROJECT_ROOT, build.outDir) });
const pathsOnly = <T extends { url: string }>(transfers: T[]) =>
  transfers.map((t) => ({ ...t, url: new URL(t.url).pathname }));

/** results.json: every figure, with the date, the commit and the machine. */
function resultsJson(run: {
  started: Date;
  info: ReturnType<typeof machine>;
  corpora: CorpusResult[];
  seed: ReturnType<typeof readSeed>;
  articlePage: ArticlePageMeasurement | null;
  targets: ReturnType<typeof checkTargets>;
}) {
  const { started, info, corpora, seed, articlePage, targets } = run;
  return {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: commit(),
    machine: info,
    corpus: {
      seed: 'content/articles/us-china-trade-framework.mdx',
      perArticle: { people: seed.people.size, claims: seed.claims.size },
      peoplePool: corpora[0]?.people ?? 0,
    },
    corpora: corpora.map(({ annotated, plain, warm, search, firstVisit, ...rest }) => ({
      ...rest,
      annotated: relativeBuild(annotated),
      plain: relativeBuild(plain),
      searchIndex: projectIndex(annotated.outDir),
      warm: warm && {
        article: { ...warm.article, build: relativeBuild(warm.article.build) },
        claim: { ...warm.claim, build: relativeBuild(warm.claim.build) },
      },
      search: search && {
        ...search,
        first: { ...search.first, transfers: pathsOnly(search.first.transfers) },
        later: { ...search.later, transfers: pathsOnly(search.later.transfers) },
      },
      firstVisit: firstVisit && { ...firstVisit, transfers: pathsOnly(firstVisit.transfers) },
    })),
    articlePage: articlePage && { ...articlePage, transfers: pathsOnly(articlePage.transfers) },
    targets,
  };
}

async function main() {
  const sizes = sizesToRun();
  const started = new Date();
  const seed = readSeed(path.join(PROJECT_ROOT, 'content'));
  const info = machine();
  log(
    `sizes ${sizes.join(', ')} on ${info.cpus} cores (${info.cpuModel}), load average ${info.loadAverageAtStart.join(' ')}`,
  );
  // The article page is measured once, on the 1,000-article site (or the largest ≤ 1,000).
  const articlePageN = sizes.filter((n) => n <= 1000).pop() ?? sizes[0]!;
  const corpora: CorpusResult[] = [];
  let articlePage: ArticlePageMeasurement | null = null;
  for (const n of sizes) {
    log(`N=${n}: generating the annotated corpus and its plain twin`);
    const corpus = generateCorpus(seed, n, path.join(OUT, `corpus-${n}`));
    const built = await buildCorpusPair(corpus);
    const readers = flags['no-browser']
      ? null
      : await measureReaders(corpus, built.annotated.outDir, n === articlePageN);
    articlePage = readers?.articlePage ?? articlePage;
    corpora.push({ ...built, search: readers?.search ?? null, firstVisit: readers?.firstVisit ?? null });
  }
  const targets = checkTargets({ corpora, articlePage });
  fs.writeFileSync(
    flags.results!,
    `${JSON.stringify(resultsJson({ started, info, corpora, seed, articlePage, targets }), null, 2)}\n`,
  );
  printReport(corpora, articlePage, targets);
  console.log(`\n[bench] wrote ${path.relative(process.cwd(), flags.results!)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
