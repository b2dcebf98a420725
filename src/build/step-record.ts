import fs from 'node:fs';
import path from 'node:path';
import type { BuildVersions } from './inputs';

/** What a finished step leaves beside its output: what it was built from. */
export interface StepRecord extends BuildVersions {
  /** `part 3/8` or `site pages`. */
  name: string;
  /** Its inputs' hash (see stepInputs): equal next time, the output is reused. */
  inputs: string;
  ms: number;
  peak: number;
}

const RECORD_FILE = 'step.json';

export function readStepRecord(dir: string): StepRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, RECORD_FILE), 'utf8')) as StepRecord;
  } catch {
    return undefined;
  }
}

/** Written only once the step's output is complete, so an interrupted step is never reused. */
export function writeStepRecord(dir: string, record: StepRecord): void {
  fs.writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify(record, null, 2));
}

export function clearStepRecord(dir: string): void {
  fs.rmSync(path.join(dir, RECORD_FILE), { force: true });
}
