import fs from 'node:fs';
import path from 'node:path';
import { configVersion, manifestVersion, siteCodeVersion } from '../src/build/inputs';
import { partOf, defaultPartCount } from '../src/lib/build-parts';
import { buildCorpus, buildEnv, measureCommand, measureOutput, PROJECT_ROOT, type BuildMeasurement } from './build';
import { generateCorpus, readSeed } from './corpus';
import { multiplyRecords, renumber } from './synthetic-manifest';

/**
 * The site-wide step and the merge of a build in parts at a size no machine here builds
 * whole (100,000 articles), on a synthetic manifest: a real cold build of `base` articles
 * (1,000) leaves its records, which are multiplied (see synthetic-manifest.ts); then
 * `npm run build -- --site --from-records` builds the site-wide pages from them, and, when
 * asked, `--merge` assembles parts made of the small build's pages (hard links, under the
 * big archive's slugs and claim ids) into one site with its search index and service worker.
 */

const ENV = { BASE_PATH: '/', SITE_URL: 'http://localhost:4321' };

export interface SyntheticResult {
  n: number;
  base: number;
  parts: number;
  articles: number;
  claims: number;
  /** Making the manifest (not part of the build). */
  manifestMs: number;
  manifestBytes: number;
  site: BuildMeasurement;
  merge: BuildMeasurement | null;
}

/** The records of a cold build of the `base`-article corpus, building it when they are not there. */
async function baseRecords(
  out: string,
  base: number,
  log: (line: string) => void,
): Promise<{ records: string; dist: string; contentDir: string }> {
  const dist = path.join(out, `site-${base}-annotated`, 'dist');
  const records = path.join(out, `site-${base}-annotated`, '.build-cache-dist', 'records');
  const contentDir = path.join(out, `corpus-${base}`, 'annotated');
  if (!fs.existsSync(path.join(records, 'content-records.json')) || !fs.existsSync(contentDir)) {
    log(`building the ${base}-article corpus for its records`);
    const seed = readSeed(path.join(PROJECT_ROOT, 'content'));
    generateCorpus(seed, base, path.join(out, `corpus-${base}`));
    await buildCorpus(contentDir, dist, path.join(out, 'logs', `build-${base}-annotated-for-synthetic.log`));
  }
  return { records, dist, contentDir };
}

/** Hard links `from` at `to`, making its folder. */
function link(from: string, to: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.linkSync(from, to);
}

/**
 * Parts of the big archive made of the small build's pages: each synthetic article's and
 * claim's pages are links to those of the article or claim it copies, in the part its slug
 * or id falls in, with a step record of this checkout's versions, as a real part leaves.
 */
function syntheticParts(input: {
  workDir: string;
  recordsDir: string;
  baseDist: string;
  base: number;
  times: number;
  parts: number;
}) {
  const { workDir, recordsDir, baseDist, base, times, parts } = input;
  const versions = {
    code: siteCodeVersion(PROJECT_ROOT),
    config: configVersion(ENV),
    manifest: manifestVersion(recordsDir),
  };
  const partDist = (p: number) => path.join(workDir, 'parts', `${p}-of-${parts}`, 'dist');
  fs.rmSync(path.join(workDir, 'parts'), { recursive: true, force: true });
  for (const folder of ['articles', 'claims']) {
    for (const name of fs.readdirSync(path.join(baseDist, folder))) {
      if (/^\d+$/.test(name) || name === 'index.html') continue;
      const files = fs.readdirSync(path.join(baseDist, folder, name)).filter((f) => !f.startsWith('.'));
      for (let copy = 0; copy < times; copy++) {
        const id = renumber(name, copy, base);
        const target = path.join(partDist(partOf(id, parts)), folder, id);
        for (const file of files) link(path.join(baseDist, folder, name, file), path.join(target, file));
      }
    }
  }
  for (let p = 1; p <= parts; p++) {
    fs.mkdirSync(partDist(p), { recursive: true });
    fs.cpSync(path.join(baseDist, '_astro'), path.join(partDist(p), '_astro'), { recursive: true });
    const record = { name: `part ${p}/${parts}`, inputs: 'synthetic', ...versions, ms: 0, peak: 0 };
    fs.writeFileSync(path.join(workDir, 'parts', `${p}-of-${parts}`, 'step.json'), JSON.stringify(record));
  }
}

/** Runs `npm run build -- <args>` on the synthetic archive's folders, measured. */
async function runBuild(args: string[], contentDir: string, outDir: string, workDir: string, logFile: string) {
  const measured = await measureCommand({
    command: 'npm',
    args: ['run', 'build', '--', ...args],
    cwd: PROJECT_ROOT,
    env: buildEnv({ ...ENV, CONTENT_DIR: contentDir, OUT_DIR: outDir, BUILD_CACHE_DIR: workDir }),
    logFile,
    progress: { label: `[bench] synthetic ${args.join(' ')}`, print: (line) => console.log(line) },
  });
  return measured;
}

export async function runSynthetic(options: {
  out: string;
  n: number;
  base?: number;
  merge: boolean;
  log: (line: string) => void;
}): Promise<SyntheticResult> {
  const { out, n, merge, log } = options;
  const base = options.base ?? 1000;
  if (n % base) throw new Error(`--synthetic=${n} must be a multiple of ${base}`);
  const times = n / base;
  const source = await baseRecords(out, base, log);
  const root = path.join(out, `synthetic-${n}`);
  const workDir = path.join(root, '.build-cache-dist');
  const recordsDir = path.join(workDir, 'records');
  const outDir = path.join(root, 'dist');
  log(`multiplying the records of ${base} articles ${times} times into ${path.relative(PROJECT_ROOT, recordsDir)}`);
  const started = performance.now();
  const { articles, claims } = multiplyRecords(source.records, recordsDir, base, times);
  const manifestMs = Math.round(performance.now() - started);
  const manifestBytes = fs.statSync(path.join(recordsDir, 'content-records.json')).size;
  log(
    `${articles.toLocaleString('en')} articles, ${claims.toLocaleString('en')} claims; manifest ${Math.round(manifestBytes / 1e6)} MB in ${manifestMs} ms`,
  );
  fs.rmSync(path.join(workDir, 'site'), { recursive: true, force: true });
  log('site-wide step: npm run build -- --site --from-records');
  const siteLog = path.join(out, 'logs', `synthetic-${n}-site.log`);
  const siteMeasured = await runBuild(['--site', '--from-records'], source.contentDir, outDir, workDir, siteLog);
  const siteDist = path.join(workDir, 'site', 'dist');
  const site: BuildMeasurement = {
    mode: 'cold',
    command: 'npm run build -- --site --from-records',
    ...siteMeasured,
    ...measureOutput(siteDist),
    outDir: siteDist,
  };
  log(
    `site-wide step: ${Math.round(site.ms / 1000)} s, peak ${(site.peakRss / 2 ** 30).toFixed(2)} GB, ${site.pages} pages`,
  );
  const parts = defaultPartCount(articles);
  let mergeBuild: BuildMeasurement | null = null;
  if (merge) {
    log(`making ${parts} synthetic parts from the pages of the ${base}-article build (hard links)`);
    syntheticParts({ workDir, recordsDir, baseDist: source.dist, base, times, parts });
    log(`merge: npm run build -- --merge --parts=${parts}`);
    const mergeLog = path.join(out, 'logs', `synthetic-${n}-merge.log`);
    const measured = await runBuild([`--merge`, `--parts=${parts}`], source.contentDir, outDir, workDir, mergeLog);
    mergeBuild = {
      mode: 'cold',
      command: `npm run build -- --merge --parts=${parts}`,
      ...measured,
      ...measureOutput(outDir),
      outDir,
    };
    log(
      `merge: ${Math.round(mergeBuild.ms / 1000)} s, peak ${(mergeBuild.peakRss / 2 ** 30).toFixed(2)} GB, ${mergeBuild.output.files} files`,
    );
  }
  return { n, base, parts, articles, claims, manifestMs, manifestBytes, site, merge: mergeBuild };
}
