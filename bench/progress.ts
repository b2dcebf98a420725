import fs from 'node:fs';

/** What one progress report says about a running build, from the log text written since the last report. */
export interface ProgressState {
  lines: number;
  lastLine: string;
}

/** Adds the log text written since the last report to the running totals; the last complete or partial line wins. */
export function advanceProgress(state: ProgressState, newText: string): ProgressState {
  if (!newText) return state;
  const lines = newText.split('\n');
  const complete = newText.endsWith('\n') ? lines.length - 1 : lines.length;
  const last = [...lines].reverse().find((line) => line.trim().length > 0);
  return { lines: state.lines + complete, lastLine: last?.trim() ?? state.lastLine };
}

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};

/** One progress line: elapsed time, log lines in all and per minute since the last report, and the last line. */
export function progressLine(
  label: string,
  elapsedMs: number,
  state: ProgressState,
  linesSince: number,
  sinceMs: number,
): string {
  const perMinute = sinceMs > 0 ? Math.round((linesSince / sinceMs) * 60_000) : 0;
  const last = state.lastLine.length > 160 ? `${state.lastLine.slice(0, 157)}...` : state.lastLine;
  return `${label}: ${clock(elapsedMs)}, ${state.lines} log lines (${perMinute}/min), last: ${last || '(nothing yet)'}`;
}

/**
 * Prints a progress line for a build every `everyMs` by reading what its log gained, so a
 * long build is never silent. Returns a function that stops the reports.
 */
export function reportProgress(
  label: string,
  logFile: string,
  print: (line: string) => void,
  everyMs = 30_000,
): () => void {
  const started = performance.now();
  let offset = 0;
  let state: ProgressState = { lines: 0, lastLine: '' };
  const timer = setInterval(() => {
    const size = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    let text = '';
    if (size > offset) {
      const buffer = Buffer.alloc(size - offset);
      const fd = fs.openSync(logFile, 'r');
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      fs.closeSync(fd);
      text = buffer.toString('utf8');
      offset = size;
    }
    const before = state.lines;
    state = advanceProgress(state, text);
    print(progressLine(label, performance.now() - started, state, state.lines - before, everyMs));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
