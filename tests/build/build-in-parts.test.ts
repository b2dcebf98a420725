import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, readSeed } from '../../bench/corpus';
import { partOf } from '../../src/lib/build-parts';
import { buildSite, type BuildResult } from '../helpers/build-site';
import { FIXTURES, PROJECT_ROOT, SITES_DIR } from '../helpers/paths';

/**
 * A 200-article archive (the benchmark's, made from the seed) with the related-site articles,
 * which share people and a claim, built twice: as one part, and as three parts on "machines"
 * that share nothing but their outputs (each its own cache folder, handed on as CI hands on
 * artifacts), then merged.
 */
const ROOT = path.join(SITES_DIR, 'parts');
const contentDir = path.join(ROOT, 'content');
const machine = (name: string) => path.join(ROOT, name);
const cacheOf = (name: string) => path.join(machine(name), 'cache');
const outOf = (name: string) => path.join(machine(name), 'dist');

/** Runs `npm run build -- <args>` as the machine `name` would: its own cache folder and output. */
const run = (name: string, args: string[], content = contentDir) =>
  buildSite({
    name: `parts/${name}`,
    contentDir: content,
    args,
    keepCache: true,
    keepOutput: true,
    env: { BUILD_CACHE_DIR: cacheOf(name) },
  });

/** Copies a folder of one machine's cache to another's, as an artifact. */
function handOn(from: string, to: string, folder: string): void {
  fs.cpSync(path.join(cacheOf(from), folder), path.join(cacheOf(to), folder), { recursive: true });
}

function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) files.set(name.split(path.sep).join('/'), fs.readFileSync(file));
  }
  return files;
}

const ok = (result: BuildResult) => expect(result.code, result.output.slice(-3_000)).toBe(0);

let onePart: BuildResult;
let merged: BuildResult;
let parts: BuildResult[];

beforeAll(async () => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  const corpus = generateCorpus(readSeed(path.join(PROJECT_ROOT, 'content')), 200, path.join(ROOT, 'corpus'));
  fs.cpSync(corpus.annotatedDir, contentDir, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'related-site/content'), contentDir, { recursive: true, force: false });
  onePart = await buildSite({ name: 'parts/one', contentDir, args: ['--parts=1'] });
  // The content step once, its records handed to every machine (the CI workflow's first job).
  ok(await run('records', ['--content']));
  parts = [];
  for (const index of [1, 2, 3]) {
    handOn('records', `part-${index}`, 'records');
    parts.push(await run(`part-${index}`, [`--part=${index}/3`, '--from-records']));
  }
  handOn('records', 'site', 'records');
  parts.push(await run('site', ['--site', '--from-records']));
  handOn('records', 'merge', 'records');
  for (const index of [1, 2, 3]) handOn(`part-${index}`, 'merge', `parts/${index}-of-3`);
  handOn('site', 'merge', 'site');
  merged = await run('merge', ['--merge']);
}, 2_400_000);

describe('a build in parts', () => {
  it('builds each part and the site pages in a process of its own, and says so with its time and memory', () => {
    parts.forEach(ok);
    ok(onePart);
    ok(merged);
    expect(parts[1]!.output).toMatch(/✓ part 2\/3 \(\d+ articles, \d+ claims\): built in [\d.]+ s, peak [\d.]+ GB/);
    expect(parts[3]!.output).toMatch(/✓ site pages \(site-wide pages\): built in/);
    expect(merged.output).toContain('Assembled the site pages and 3 parts');
  });

  it('gives the same site, byte for byte, as one part', () => {
    const whole = filesOf(outOf('one'));
    const split = filesOf(outOf('merge'));
    expect([...split.keys()]).toEqual([...whole.keys()]);
    const differing = [...split].filter(([name, bytes]) => !bytes.equals(whole.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
    // Every article has its page and Web Annotations, every claim its page, and the claim two articles state lists both.
    expect(whole.size).toBeGreaterThan(2 * 203 + 1601);
    const shared = whole.get('claims/framework-reached/index.html')!.toString();
    for (const slug of ['farm-sales', 'tariff-talks']) expect(shared).toContain(`/articles/${slug}/`);
  });

  it('assigns each article to a part by its slug, so adding articles moves none', () => {
    for (const index of [1, 2, 3]) {
      const built = fs.readdirSync(path.join(cacheOf(`part-${index}`), `parts/${index}-of-3/dist/articles`));
      expect(built.length).toBeGreaterThan(30);
      for (const slug of built) expect(partOf(slug, 3)).toBe(index);
    }
  });
});

describe('a build in parts that breaks', () => {
  it('fails naming the part, and leaves nothing the next build would reuse', async () => {
    // Part 2's process finds the rendered body of one of its articles missing.
    const rendered = path.join(cacheOf('part-2'), 'records/rendered-articles');
    const slug = fs
      .readdirSync(rendered)
      .map((name) => name.replace(/\.html$/, ''))
      .find((name) => partOf(name, 3) === 2 && fs.existsSync(path.join(rendered, `${name}.html`)))!;
    fs.rmSync(path.join(rendered, `${slug}.html`));
    fs.rmSync(path.join(cacheOf('part-2'), 'parts/2-of-3/step.json'));
    const broken = await run('part-2', ['--part=2/3', '--from-records']);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain('part 2/3 failed (exit code 1)');
    expect(broken.output).toContain(`The rendered article \`${slug}\` is missing`);
    expect(broken.output).toContain('The build failed in part 2/3');
    expect(fs.existsSync(path.join(cacheOf('part-2'), 'parts/2-of-3/step.json'))).toBe(false);
  }, 900_000);

  it('refuses parts built from another content manifest or missing, naming them, and keeps the previous dist/', async () => {
    const before = filesOf(outOf('merge'));
    // Part 3 as a machine that checked out other content would have recorded it.
    const edited = path.join(ROOT, 'content-edited');
    fs.cpSync(contentDir, edited, { recursive: true });
    const article = path.join(edited, 'articles/tariff-talks.mdx');
    fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace(/\n\n/, '\n\nA sentence added elsewhere.\n\n'));
    ok(await run('other', ['--content'], edited));
    const { manifestVersion } = await import('../../src/build/inputs');
    const recordFile = path.join(cacheOf('merge'), 'parts/3-of-3/step.json');
    const record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { manifest: string };
    fs.writeFileSync(
      recordFile,
      JSON.stringify({ ...record, manifest: manifestVersion(path.join(cacheOf('other'), 'records')) }),
    );
    const refused = await run('merge', ['--merge']);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(
      /Cannot merge parts built from different inputs: part 3\/3 was built from other content manifest/,
    );

    fs.rmSync(path.join(cacheOf('merge'), 'parts/2-of-3'), { recursive: true });
    const missing = await run('merge', ['--merge', '--parts=3']);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('Cannot merge: part 2/3 is not built');

    const after = filesOf(outOf('merge'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after].every(([name, bytes]) => bytes.equals(before.get(name)!))).toBe(true);
    expect(fs.existsSync(`${outOf('merge')}.next`)).toBe(false);
  }, 900_000);
});
