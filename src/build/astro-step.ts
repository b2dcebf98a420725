import fs from 'node:fs';
import path from 'node:path';
import type { ContentRecords } from '../collections/content-records';
import { formatPart } from '../lib/build-parts';
import { partSize, stepInputs, type BuildVersions } from './inputs';
import { stepDir, stepName, type AstroStep, type BuildLayout } from './layout';
import { gigabytes, runStep, seconds } from './run-step';
import { clearStepRecord, readStepRecord, writeStepRecord } from './step-record';

export interface StepOutcome {
  name: string;
  ok: boolean;
  reused: boolean;
  /** The one line the whole build prints when the step finishes. */
  line: string;
  /** What failed and where to read more, when it failed. */
  failure?: string;
}

const count = new Intl.NumberFormat('en');

/** The environment of one step's `astro build`: its own output and cache folders, its scope, the records. */
function stepEnv(layout: BuildLayout, step: AstroStep): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OUT_DIR: path.join(stepDir(layout, step), 'dist'),
    BUILD_SCOPE: step.kind === 'all' ? 'whole' : step.kind,
    BUILD_RECORDS: layout.recordsDir,
  };
  if (step.kind === 'part') env.BUILD_PART = formatPart(step.part);
  else delete env.BUILD_PART;
  return env;
}

/**
 * Builds one part or the site pages with Astro in a process of its own, or reuses the output
 * the previous build left when the step's inputs hash the same.
 */
export async function buildAstroStep(
  layout: BuildLayout,
  step: AstroStep,
  records: ContentRecords,
  versions: BuildVersions,
  print: (line: string) => void,
): Promise<StepOutcome> {
  const dir = stepDir(layout, step);
  const name = stepName(step);
  const inputs = stepInputs(step, records, versions);
  const size = partSize(step, records);
  const what =
    step.kind === 'part'
      ? `${count.format(size.articles)} articles, ${count.format(size.claims)} claims`
      : 'site-wide pages';
  const earlier = readStepRecord(dir);
  if (earlier?.inputs === inputs && fs.existsSync(path.join(dir, 'dist'))) {
    writeStepRecord(dir, { ...earlier, ...versions });
    return { name, ok: true, reused: true, line: `✓ ${name} (${what}): reused, inputs unchanged` };
  }
  clearStepRecord(dir);
  print(`[${name}] building ${what}…`);
  const logFile = path.join(dir, 'build.log');
  const result = await runStep(
    {
      name,
      command: process.execPath,
      args: [path.join(layout.root, 'node_modules/astro/astro.js'), 'build'],
      env: stepEnv(layout, step),
      logFile,
      expectedPages: step.kind === 'site' ? 0 : size.articles * 2 + size.claims,
    },
    print,
  );
  const figures = `${seconds(result.ms)}, peak ${gigabytes(result.peak)}`;
  if (result.code !== 0) {
    const failure = `${name} failed (exit code ${result.code}) after ${seconds(result.ms)}; its log: ${logFile}\n${result.tail.slice(-12).join('\n')}`;
    return { name, ok: false, reused: false, line: `✗ ${name} (${what}): failed after ${figures}`, failure };
  }
  writeStepRecord(dir, { name, inputs, ...versions, ms: result.ms, peak: result.peak });
  return { name, ok: true, reused: false, line: `✓ ${name} (${what}): built in ${figures}` };
}
