import fs from 'node:fs';

const PAGE_SIZE = 4096;

/** One process as /proc shows it at one moment. */
export interface ProcessSample {
  ppid: number;
  /** Resident set, bytes. */
  rss: number;
  /** The command name (`comm`), e.g. `node` or `pagefind_ext`. */
  name: string;
}

/** Parent pid, resident set and command name of every process, from /proc/<pid>/stat. */
function processTable(): Map<number, ProcessSample> {
  const table = new Map<number, ProcessSample>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      table.set(Number(entry), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, name });
    } catch {
      // The process ended while we read the table.
    }
  }
  return table;
}

/** The pids of `root` and all its descendants in `table`. */
export function treeMembers(table: Map<number, Pick<ProcessSample, 'ppid'>>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(pid);
  }
  const members: number[] = [];
  const stack = table.has(root) ? [root] : [];
  while (stack.length) {
    const pid = stack.pop()!;
    members.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return members;
}

/** One process of a build with the largest resident set it was seen with. */
export interface ProcessPeak {
  pid: number;
  /** The command name and, when it could be read, its arguments (shortened). */
  command: string;
  peakRss: number;
}

/** What sampling a process tree found: the peak of the sum over the tree, and each process's own peak. */
interface TreeMemory {
  /** Largest sum of resident memory over the tree at one sample, bytes. */
  peak: number;
  /** The largest resident set of any one process, bytes. */
  largestProcess: number;
  /** Every process seen, by its own peak, largest first. */
  processes: ProcessPeak[];
  samples: number;
}

/** Accumulates samples of a process tree: the largest total, and every process's own peak. */
export class TreePeaks {
  private peak = 0;
  private samples = 0;
  private readonly byPid = new Map<number, ProcessPeak>();

  constructor(private readonly describe: (pid: number, name: string) => string = (_pid, name) => name) {}

  /** Adds one sample: the table of every process at one moment. */
  add(table: Map<number, ProcessSample>, root: number): void {
    let total = 0;
    for (const pid of treeMembers(table, root)) {
      const { rss, name } = table.get(pid)!;
      total += rss;
      let seen = this.byPid.get(pid);
      if (!seen) {
        seen = { pid, command: this.describe(pid, name), peakRss: 0 };
        this.byPid.set(pid, seen);
      }
      if (rss > seen.peakRss) seen.peakRss = rss;
    }
    this.samples++;
    if (total > this.peak) this.peak = total;
  }

  result(): TreeMemory {
    const processes = [...this.byPid.values()].sort((a, b) => b.peakRss - a.peakRss);
    return { peak: this.peak, largestProcess: processes[0]?.peakRss ?? 0, processes, samples: this.samples };
  }
}

/** A process's command line, with paths shortened to their last two parts, at most 160 characters. */
function commandLine(pid: number, name: string): string {
  try {
    const args = fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((arg) => (arg.includes('/') && !arg.startsWith('-') ? arg.split('/').slice(-2).join('/') : arg));
    const line = args.join(' ');
    return line ? (line.length > 160 ? `${line.slice(0, 157)}...` : line) : name;
  } catch {
    return name;
  }
}

/**
 * Samples the resident memory of a process tree until stopped: the largest sum seen, and each
 * process's own peak (a build in parts runs several Node processes, each with its own limit).
 * Linux only (reads /proc); elsewhere every figure stays 0 and `available` is false.
 */
export function watchTreeRss(root: number, everyMs = 100): { stop(): TreeMemory; available: boolean } {
  const available = fs.existsSync('/proc/self/stat');
  const peaks = new TreePeaks(commandLine);
  const sample = () => peaks.add(processTable(), root);
  const timer = available ? setInterval(sample, everyMs) : undefined;
  if (available) sample();
  return {
    available,
    stop: () => {
      if (timer) clearInterval(timer);
      return peaks.result();
    },
  };
}
