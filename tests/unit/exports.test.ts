import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every name `src/` exports is imported somewhere (by `src/`, `scripts/`, `bench/`, the tests
 * or the Astro config): an export nothing imports is either dead code or a private helper.
 * Names are matched by name, not by module, which errs on the side of passing.
 */

/** What Astro itself reads from a module: page routes, component props, the collections. */
const FRAMEWORK = new Set(['getStaticPaths', 'GET', 'Props', 'collections']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(full);
    return /\.(ts|mts|mjs|astro)$/.test(entry.name) ? [full] : [];
  });
}

const EXPORT =
  /^export (?:declare )?(?:async )?(?:const|let|function\*?|class|interface|type|enum|abstract class) ([A-Za-z_$][\w$]*)/gm;
const IMPORT_LIST = /(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from/g;
const NAMESPACE = /import\s+\*\s+as\s+([\w$]+)/g;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Names imported (or re-exported) anywhere, by `{ … }`, `ns.name` or from a dynamic import. */
function importedNames(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, list] of text.matchAll(IMPORT_LIST)) {
      for (const part of list!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name) used.add(name);
      }
    }
    for (const [, namespace] of text.matchAll(NAMESPACE)) {
      for (const [, name] of text.matchAll(new RegExp(`\\b${namespace}\\.([\\w$]+)`, 'g'))) used.add(name!);
    }
    // `const saving = () => import('./save-articles')`: what the file names of it is what it uses.
    if (DYNAMIC.test(text)) for (const [word] of text.matchAll(/[A-Za-z_$][\w$]*/g)) used.add(word);
  }
  return used;
}

describe('exports', () => {
  it('are each imported by something: no name is exported that nothing imports', () => {
    const src = sourceFiles('src');
    const everything = [...src, ...['scripts', 'tests', 'bench'].flatMap(sourceFiles), 'astro.config.mjs'];
    const used = importedNames(everything);
    const unused = src.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(EXPORT)]
        .map(([, name]) => name!)
        .filter((name) => !used.has(name) && !FRAMEWORK.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
