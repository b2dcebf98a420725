import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { watchTreeRss } from '../lib/process-tree';

interface StepRun {
  /** How logs and errors name the step: `part 3/8`, `site pages`, `content`, `merge`. */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The step's whole output goes here; the console gets its progress. */
  logFile: string;
  /** Pages the step will write, for "how far" in its progress lines (0 when not known). */
  expectedPages?: number;
}

interface StepResult {
  code: number;
  ms: number;
  /** Peak resident memory of the step's process tree, in bytes. */
  peak: number;
  /** The last lines it printed, to show with a failure. */
  tail: string[];
}

/** One line Astro prints per page written (`  ├─ /articles/x/index.html (+3ms)`). */
const PAGE_LINE = /^(?:\d\d:\d\d:\d\d )?\s*[├└]─ /;
/** Pages between two progress lines of a step. */
const PAGES_EVERY = 1000;
const count = new Intl.NumberFormat('en');
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Runs one step of a build in parts as its own process: its output goes to its log file, and
 * to the console prefixed with its name, but for the line per page, which becomes a line every
 * thousand pages with how far it is. Its peak memory is sampled from /proc.
 */
export function runStep(run: StepRun, print: (line: string) => void): Promise<StepResult> {
  fs.mkdirSync(path.dirname(run.logFile), { recursive: true });
  const log = fs.createWriteStream(run.logFile);
  const started = performance.now();
  const tail: string[] = [];
  let pages = 0;
  const onLine = (raw: string) => {
    const line = raw.replace(ANSI, '');
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (!PAGE_LINE.test(line)) {
      if (line.trim()) print(`[${run.name}] ${line.trimEnd()}`);
      return;
    }
    pages++;
    if (pages % PAGES_EVERY === 0) {
      const share = run.expectedPages ? ` of about ${count.format(run.expectedPages)}` : '';
      print(`[${run.name}] ${count.format(pages)}${share} pages written…`);
    }
  };
  return new Promise((resolve) => {
    const child = spawn(run.command, run.args, { env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = watchTreeRss(child.pid!, 250);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop()!;
        lines.forEach(onLine);
      });
      stream.on('end', () => rest && onLine(rest));
    }
    const finish = (code: number) => {
      const { peak } = memory.stop();
      log.end();
      resolve({ code, ms: performance.now() - started, peak, tail });
    };
    child.on('error', (error) => {
      tail.push(error.message);
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
