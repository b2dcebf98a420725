import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, SITES_DIR } from './paths';

export interface BuildOptions {
  /** Folder name of the output under SITES_DIR. */
  name: string;
  /** Content folder (articles/, people/, claims/); the project's `content/` by default. */
  contentDir?: string;
  basePath?: string;
  siteUrl?: string;
  /** Keep the caches an earlier build of the same name left beside its output (a warm build). */
  keepCache?: boolean;
  /** Leave the output folder as it is (the build itself replaces it only when it succeeds). */
  keepOutput?: boolean;
  /** Options for `npm run build -- …`, such as `--parts=3`. */
  args?: string[];
  /** More environment variables. */
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  outDir: string;
  code: number;
  /** stdout and stderr together, colours stripped. */
  output: string;
  ms: number;
}

/** The environment without what the test runner adds (it sets BASE_URL, MODE, NODE_ENV, …). */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|ASSETS_PREFIX$)/.test(key)) delete env[key];
  }
  return env;
}

/**
 * Astro writes generated files into the project's own `.astro/` folder, so two builds of
 * this checkout at once (test files run in parallel workers) would overwrite each other's.
 * A lock folder beside the test sites lets one build run at a time across processes.
 */
export async function withBuildLock<T>(run: () => Promise<T>): Promise<T> {
  const lock = path.join(SITES_DIR, '.build-lock');
  fs.mkdirSync(SITES_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build can take was left by a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the project's real build (`npm run build`, in parts) against some content, into its own folder. */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  return withBuildLock(() => runBuild(options));
}

function runBuild(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.join(SITES_DIR, options.name, 'dist');
  if (!options.keepOutput)
    fs.rmSync(options.keepCache ? outDir : path.dirname(outDir), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const env = {
    ...cleanEnv(),
    OUT_DIR: outDir,
    CONTENT_DIR: options.contentDir ?? path.join(PROJECT_ROOT, 'content'),
    BASE_PATH: options.basePath ?? '/',
    SITE_URL: options.siteUrl ?? 'http://localhost:4321',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/build/cli.ts'), ...(options.args ?? [])],
      {
        cwd: PROJECT_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ outDir, code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, ''), ms: Date.now() - started }),
    );
  });
}

/** Output folder of a site built by the global setup. */
export function siteDir(name: string): string {
  const dir = path.join(SITES_DIR, name, 'dist');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `The test site "${name}" was not built; run the tests through \`npm test\` (vitest's global setup builds it).`,
    );
  }
  return dir;
}
