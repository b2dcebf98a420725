import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputStats, type OutputStats } from './output-stats';
import { watchTreeRss, type ProcessPeak } from './process-tree';
import { reportProgress } from './progress';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface BuildMeasurement {
  /** Cold: output and cache removed first; warm: both kept from the build before. */
  mode: 'cold' | 'warm';
  /** The command as a user would type it, e.g. `npm run build -- --jobs=1`. */
  command: string;
  /** Wall-clock time of the build, ms. */
  ms: number;
  /** User + system CPU time of the build and its children (from GNU time), ms; null without it. */
  cpuMs: number | null;
  /** Largest sum of resident memory over the build's process tree, bytes. */
  peakRss: number;
  /** The largest resident set of any single process of the build, bytes. */
  largestProcessRss: number;
  /** The build's processes with the most memory, each with its own peak, largest first. */
  processes: ProcessPeak[];
  /** HTML pages written. */
  pages: number;
  /** Bytes of everything written to the output folder. */
  outputBytes: number;
  /** Files, bytes, files per top-level folder and the largest HTML page. */
  output: OutputStats;
  outDir: string;
}

/** How many processes a measurement keeps, by their own peak. */
const PROCESSES_KEPT = 8;

/** The environment of a plain shell: nothing a test runner or the bench itself set, no colours, no telemetry. */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|ASSETS_PREFIX$|NODE_OPTIONS$|npm_)/.test(key))
      delete env[key];
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** The caches an Astro project keeps between builds: `.astro/` and `node_modules/.astro/` in it. */
export function cacheFoldersOfProject(projectDir: string): string[] {
  return [path.join(projectDir, '.astro'), path.join(projectDir, 'node_modules', '.astro')];
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

/**
 * The caches of a build into `outDir`, beside a non-default OUT_DIR: the build in parts'
 * folder (src/build/layout.ts) and Astro's own (src/site-config.ts).
 */
export function cacheDirsFor(outDir: string): string[] {
  const name = path.basename(outDir);
  return [`.build-cache-${name}`, `.astro-cache-${name}`].map((folder) => path.join(outDir, '..', folder));
}

export interface BuildOptions {
  /**
   * `cold` (default) removes the output and Astro's cache first, so nothing is reused from an
   * earlier run; `warm` keeps both, as an author's next build after an edit would.
   */
  mode?: 'cold' | 'warm';
  /** Arguments after `npm run build --`, e.g. `--jobs=1`. */
  buildArgs?: string[];
  /** Prints a progress line every 30 s while the build runs (from its log); silent without. */
  progress?: { label: string; print: (line: string) => void };
}

/** What running one command measured: time, CPU, memory of its process tree and of each process. */
export type CommandMeasurement = Pick<BuildMeasurement, 'ms' | 'cpuMs' | 'peakRss' | 'largestProcessRss' | 'processes'>;

/**
 * Runs a command to its end under GNU time (when installed), sampling its process tree's memory,
 * with its output in `logFile` and a progress line every 30 s when asked. Throws with the log's
 * tail when it fails.
 */
export async function measureCommand(run: {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  progress?: BuildOptions['progress'];
}): Promise<CommandMeasurement> {
  const { logFile, progress } = run;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const timeFile = `${logFile}.time`;
  const useTime = fs.existsSync(GNU_TIME);
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, run.command, ...run.args]]
    : [run.command, run.args];
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: run.cwd, env: run.env, stdio: ['ignore', log, log] });
  const memory = watchTreeRss(child.pid!);
  const stopProgress = progress ? reportProgress(progress.label, logFile, progress.print) : () => {};
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  }).finally(stopProgress);
  const ms = performance.now() - started;
  const { peak, largestProcess, processes } = memory.stop();
  fs.closeSync(log);
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${[run.command, ...run.args].join(' ')} failed with exit code ${code}; log: ${logFile}\n${tail}`);
  }
  let cpuMs: number | null = null;
  if (useTime) {
    const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = Math.round(((user ?? 0) + (system ?? 0)) * 1000);
  }
  return {
    ms: Math.round(ms),
    cpuMs,
    peakRss: peak,
    largestProcessRss: largestProcess,
    processes: processes.slice(0, PROCESSES_KEPT),
  };
}

/** Files, bytes and pages of an output folder, for a measurement. */
export function measureOutput(outDir: string): Pick<BuildMeasurement, 'pages' | 'outputBytes' | 'output'> {
  const output = outputStats(
    walkFiles(outDir).map((file) => ({ path: path.relative(outDir, file), bytes: fs.statSync(file).size })),
  );
  return { pages: output.pages, outputBytes: output.bytes, output };
}

/** npm itself: the one running the bench when there is one, else `npm` on the PATH. */
function npmCommand(): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  return cli && /npm-cli\.js$/.test(cli) ? { command: process.execPath, args: [cli] } : { command: 'npm', args: [] };
}

/**
 * Builds one content folder the way users do, `npm run build` in the project (with
 * `CONTENT_DIR` and `OUT_DIR`), cold or warm (see BuildOptions).
 */
export async function buildCorpus(
  contentDir: string,
  outDir: string,
  logFile: string,
  options: BuildOptions = {},
): Promise<BuildMeasurement> {
  const { mode = 'cold', buildArgs = [], progress } = options;
  if (mode === 'cold') {
    fs.rmSync(outDir, { recursive: true, force: true });
    for (const dir of cacheDirsFor(outDir)) fs.rmSync(dir, { recursive: true, force: true });
  }
  const npm = npmCommand();
  const measured = await measureCommand({
    command: npm.command,
    args: [...npm.args, 'run', 'build', ...(buildArgs.length ? ['--', ...buildArgs] : [])],
    cwd: PROJECT_ROOT,
    env: buildEnv({ CONTENT_DIR: contentDir, OUT_DIR: outDir, BASE_PATH: '/', SITE_URL: 'http://localhost:4321' }),
    logFile,
    progress,
  });
  return {
    mode,
    command: `npm run build${buildArgs.length ? ` -- ${buildArgs.join(' ')}` : ''}`,
    ...measured,
    ...measureOutput(outDir),
    outDir,
  };
}
