import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus, readSeed } from '../../bench/corpus';
import { renderContent, type RenderedContent } from '../../src/collections/render-content';
import { FIXTURES, PROJECT_ROOT } from '../helpers/paths';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'render-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const corpus = generateCorpus(readSeed(path.join(PROJECT_ROOT, 'content')), 3, path.join(work, 'corpus'));
const [first, second, third] = corpus.articles.map(({ slug }) => slug) as [string, string, string];

let contentDir: string;
let cacheDir: string;
let run = 0;

beforeEach(() => {
  run++;
  contentDir = path.join(work, `content-${run}`);
  cacheDir = path.join(work, `cache-${run}`);
  fs.cpSync(corpus.annotatedDir, contentDir, { recursive: true });
});

/** One content pass with the cache, as the build's loader runs it; warnings go to `warned`. */
function pass(options: { code?: string; cache?: string; content?: string } = {}) {
  const warned: string[] = [];
  const result = renderContent(
    {
      contentDir: options.content ?? contentDir,
      base: '/',
      renderedDir: path.join(options.cache ?? cacheDir, 'rendered-articles'),
      renderCacheDir: path.join(options.cache ?? cacheDir, 'render-cache'),
      code: options.code ?? 'code-1',
    },
    (message) => warned.push(message),
  );
  expect(result.check.problems).toEqual([]);
  return { ...result, warned };
}

const edit = (file: string, change: (source: string) => string) => {
  const target = path.join(contentDir, file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
};

const digests = ({ articles }: RenderedContent) =>
  Object.fromEntries(articles.map(({ slug, digest }) => [slug, digest]));
const sorted = (slugs: string[]) => [...slugs].sort();
const renderedHtml = (slug: string, cache = cacheDir) =>
  fs.readFileSync(path.join(cache, 'rendered-articles', `${slug}.html`), 'utf8');

describe('render cache', () => {
  it('reuses every unchanged article, with the same entries, warnings and counts', () => {
    const cold = pass();
    expect(cold.cacheSummary).toBe('Rendered 3 articles, reused 0 from the cache');
    const warm = pass();
    expect(warm.cacheSummary).toBe('Rendered 0 articles, reused 3 from the cache');
    expect(warm.rendered).toEqual([]);
    expect(warm.articles).toEqual(cold.articles);
    expect(warm.check.warnings).toEqual(cold.check.warnings);
    expect(warm.check.counts).toEqual(cold.check.counts);
    expect(warm.warned).toEqual([]);
  });

  it('renders an edited article again, alone, as a fresh render would', () => {
    const cold = pass();
    edit(`articles/${second}.mdx`, (source) => source.replace(/(\n\n[A-Z][a-z]+)/, '\n\nMeanwhile,$1'));
    const warm = pass();
    expect(warm.rendered).toEqual([second]);
    expect(digests(warm)[second]).not.toBe(digests(cold)[second]);
    const fresh = pass({ cache: path.join(work, `fresh-${run}`) });
    expect(digests(warm)).toEqual(digests(fresh));
    expect(renderedHtml(second)).toBe(renderedHtml(second, path.join(work, `fresh-${run}`)));
  });

  it('renders again only the article that cites a claim whose status changed', () => {
    pass();
    const claim = fs
      .readdirSync(path.join(contentDir, 'claims'))
      .find((name) => name.endsWith(`-${first.slice(-5)}.yaml`))!;
    edit(`claims/${claim}`, (source) => source.replace(/^status: .*$/m, 'status: disputed'));
    expect(pass().rendered).toEqual([first]);
  });

  it('renders nothing again for a claim that no article cites, and still warns about it', () => {
    pass();
    const claimant = fs.readdirSync(path.join(contentDir, 'people'))[0]!.replace(/\.yaml$/, '');
    fs.writeFileSync(
      path.join(contentDir, 'claims/waiting-claim.yaml'),
      `statement: A claim waiting for its article.\nclaimant: ${claimant}\ndate: 2025-10-26\nsource: Remarks\nstatus: stated\n`,
    );
    const warm = pass();
    expect(warm.rendered).toEqual([]);
    expect(warm.check.warnings.map(({ rule, file }) => [rule, path.basename(file)])).toContainEqual([
      'unused-claim',
      'waiting-claim.yaml',
    ]);
  });

  it('renders every article again when the code changes', () => {
    pass();
    expect(sorted(pass({ code: 'code-2' }).rendered)).toEqual(sorted([first, second, third]));
    expect(pass({ code: 'code-2' }).rendered).toEqual([]);
  });

  it('renders an article again when its rendered files are gone', () => {
    pass();
    fs.rmSync(path.join(cacheDir, 'rendered-articles', `${third}.json`));
    expect(pass().rendered).toEqual([third]);
  });

  it('ignores a corrupt cache file with a warning, and renders its articles again', () => {
    pass();
    const folder = path.join(cacheDir, 'render-cache');
    for (const name of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, name), '{"format":1,"entr');
    const warm = pass();
    expect(sorted(warm.rendered)).toEqual(sorted([first, second, third]));
    expect(warm.warned.length).toBeGreaterThan(0);
    expect(warm.warned[0]).toMatch(/^Ignored the render cache file .*render-cache\/articles-[0-9a-f]{2}\.json: /);
    expect(pass().rendered).toEqual([]);
  });

  it('does not trust a cache left by a pass that stopped while writing', () => {
    pass();
    fs.writeFileSync(path.join(cacheDir, 'render-cache', 'writing'), '');
    expect(pass().rendered).toHaveLength(3);
    expect(pass().rendered).toEqual([]);
  });

  it('keeps the warnings of a reused article, less what its check.ignore silences', () => {
    const content = path.join(work, `editor-missed-${run}`);
    fs.cpSync(path.join(FIXTURES, 'editor-missed/content'), content, { recursive: true });
    const cold = pass({ content });
    expect(cold.check.warnings.length).toBeGreaterThan(0);
    const warm = pass({ content });
    expect(warm.rendered).toEqual([]);
    expect(warm.check.warnings).toEqual(cold.check.warnings);
  });
});
