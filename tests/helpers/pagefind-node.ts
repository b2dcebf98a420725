import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface NodeSearch {
  term: string | null;
  filters?: Record<string, unknown>;
}

export interface NodeSearchResult {
  count: number;
  results: {
    url: string;
    content: string;
    excerpt: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }[];
}

/**
 * Runs searches with a built site's own `pagefind/pagefind.js` in a plain Node process (its
 * ES module loader, not the test runner's), fetching the index over HTTP from `bundleUrl`,
 * where a static host serves the bundle, so result URLs get the base path as in a browser.
 */
export function searchWrittenIndex(
  distDir: string,
  bundleUrl: string,
  searches: NodeSearch[],
): Promise<NodeSearchResult[]> {
  const script = `
    const pagefind = await import(${JSON.stringify(pathToFileURL(path.join(distDir, 'pagefind/pagefind.js')).href)});
    await pagefind.options({ basePath: ${JSON.stringify(bundleUrl)} });
    await pagefind.init();
    const out = [];
    for (const { term, filters } of ${JSON.stringify(searches)}) {
      const response = await pagefind.search(term, { filters: filters ?? {} });
      const results = await Promise.all(response.results.map(async (r) => {
        const { url, content, excerpt, meta, filters } = await r.data();
        return { url, content, excerpt, meta, filters };
      }));
      out.push({ count: response.results.length, results });
    }
    process.stdout.write(JSON.stringify(out));
    await pagefind.destroy();
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`Searching the written index failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as NodeSearchResult[]);
    });
  });
}
