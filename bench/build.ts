import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputStats, type OutputStats } from './output-stats';
import { watchTreeRss } from './process-tree';
import { reportProgress } from './progress';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface BuildMeasurement {
  /** Cold: output and cache removed first; warm: both kept from the build before. */
  mode: 'cold' | 'warm';
  /** Wall-clock time of `astro build`, ms. */
  ms: number;
  /** User + system CPU time of the build and its children (from GNU time), ms; null without it. */
  cpuMs: number | null;
  /** Largest sum of resident memory over the build's process tree, bytes. */
  peakRss: number;
  /** HTML pages written. */
  pages: number;
  /** Bytes of everything written to the output folder. */
  outputBytes: number;
  /** Files, bytes, files per top-level folder and the largest HTML page. */
  output: OutputStats;
  outDir: string;
}

/** The environment of a plain shell: nothing a test runner or the bench itself set. */
function buildEnv(contentDir: string, outDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|ASSETS_PREFIX$|NODE_OPTIONS$)/.test(key))
      delete env[key];
  }
  return {
    ...env,
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    BASE_PATH: '/',
    SITE_URL: 'http://localhost:4321',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** Every file under `dir`. Collected into one array: a 10,000-article site has 250,000 index files. */
export function walkFiles(dir: string, files: string[] = []): string[] {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(full, files);
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

export function folderBytes(dir: string): number {
  return walkFiles(dir).reduce((sum, file) => sum + fs.statSync(file).size, 0);
}

/** Astro's cache for a build into `outDir` (see src/site-config.ts: beside a non-default OUT_DIR). */
export function cacheDirFor(outDir: string): string {
  return path.join(outDir, '..', `.astro-cache-${path.basename(outDir)}`);
}

export interface BuildOptions {
  /**
   * `cold` (default) removes the output and Astro's cache first, so nothing is reused from an
   * earlier run; `warm` keeps both, as an author's next build after an edit would.
   */
  mode?: 'cold' | 'warm';
  /** Arguments for node itself (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Prints a progress line every 30 s while the build runs (from its log); silent without. */
  progress?: { label: string; print: (line: string) => void };
}

/** Runs the project's real `astro build` on one content folder, cold or warm (see BuildOptions). */
export async function buildCorpus(
  contentDir: string,
  outDir: string,
  logFile: string,
  options: BuildOptions = {},
): Promise<BuildMeasurement> {
  const { mode = 'cold', nodeArgs = [], progress } = options;
  if (mode === 'cold') {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(cacheDirFor(outDir), { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const timeFile = `${logFile}.time`;
  const astro = [...nodeArgs, path.join(PROJECT_ROOT, 'node_modules/astro/astro.js'), 'build'];
  const useTime = fs.existsSync(GNU_TIME);
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...astro]]
    : [process.execPath, astro];
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: buildEnv(contentDir, outDir),
    stdio: ['ignore', log, log],
  });
  const memory = watchTreeRss(child.pid!);
  const stopProgress = progress ? reportProgress(progress.label, logFile, progress.print) : () => {};
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  }).finally(stopProgress);
  const ms = performance.now() - started;
  const { peak } = memory.stop();
  fs.closeSync(log);
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`astro build of ${contentDir} failed with exit code ${code}; log: ${logFile}\n${tail}`);
  }
  let cpuMs: number | null = null;
  if (useTime) {
    const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = Math.round(((user ?? 0) + (system ?? 0)) * 1000);
  }
  const output = outputStats(
    walkFiles(outDir).map((file) => ({ path: path.relative(outDir, file), bytes: fs.statSync(file).size })),
  );
  return {
    mode,
    ms: Math.round(ms),
    cpuMs,
    peakRss: peak,
    pages: output.pages,
    outputBytes: output.bytes,
    output,
    outDir,
  };
}
