import fs from 'node:fs';

const PAGE_SIZE = 4096;

/** Parent pid and resident set (bytes) of every process, from /proc/<pid>/stat. */
function processTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // The process ended while we read the table.
    }
  }
  return table;
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples the resident memory of a process tree until stopped; `peak` is the largest sum seen.
 * Linux only (reads /proc); elsewhere the peak stays 0 and `available` is false.
 */
export function watchTreeRss(
  root: number,
  everyMs = 100,
): { stop(): { peak: number; samples: number }; available: boolean } {
  const available = fs.existsSync('/proc/self/stat');
  let peak = 0;
  let samples = 0;
  const sample = () => {
    const rss = treeRss(root);
    samples++;
    if (rss > peak) peak = rss;
  };
  const timer = available ? setInterval(sample, everyMs) : undefined;
  if (available) sample();
  return {
    available,
    stop: () => {
      if (timer) clearInterval(timer);
      return { peak, samples };
    },
  };
}
