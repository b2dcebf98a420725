import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export { select, selectAll, toText };

/** Parses a built page (`articles/x/` → `articles/x/index.html`). */
export function readPage(distDir: string, pagePath: string): Root {
  return fromHtml(fs.readFileSync(pageFile(distDir, pagePath), 'utf8'));
}

export function pageFile(distDir: string, pagePath: string): string {
  const clean = pagePath.replace(/^\/+/, '');
  return clean.endsWith('.html') ? path.join(distDir, clean) : path.join(distDir, clean, 'index.html');
}

/** Every built HTML page, as site paths (`/`, `/articles/x/`, `/404.html`). */
export function listPages(distDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const rel = `/${path.relative(distDir, full).split(path.sep).join('/')}`;
        pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}
