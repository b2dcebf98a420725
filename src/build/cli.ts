import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { readContentRecords } from '../collections/content-records';
import { defaultPartCount, parsePart, type PartSpec } from '../lib/build-parts';
import { buildAstroStep, type StepOutcome } from './astro-step';
import { configVersion, manifestVersion, siteCodeVersion, type BuildVersions } from './inputs';
import { buildLayout, partSteps, type AstroStep, type BuildLayout } from './layout';
import { gigabytes, runStep, seconds } from './run-step';

/** What `npm run build -- …` was asked to do. */
interface BuildRequest {
  mode: 'all' | 'content' | 'part' | 'site' | 'merge';
  part?: PartSpec;
  /** Parts of the whole build or the merge (`--parts`), else from the archive's size. */
  parts?: number;
  jobs: number;
  /** Build a part or the site pages from the records already there (`--from-records`). */
  fromRecords: boolean;
}

const USAGE =
  'usage: npm run build [-- --jobs=N] [--parts=N] | -- --content | -- --part=i/n [--from-records] | -- --site [--from-records] | -- --merge [--parts=N]';

function positive(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag}=${value} is not a whole number of at least 1`);
  return number;
}

export function parseRequest(argv: readonly string[]): BuildRequest {
  const request: BuildRequest = { mode: 'all', jobs: os.availableParallelism(), fromRecords: false };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2) as [string, string?];
    if (flag === '--part') Object.assign(request, { mode: 'part', part: parsePart(value) });
    else if (flag === '--site' || flag === '--merge' || flag === '--content')
      request.mode = flag.slice(2) as BuildRequest['mode'];
    else if (flag === '--jobs') request.jobs = positive(value, flag);
    else if (flag === '--parts') request.parts = positive(value, flag);
    else if (flag === '--from-records') request.fromRecords = true;
    else throw new Error(`Unknown option ${arg}; ${USAGE}`);
  }
  return request;
}

const print = (line: string) => console.log(line);

const logger = {
  info: (message: string) => print(`[merge] ${message}`),
  warn: (message: string) => print(`[merge] warning: ${message}`),
  error: (message: string) => print(`[merge] error: ${message}`),
  debug: () => undefined,
} as unknown as AstroIntegrationLogger;

function versionsOf(layout: BuildLayout): BuildVersions {
  return {
    code: siteCodeVersion(layout.root),
    config: configVersion(process.env),
    manifest: manifestVersion(layout.recordsDir),
  };
}

const CLI = fileURLToPath(import.meta.url);

/** Runs the content step or the merge as a child process, so its memory is its own and measured. */
async function childStep(layout: BuildLayout, name: string, args: string[]): Promise<void> {
  const result = await runStep(
    {
      name,
      command: process.execPath,
      args: ['--import', 'tsx', CLI, ...args],
      env: process.env,
      logFile: path.join(layout.workDir, `${name}.log`),
    },
    (line) => print(line.replace(`[${name}] [${name}] `, `[${name}] `)),
  );
  if (result.code !== 0) {
    throw new Error(
      `${name} failed (exit code ${result.code}) after ${seconds(result.ms)}; its log: ${path.join(layout.workDir, `${name}.log`)}`,
    );
  }
  print(`✓ ${name}: ${seconds(result.ms)}, peak ${gigabytes(result.peak)}`);
}

/** Runs the steps at most `jobs` at a time, printing each one's line as it finishes. */
async function runPool(tasks: (() => Promise<StepOutcome>)[], jobs: number): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const outcome = await tasks[next++]!();
      print(outcome.line);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return outcomes;
}

/** Fails naming every step that failed, with the end of its log. */
function failIfAny(outcomes: readonly StepOutcome[]): void {
  const failed = outcomes.filter((outcome) => !outcome.ok);
  if (!failed.length) return;
  for (const outcome of failed) print(`\n${outcome.failure}`);
  throw new Error(`The build failed in ${failed.map(({ name }) => name).join(', ')}; dist/ was left as it was.`);
}

/** Parts in the cache folder built for other part counts: they can never be merged with these. */
function removeOtherCounts(layout: BuildLayout, count: number): void {
  if (!fs.existsSync(layout.partsDir)) return;
  for (const name of fs.readdirSync(layout.partsDir)) {
    if (!name.endsWith(`-of-${count}`)) fs.rmSync(path.join(layout.partsDir, name), { recursive: true, force: true });
  }
}

/** The part count of the parts in the cache folder, when they are all of one count. */
function builtPartCount(layout: BuildLayout): number {
  const counts = new Set(
    (fs.existsSync(layout.partsDir) ? fs.readdirSync(layout.partsDir) : []).map((name) =>
      Number(name.split('-of-')[1]),
    ),
  );
  if (counts.size !== 1) {
    throw new Error(`Cannot tell how many parts to merge from ${layout.partsDir}; say it with --parts=N`);
  }
  return [...counts][0]!;
}

async function buildAll(layout: BuildLayout, request: BuildRequest): Promise<void> {
  const started = performance.now();
  await childStep(layout, 'content', ['--content']);
  const records = readContentRecords(layout.recordsDir, layout.root);
  const versions = versionsOf(layout);
  const count = request.parts ?? defaultPartCount(records.articles.length);
  removeOtherCounts(layout, count);
  // One part needs no split: a single Astro process writes every page.
  const steps: AstroStep[] = count === 1 ? [{ kind: 'all' }] : [{ kind: 'site' }, ...partSteps(count)];
  print(
    count === 1
      ? `Building ${records.articles.length.toLocaleString('en')} articles as one part.`
      : `Building ${records.articles.length.toLocaleString('en')} articles in ${count} parts and the site pages, ${request.jobs} at a time.`,
  );
  const outcomes = await runPool(
    steps.map((step) => () => buildAstroStep(layout, step, records, versions, print)),
    request.jobs,
  );
  failIfAny(outcomes);
  await childStep(layout, 'merge', ['--merge', `--parts=${count}`]);
  const reused = outcomes.filter((outcome) => outcome.reused).length;
  print(
    `Built ${layout.outDir} in ${seconds(performance.now() - started)} (${outcomes.length - reused} steps built, ${reused} reused).`,
  );
}

async function buildOne(layout: BuildLayout, request: BuildRequest, step: AstroStep): Promise<void> {
  if (!request.fromRecords) await childStep(layout, 'content', ['--content']);
  const records = readContentRecords(layout.recordsDir, layout.root);
  failIfAny(
    [await buildAstroStep(layout, step, records, versionsOf(layout), print)].map(
      (outcome) => (print(outcome.line), outcome),
    ),
  );
}

export async function build(request: BuildRequest, layout: BuildLayout): Promise<void> {
  switch (request.mode) {
    // The pipeline, Pagefind and Workbox are loaded only by the steps that use them.
    case 'content':
      return (await import('./content-step')).buildContentRecords(layout, (line) => print(`[content] ${line}`));
    case 'part':
      return buildOne(layout, request, { kind: 'part', part: request.part! });
    case 'site':
      return buildOne(layout, request, { kind: 'site' });
    case 'merge':
      return (await import('./merge')).mergeParts(
        layout,
        request.parts ?? builtPartCount(layout),
        versionsOf(layout),
        logger,
      );
    default:
      return buildAll(layout, request);
  }
}

if (process.argv[1] === CLI) {
  const root = path.resolve(path.dirname(CLI), '../..');
  try {
    const request = parseRequest(process.argv.slice(2));
    await build(request, buildLayout(process.env, root));
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    process.exitCode = 1;
  }
}
