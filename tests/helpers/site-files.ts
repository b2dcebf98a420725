import fs from 'node:fs';
import path from 'node:path';

/** Every file of a built site, as paths relative to `distDir` with forward slashes. */
export function listFiles(distDir: string): string[] {
  return (fs.readdirSync(distDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
