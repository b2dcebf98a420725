import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site';
import { FIXTURES, SITES_DIR } from '../helpers/paths';

/** A copy of the related-site content that the builds below edit between them. */
const contentDir = path.join(SITES_DIR, 'rebuild-cache-content');

const edit = (file: string, change: (source: string) => string) => {
  const target = path.join(contentDir, file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
};

/** Every file of a built site, by path relative to its folder. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) files.set(name, fs.readFileSync(file));
  }
  return files;
}

let cold: BuildResult;
let afterArticleEdit: BuildResult;
let afterClaimEdit: BuildResult;
let fresh: BuildResult;

beforeAll(async () => {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, 'related-site/content'), contentDir, { recursive: true });
  cold = await buildSite({ name: 'rebuild-cache-warm', contentDir });
  edit('articles/rare-earth-exports.mdx', (source) => source.replace('first shipments', 'first full shipments'));
  afterArticleEdit = await buildSite({ name: 'rebuild-cache-warm', contentDir, keepCache: true });
  edit('claims/framework-reached.yaml', (source) => source.replace('status: stated', 'status: disputed'));
  afterClaimEdit = await buildSite({ name: 'rebuild-cache-warm', contentDir, keepCache: true });
  fresh = await buildSite({ name: 'rebuild-cache-cold', contentDir });
}, 600_000);

describe('a warm rebuild', () => {
  it('renders every article on a cold build', () => {
    expect(cold.code, cold.output.slice(-3_000)).toBe(0);
    expect(cold.output).toContain('Rendered 3 articles, reused 0 from the cache');
  });

  it('renders only the edited article, and then only the articles citing a claim whose status changed', () => {
    expect(afterArticleEdit.code, afterArticleEdit.output.slice(-3_000)).toBe(0);
    expect(afterArticleEdit.output).toContain('Rendered 1 article, reused 2 from the cache');
    expect(afterClaimEdit.code, afterClaimEdit.output.slice(-3_000)).toBe(0);
    expect(afterClaimEdit.output).toContain('Rendered 2 articles, reused 1 from the cache');
  });

  it('writes the same site, file for file, as a cold build of the same content', () => {
    expect(fresh.code, fresh.output.slice(-3_000)).toBe(0);
    expect(fresh.output).toContain('Rendered 3 articles, reused 0 from the cache');
    const warm = filesOf(afterClaimEdit.outDir);
    const coldFiles = filesOf(fresh.outDir);
    expect([...warm.keys()]).toEqual([...coldFiles.keys()]);
    const differing = [...warm].filter(([name, bytes]) => !bytes.equals(coldFiles.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
    expect(warm.get('articles/rare-earth-exports/index.html')!.toString()).toContain('first full shipments');
    expect(warm.get('articles/tariff-talks/index.html')!.toString()).toContain('Disputed');
  });
});
