import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders of `src/` are layers (README, "How the code is organised"): each imports only
 * from the layers below it. A layer's rank; a folder may import a folder of lower or equal rank.
 */
const LAYERS: Record<string, number> = {
  lib: 0,
  'site-config': 0,
  content: 1,
  annotations: 2,
  collections: 3,
  exports: 4,
  search: 4,
  offline: 4,
  integrations: 4,
  scripts: 4,
  styles: 4,
  components: 5,
  build: 5,
  layouts: 6,
  pages: 7,
  'content.config': 7,
};

const SRC = path.resolve('src');
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [full] : [];
  });
}

/** The layer a file of `src/` belongs to: its top folder, or the file itself at the top. */
const layerOf = (file: string) =>
  path
    .relative(SRC, file)
    .split(path.sep)[0]!
    .replace(/\.(ts|mjs|astro)$/, '');

/** Every import from one layer into another: `from → to (file)`. */
function crossLayerImports(): { from: string; to: string; file: string }[] {
  return sourceFiles(SRC).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => path.resolve(path.dirname(file), match[1]!))
      .filter((target) => target.startsWith(SRC + path.sep))
      .map((target) => ({ from: layerOf(file), to: layerOf(target), file: path.relative(SRC, file) }))
      .filter(({ from, to }) => from !== to),
  );
}

describe('the layers of src/', () => {
  const imports = crossLayerImports();

  it('gives every folder a layer', () => {
    const unknown = [...new Set(imports.flatMap(({ from, to }) => [from, to]))].filter((layer) => !(layer in LAYERS));
    expect(unknown).toEqual([]);
  });

  it('imports only downward, so no two folders import each other', () => {
    const upward = imports
      .filter(({ from, to }) => (LAYERS[to] ?? 0) > (LAYERS[from] ?? 0))
      .map(({ from, to, file }) => `${file}: ${from} → ${to}`);
    expect(upward).toEqual([]);
  });
});
