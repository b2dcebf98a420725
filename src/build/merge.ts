import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { buildSearchIndex } from '../search/build-index';
import { writeServiceWorker } from '../offline/service-worker';
import { PRECACHE_BUDGET } from '../offline/precache-budget';
import { siteConfig } from '../site-config';
import { partSteps, stepDir, stepName, type AstroStep, type BuildLayout } from './layout';
import type { BuildVersions } from './inputs';
import { readStepRecord, type StepRecord } from './step-record';
import { writeSitemap } from './sitemap';

/** What a part contributes to the merged site; everything else comes from the site step. */
const PART_FOLDERS = ['articles', 'claims', '_astro'];

/** The steps a merge of `count` parts needs, each with its record; throws naming any that is missing. */
function finishedSteps(
  layout: BuildLayout,
  count: number,
  manifest: string,
): { step: AstroStep; record: StepRecord }[] {
  const all: AstroStep = { kind: 'all' };
  const whole = count === 1 ? readStepRecord(stepDir(layout, all)) : undefined;
  if (whole?.manifest === manifest) return [{ step: all, record: whole }];
  const steps: AstroStep[] = [{ kind: 'site' }, ...partSteps(count)];
  const missing: string[] = [];
  const found = steps.flatMap((step) => {
    const record = readStepRecord(stepDir(layout, step));
    if (!record || !fs.existsSync(path.join(stepDir(layout, step), 'dist'))) {
      missing.push(stepName(step));
      return [];
    }
    return [{ step, record }];
  });
  if (missing.length) {
    throw new Error(
      `Cannot merge: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not built in ${layout.workDir}; build ${missing.length === 1 ? 'it' : 'them'} first (npm run build -- --part=i/${count} or --site)`,
    );
  }
  return found;
}

/** Refuses steps built from different code, configuration or content manifests, naming them. */
export function checkSameBuild(records: readonly StepRecord[], expected: BuildVersions): void {
  const problems: string[] = [];
  const what: Record<keyof BuildVersions, string> = {
    code: 'code',
    config: 'configuration (SITE_URL, BASE_PATH)',
    manifest: 'content manifest',
  };
  for (const key of Object.keys(what) as (keyof BuildVersions)[]) {
    const odd = records.filter((record) => record[key] !== expected[key]).map(({ name }) => name);
    if (odd.length)
      problems.push(`${odd.join(', ')} ${odd.length === 1 ? 'was' : 'were'} built from other ${what[key]}`);
  }
  if (problems.length) {
    throw new Error(
      `Cannot merge parts built from different inputs: ${problems.join('; ')} than this checkout and its content records. Build them again from the same commit, settings and content.`,
    );
  }
}

/**
 * Puts every file of `from` into `to` as a hard link where the file system allows (a step's
 * output is never written in place: Astro empties its folder and writes new files), else as a
 * copy: a merge of 100,000 files then costs seconds, not a copy of gigabytes.
 */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    fs.rmSync(target, { force: true });
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
  }
}

/** Puts a step's output into the new site; a part gives only its articles, claims and assets. */
function copyStep(from: string, to: string, step: AstroStep): void {
  if (step.kind !== 'part') {
    linkTree(from, to);
    return;
  }
  for (const folder of PART_FOLDERS) {
    const source = path.join(from, folder);
    if (fs.existsSync(source)) linkTree(source, path.join(to, folder));
  }
}

/** Puts the new site in place of the old in two renames, so `dist/` is never half written. */
function swapInto(next: string, outDir: string): void {
  const previous = `${outDir}.previous`;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(outDir)) fs.renameSync(outDir, previous);
  fs.renameSync(next, outDir);
  fs.rmSync(previous, { recursive: true, force: true });
}

/**
 * Assembles the site from the site step and every part into a new folder beside `dist/`,
 * writes its sitemap, one search index (from the content records, with Pagefind's Node API,
 * in this process, which holds no Astro heap) and one service worker, and only then puts it
 * in place of `dist/`. A failure anywhere leaves the previous `dist/` as it was.
 */
export async function mergeParts(
  layout: BuildLayout,
  count: number,
  versions: BuildVersions,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const steps = finishedSteps(layout, count, versions.manifest);
  checkSameBuild(
    steps.map(({ record }) => record),
    versions,
  );
  const next = `${layout.outDir}.next`;
  fs.rmSync(next, { recursive: true, force: true });
  try {
    for (const { step } of steps) copyStep(path.join(stepDir(layout, step), 'dist'), next, step);
    logger.info(`Assembled the site pages and ${count} part${count === 1 ? '' : 's'}.`);
    const { site, base } = siteConfig(process.env, layout.root);
    await writeSitemap(next, { site, base }, logger);
    const started = performance.now();
    const summary = await buildSearchIndex({
      outDir: next,
      renderedDir: path.join(layout.recordsDir, 'rendered-articles'),
      onProgress: (indexed, total) =>
        logger.info(`Indexed ${indexed.toLocaleString('en')} of ${total.toLocaleString('en')} articles…`),
    });
    logger.info(
      `Indexed ${summary.articles} articles in ${summary.records} search records in ${Math.round(performance.now() - started)} ms.`,
    );
    const sw = await writeServiceWorker({ outDir: next, budget: PRECACHE_BUDGET });
    for (const warning of sw.warnings) logger.warn(warning);
    logger.info(`Service worker precaches ${sw.count} files.`);
    swapInto(next, layout.outDir);
  } catch (error) {
    fs.rmSync(next, { recursive: true, force: true });
    throw error;
  }
}
