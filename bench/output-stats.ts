/** What a build wrote: files, bytes, files per top-level folder and the largest HTML page. */
export interface OutputStats {
  files: number;
  bytes: number;
  /** `.html` files. */
  pages: number;
  /** Files and bytes per top-level folder of the output; files at the root are under `(root)`. */
  folders: Record<string, { files: number; bytes: number }>;
  /** The largest `.html` file, by its path in the output (forward slashes) and its size. */
  largestPage: { path: string; bytes: number } | null;
}

export const ROOT_FOLDER = '(root)';

/** Output statistics from every file's path relative to the output folder and its size. */
export function outputStats(files: Iterable<{ path: string; bytes: number }>): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, pages: 0, folders: {}, largestPage: null };
  for (const file of files) {
    const relative = file.path.replace(/\\/g, '/').replace(/^\.?\//, '');
    const slash = relative.indexOf('/');
    const folder = slash < 0 ? ROOT_FOLDER : relative.slice(0, slash);
    stats.files++;
    stats.bytes += file.bytes;
    const entry = (stats.folders[folder] ??= { files: 0, bytes: 0 });
    entry.files++;
    entry.bytes += file.bytes;
    if (!relative.endsWith('.html')) continue;
    stats.pages++;
    if (!stats.largestPage || file.bytes > stats.largestPage.bytes)
      stats.largestPage = { path: relative, bytes: file.bytes };
  }
  return stats;
}

/** Folders ordered by file count, largest first, for printing. */
export function foldersBySize(stats: OutputStats): [string, { files: number; bytes: number }][] {
  return Object.entries(stats.folders).sort(([a, x], [b, y]) => y.files - x.files || a.localeCompare(b));
}
