import { describe, expect, it } from 'vitest';
import { TreePeaks, treeMembers, type ProcessSample } from '../../bench/process-tree';

const table = (rows: [pid: number, ppid: number, rss: number, name: string][]) =>
  new Map<number, ProcessSample>(rows.map(([pid, ppid, rss, name]) => [pid, { ppid, rss, name }]));

describe('bench process tree', () => {
  it('finds a process and all its descendants, and nothing else', () => {
    const processes = table([
      [1, 0, 1, 'init'],
      [10, 1, 1, 'npm'],
      [11, 10, 1, 'sh'],
      [12, 11, 1, 'node'],
      [13, 12, 1, 'pagefind'],
      [20, 1, 1, 'other'],
    ]);
    expect(treeMembers(processes, 10).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(treeMembers(processes, 99)).toEqual([]);
  });

  it('keeps the peak of the whole tree and, apart, the peak of each process', () => {
    const peaks = new TreePeaks();
    // Two parts side by side, then the search index alone: the total peaks while the parts run,
    // each process at its own moment.
    peaks.add(
      table([
        [10, 1, 100, 'npm'],
        [11, 10, 700, 'part 1'],
        [12, 10, 600, 'part 2'],
      ]),
      10,
    );
    peaks.add(
      table([
        [10, 1, 100, 'npm'],
        [11, 10, 900, 'part 1'],
      ]),
      10,
    );
    peaks.add(
      table([
        [10, 1, 100, 'npm'],
        [13, 10, 1200, 'pagefind'],
        [30, 1, 5000, 'elsewhere'],
      ]),
      10,
    );
    const result = peaks.result();
    expect(result.peak).toBe(1400);
    expect(result.largestProcess).toBe(1200);
    expect(result.samples).toBe(3);
    expect(result.processes.map((p) => [p.command, p.peakRss])).toEqual([
      ['pagefind', 1200],
      ['part 1', 900],
      ['part 2', 600],
      ['npm', 100],
    ]);
  });
});
