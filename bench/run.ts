/**
 * `npm run bench`: builds synthetic archives of annotated articles with the project's real build
 * (`npm run build`), beside their plain-Markdown twins and a plain Astro MDX blog with Pagefind
 * of the same articles, cold; then rebuilds the annotated archive warm after one article's text
 * and one claim's status changed, and with nothing changed; at N = 10,000 builds it once more
 * cold with `--jobs=1`. Measures build time, memory (of the whole build and of each process)
 * and output (and where its bytes go), and, in Chromium against nginx, a reader's first visit,
 * a first and a later quote search through the search page, and one article page. Prints tables
 * and the targets, and writes bench/results.json.
 *
 *   npm run bench                       N = 100 and 1,000
 *   npm run bench -- --sizes=100        only N = 100 (quick)
 *   npm run bench -- --large            adds N = 10,000 (or BENCH_LARGE=1)
 *   npm run bench -- --no-browser       builds only
 *   npm run bench -- --no-warm          cold builds only
 *   npm run bench -- --breakdown=<dist> where an existing output's bytes go, and nothing else
 *   npm run bench -- --synthetic=100000 [--synthetic-merge]
 *                                       the site-wide step (and the merge) on a synthetic manifest
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/chromium';
import { serveWithNginx } from '../tests/helpers/nginx';
import { measureArticlePage, type ArticlePageMeasurement } from './browser';
import { buildCorpus, PROJECT_ROOT, walkFiles, type BuildMeasurement } from './build';
import { generateCorpus, readSeed, type Corpus } from './corpus';
import {
  ADDED_SENTENCE,
  appendSentenceToParagraph,
  changeClaimStatus,
  editTargets,
  withEditedFile,
} from './corpus-edit';
import { measureFirstVisit } from './first-visit';
import { buildMdxBlog, writeMdxBlog } from './mdx-blog';
import { breakDownOutput, type KindBreakdown } from './output-breakdown';
import { printBreakdown, printReport } from './report';
import { projectIndex } from './search-index';
import { measureSearchPage, quoteWords } from './search-page';
import { runSynthetic } from './synthetic';
import { checkTargets, GB, type CorpusResult, type WarmEdit, type WarmRebuild } from './targets';
import { ADJECTIVES, GOODS } from './vocabulary';

const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
const OUT = path.join(BENCH_DIR, 'out');

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    'no-mdx-blog': { type: 'boolean', default: false },
    'one-job': { type: 'boolean', default: false },
    'no-one-job': { type: 'boolean', default: false },
    breakdown: { type: 'string' },
    synthetic: { type: 'string' },
    'synthetic-merge': { type: 'boolean', default: false },
    results: { type: 'string' },
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

/** Every measurement as it is made, one JSON line each, so a long run cut short still has its figures. */
const MEASUREMENTS_LOG = path.join(OUT, 'logs', 'measurements.jsonl');

function recordMeasurement(n: number, kind: string, build: BuildMeasurement) {
  const { output, ...rest } = build;
  const line = { at: new Date().toISOString(), n, kind, ...rest, files: output.files, folders: output.folders };
  fs.appendFileSync(MEASUREMENTS_LOG, `${JSON.stringify(line)}\n`);
}

/**
 * Rebuilds the annotated archive warm after one article gains a sentence, after one claim's
 * status changes, and with nothing changed; the corpus is restored after each edit.
 */
async function warmRebuilds(corpus: Corpus, cold: BuildMeasurement): Promise<Record<WarmEdit, WarmRebuild>> {
  const { article, claim } = editTargets(corpus.annotatedDir);
  const logFile = (edit: string) => path.join(OUT, 'logs', `build-${corpus.n}-annotated-warm-${edit}.log`);
  const rebuild = async (edit: string, name: WarmEdit): Promise<WarmRebuild> => {
    const build = await buildCorpus(corpus.annotatedDir, cold.outDir, logFile(name), {
      mode: 'warm',
      progress: progress(`N=${corpus.n} warm (${name})`),
    });
    recordMeasurement(corpus.n, `warm-${name}`, build);
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
  // The claim file is back as it was: this build sees the corpus of the one before it but for that.
  const nothing = await rebuild('nothing changed (the claim restored)', 'nothing');
  return { article: articleEdit, claim: claimEdit, nothing };
}

/** The plain MDX blog of the corpus's plain twin, generated and built cold. */
async function mdxBlog(corpus: Corpus): Promise<BuildMeasurement> {
  const projectDir = path.join(OUT, `mdx-blog-${corpus.n}`);
  writeMdxBlog(corpus.plainDir, projectDir);
  const build = await buildMdxBlog(
    projectDir,
    path.join(OUT, 'logs', `build-${corpus.n}-mdx-blog.log`),
    progress(`N=${corpus.n} MDX blog`),
  );
  recordMeasurement(corpus.n, 'mdx-blog', build);
  return build;
}

type BuiltCorpus = Omit<CorpusResult, 'firstVisit' | 'search' | 'oneJob' | 'warm'>;

/**
 * The cold builds, back to back so they see the same machine load: the annotated archive
 * first (so a long run cut short still has it, and the browser measures its output), then
 * its plain twin, then the MDX blog.
 */
async function buildCorpora(corpus: Corpus): Promise<BuiltCorpus> {
  const site = (kind: string) => path.join(OUT, `site-${corpus.n}-${kind}`, 'dist');
  const logFile = (kind: string) => path.join(OUT, 'logs', `build-${corpus.n}-${kind}.log`);
  log(`N=${corpus.n}: building the annotated corpus`);
  const annotated = await buildCorpus(corpus.annotatedDir, site('annotated'), logFile('annotated'), {
    progress: progress(`N=${corpus.n} annotated`),
  });
  recordMeasurement(corpus.n, 'annotated', annotated);
  log(`N=${corpus.n}: annotated ${annotated.ms} ms, ${annotated.pages} pages; building the plain twin`);
  const plain = await buildCorpus(corpus.plainDir, site('plain'), logFile('plain'), {
    progress: progress(`N=${corpus.n} plain`),
  });
  recordMeasurement(corpus.n, 'plain', plain);
  log(`N=${corpus.n}: plain ${plain.ms} ms, ${plain.pages} pages`);
  let blog: BuildMeasurement | null = null;
  if (!flags['no-mdx-blog']) {
    log(`N=${corpus.n}: building the plain MDX blog with Pagefind`);
    blog = await mdxBlog(corpus);
    log(`N=${corpus.n}: MDX blog ${blog.ms} ms, ${blog.pages} pages`);
  }
  const cpuRatio = (a: number | null, b: number | null) => (a !== null && b ? round(a / b) : null);
  return {
    n: corpus.n,
    people: corpus.people,
    claims: corpus.claims,
    annotated,
    plain,
    mdxBlog: blog,
    ratio: { wall: round(annotated.ms / plain.ms), cpu: cpuRatio(annotated.cpuMs, plain.cpuMs) },
    vsMdxBlog: blog && { wall: round(annotated.ms / blog.ms), cpu: cpuRatio(annotated.cpuMs, blog.cpuMs) },
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

/** The cold build once more with `--jobs=1`: the whole build's memory with one part at a time. */
async function oneJobBuild(corpus: Corpus): Promise<BuildMeasurement> {
  log(`N=${corpus.n}: building the annotated corpus cold again with --jobs=1`);
  const build = await buildCorpus(
    corpus.annotatedDir,
    path.join(OUT, `site-${corpus.n}-annotated`, 'dist'),
    path.join(OUT, 'logs', `build-${corpus.n}-annotated-jobs-1.log`),
    { buildArgs: ['--jobs=1'], progress: progress(`N=${corpus.n} annotated --jobs=1`) },
  );
  recordMeasurement(corpus.n, 'annotated-jobs-1', build);
  log(`N=${corpus.n}: --jobs=1 ${build.ms} ms, peak ${round(build.peakRss / GB)} GB`);
  return build;
}

const wantsOneJob = (n: number) => !flags['no-one-job'] && (flags['one-job'] || n >= 10_000);

/** Where an output's bytes go (sampled pages per kind). */
function breakdownOf(dist: string): Record<string, KindBreakdown> {
  const files = walkFiles(dist).map((file) => ({ path: path.relative(dist, file), bytes: fs.statSync(file).size }));
  return breakDownOutput(dist, files);
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

interface RunState {
  started: Date;
  info: ReturnType<typeof machine>;
  corpora: CorpusResult[];
  breakdowns: Map<number, Record<string, KindBreakdown>>;
  seed: ReturnType<typeof readSeed>;
  articlePage: ArticlePageMeasurement | null;
  /** False while the run is still going: a results file written midway says so. */
  complete: boolean;
  resultsFile: string;
}

/** results.json: every figure, with the date, the commit and the machine. */
function resultsJson(run: RunState) {
  const { started, info, corpora, seed, articlePage } = run;
  const targets = checkTargets({ corpora, articlePage });
  const relativeWarm = (warm: CorpusResult['warm']) =>
    warm &&
    Object.fromEntries(Object.entries(warm).map(([edit, w]) => [edit, { ...w, build: relativeBuild(w.build) }]));
  return {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    complete: run.complete,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: commit(),
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((l) => round(l)) },
    corpus: {
      seed: 'content/articles/us-china-trade-framework.mdx',
      perArticle: { people: seed.people.size, claims: seed.claims.size },
      peoplePool: corpora[0]?.people ?? 0,
    },
    corpora: corpora.map(({ annotated, plain, mdxBlog, oneJob, warm, search, firstVisit, ...rest }) => ({
      ...rest,
      annotated: relativeBuild(annotated),
      plain: relativeBuild(plain),
      mdxBlog: mdxBlog && relativeBuild(mdxBlog),
      oneJob: oneJob && relativeBuild(oneJob),
      searchIndex: projectIndex(annotated.outDir),
      outputBreakdown: run.breakdowns.get(rest.n) ?? null,
      warm: relativeWarm(warm),
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

function saveResults(run: RunState) {
  try {
    fs.writeFileSync(run.resultsFile, `${JSON.stringify(resultsJson(run), null, 2)}\n`);
  } catch (error) {
    // A long run keeps going: its builds are in measurements.jsonl whatever happens here.
    log(
      `could not write ${run.resultsFile}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

/** `--breakdown=<dist>`: prints where an existing output's bytes go. */
function breakdownOnly(dist: string) {
  if (!fs.existsSync(dist)) throw new Error(`--breakdown: ${dist} does not exist; build a site there first`);
  printBreakdown(path.resolve(dist), breakdownOf(path.resolve(dist)));
}

const resultsFile = (fallback: string) => flags.results ?? path.join(BENCH_DIR, fallback);

/** `--synthetic=<N>`: the site-wide step and, with --synthetic-merge, the merge on a synthetic manifest of N articles. */
async function synthetic(n: number) {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--synthetic expects a number of articles, like --synthetic=100000`);
  const startedAt = new Date().toISOString();
  const result = await runSynthetic({ out: OUT, n, merge: flags['synthetic-merge']!, log });
  const file = resultsFile('results-synthetic.json');
  const relative = (build: BuildMeasurement | null) => build && relativeBuild(build);
  const json = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: commit(),
    machine: { ...machine(), loadAverageAtEnd: os.loadavg().map((l) => round(l)) },
    ...result,
    site: relative(result.site),
    merge: relative(result.merge),
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function main() {
  if (flags.breakdown) return breakdownOnly(flags.breakdown);
  if (flags.synthetic) return synthetic(Number(flags.synthetic));
  const sizes = sizesToRun();
  const seed = readSeed(path.join(PROJECT_ROOT, 'content'));
  const info = machine();
  const run: RunState = {
    started: new Date(),
    info,
    corpora: [],
    breakdowns: new Map(),
    seed,
    articlePage: null,
    complete: false,
    // The 10,000-article run keeps its own file, so both sets of figures stay in the repository.
    resultsFile: resultsFile(sizes.includes(10_000) ? 'results-large.json' : 'results.json'),
  };
  log(
    `sizes ${sizes.join(', ')} on ${info.cpus} cores (${info.cpuModel}), load average ${info.loadAverageAtStart.join(' ')}`,
  );
  fs.mkdirSync(path.dirname(MEASUREMENTS_LOG), { recursive: true });
  // The article page is measured once, on the 1,000-article site (or the largest ≤ 1,000).
  const articlePageN = sizes.filter((n) => n <= 1000).pop() ?? sizes[0]!;
  for (const n of sizes) {
    log(`N=${n}: generating the annotated corpus and its plain twin`);
    const corpus = generateCorpus(seed, n, path.join(OUT, `corpus-${n}`));
    const built = await buildCorpora(corpus);
    try {
      run.breakdowns.set(n, breakdownOf(built.annotated.outDir));
    } catch (error) {
      log(`N=${n}: the output breakdown failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const readers = flags['no-browser']
      ? null
      : await measureReaders(corpus, built.annotated.outDir, n === articlePageN).catch((error: unknown) => {
          // Reported, not fatal: the warm and one-job builds still run.
          log(`N=${n}: the browser measurements failed: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        });
    run.articlePage = readers?.articlePage ?? run.articlePage;
    const result: CorpusResult = {
      ...built,
      warm: null,
      oneJob: null,
      search: readers?.search ?? null,
      firstVisit: readers?.firstVisit ?? null,
    };
    // Saved after each step, so a long run cut short keeps what it measured.
    run.corpora.push(result);
    saveResults(run);
    if (!flags['no-warm']) {
      result.warm = await warmRebuilds(corpus, built.annotated);
      saveResults(run);
    }
    if (wantsOneJob(n)) {
      result.oneJob = await oneJobBuild(corpus);
      saveResults(run);
    }
  }
  run.complete = true;
  saveResults(run);
  printReport(run.corpora, run.articlePage, checkTargets({ corpora: run.corpora, articlePage: run.articlePage }));
  const last = run.corpora.at(-1);
  if (last) printBreakdown(`N=${last.n}, annotated`, run.breakdowns.get(last.n)!);
  console.log(`\n[bench] wrote ${path.relative(process.cwd(), run.resultsFile)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
