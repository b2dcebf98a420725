import { describe, expect, it } from 'vitest';
import type { BuildMeasurement } from '../../bench/build';
import { outputStats } from '../../bench/output-stats';
import { checkTargets, GB, KB, MB, outcome, type CorpusResult, type Target } from '../../bench/targets';

function build(
  ms: number,
  options: { peakRss?: number; largestProcess?: number; files?: number; bytesEach?: number; pageBytes?: number } = {},
): BuildMeasurement {
  const { files = 10, bytesEach = 1000, pageBytes = 1000 } = options;
  const output = outputStats([
    { path: 'index.html', bytes: pageBytes },
    ...Array.from({ length: files - 1 }, (_, i) => ({ path: `pagefind/${i}.pf_fragment`, bytes: bytesEach })),
  ]);
  const peakRss = options.peakRss ?? GB;
  const largestProcessRss = options.largestProcess ?? peakRss;
  return {
    mode: 'cold',
    command: 'npm run build',
    ms,
    cpuMs: ms,
    peakRss,
    largestProcessRss,
    processes: [{ pid: 1, command: 'node astro.js build', peakRss: largestProcessRss }],
    pages: output.pages,
    outputBytes: output.bytes,
    output,
    outDir: '/tmp/x',
  };
}

function corpus(n: number, annotatedMs: number, plainMs: number, extra: Partial<CorpusResult> = {}): CorpusResult {
  const annotated = extra.annotated ?? build(annotatedMs);
  return {
    n,
    people: 60,
    claims: n * 8,
    annotated,
    plain: build(plainMs),
    mdxBlog: null,
    ratio: { wall: annotatedMs / plainMs, cpu: null },
    vsMdxBlog: null,
    perArticleMs: { annotated: annotatedMs / n, plain: plainMs / n },
    per1000ArticlesMs: { annotated: (annotatedMs / n) * 1000, plain: (plainMs / n) * 1000 },
    pagesPerSecond: { annotated: 1, plain: 1 },
    warm: null,
    oneJob: null,
    firstVisit: null,
    search: null,
    ...extra,
  };
}

const find = (targets: Target[], start: string) => {
  const target = targets.find((t) => t.name.startsWith(start));
  if (!target) throw new Error(`no target ${start} in ${targets.map((t) => t.name).join('; ')}`);
  return target;
};

describe('bench targets', () => {
  it('checks the cold build ratio against 1.5× at 1,000 and 2.5× at 10,000, and only reports it elsewhere', () => {
    const targets = checkTargets({
      corpora: [corpus(100, 300, 100), corpus(1000, 1400, 1000), corpus(10_000, 30_000, 10_000)],
      articlePage: null,
    });
    const ratios = targets.filter((t) => t.name.startsWith('cold annotated build vs plain'));
    expect(ratios.map((t) => [t.goal, t.met])).toEqual([
      ['report (goal ≤ 1.5× at N=1,000, ≤ 2.5× at N=10,000)', null],
      ['≤ 1.5×', true],
      ['≤ 2.5×', false],
    ]);
  });

  it('compares the time per article at 10,000 with 1,000 (≤ 1.2×), and reports other pairs', () => {
    const met = checkTargets({ corpora: [corpus(1000, 1000, 500), corpus(10_000, 11_000, 5000)], articlePage: null });
    expect(find(met, 'annotated time per article')).toMatchObject({ goal: '≤ 1.2×', met: true });
    const reported = checkTargets({ corpora: [corpus(100, 100, 50), corpus(1000, 5000, 500)], articlePage: null });
    expect(find(reported, 'annotated time per article').met).toBeNull();
  });

  it('checks the cold build against the MDX + Pagefind blog of the same N (no slower) at 10,000 only', () => {
    const withBlog = (n: number, ms: number, blogMs: number) =>
      corpus(n, ms, 1, { mdxBlog: build(blogMs), vsMdxBlog: { wall: ms / blogMs, cpu: null } });
    const targets = checkTargets({
      corpora: [withBlog(1000, 90, 100), withBlog(10_000, 101, 100)],
      articlePage: null,
    });
    const blog = targets.filter((t) => t.name.startsWith('cold annotated build vs the plain MDX'));
    expect(blog.map((t) => [t.name.endsWith('(N=10,000)'), t.met])).toEqual([
      [false, null],
      [true, false],
    ]);
    expect(blog[1]!.goal).toBe('no slower (≤ 1×)');
  });

  it('checks the whole build with --jobs=1 against 2 GB at 10,000, and reports the default build without one', () => {
    const oneJob = { ...build(1, { peakRss: 1.9 * GB }), command: 'npm run build -- --jobs=1' };
    const measured = checkTargets({
      corpora: [corpus(10_000, 1, 1, { annotated: build(1, { peakRss: 3 * GB, largestProcess: GB }), oneJob })],
      articlePage: null,
    });
    expect(find(measured, 'peak memory of the whole annotated build with --jobs=1 (N=10,000)')).toMatchObject({
      goal: '≤ 2 GB',
      met: true,
      value: '1.90 GB (3.00 GB with npm run build)',
    });
    const without = checkTargets({ corpora: [corpus(10_000, 1, 1)], articlePage: null });
    expect(find(without, 'peak memory of the whole annotated build, npm run build').met).toBeNull();
  });

  it('checks that no single process of any build, cold or warm, goes over 2 GB, at every N', () => {
    const warm = (largestProcess: number) => ({
      edit: 'x',
      build: { ...build(1, { largestProcess }), mode: 'warm' as const },
      ofCold: 0.5,
    });
    const targets = checkTargets({
      corpora: [
        corpus(100, 1, 1, { annotated: build(1, { largestProcess: GB }) }),
        corpus(1000, 1, 1, {
          annotated: build(1, { largestProcess: GB }),
          warm: { article: warm(GB), claim: warm(2.1 * GB), nothing: warm(GB) },
        }),
      ],
      articlePage: null,
    });
    expect(find(targets, 'largest single process of any annotated build (N=100)')).toMatchObject({
      goal: '≤ 2 GB',
      met: true,
    });
    expect(find(targets, 'largest single process of any annotated build (N=1,000)')).toMatchObject({
      met: false,
      value: '2.10 GB (warm (claim): node astro.js build)',
    });
  });

  it('checks output files at 1,000 (20,000) and 10,000 (100,000), and bytes at 10,000 (1 GB)', () => {
    const big = corpus(10_000, 1, 1, { annotated: build(1, { files: 100_001, bytesEach: 100 }) });
    const heavy = corpus(10_000, 1, 1, { annotated: build(1, { files: 100, bytesEach: 20 * MB }) });
    const mid = corpus(1000, 1, 1, { annotated: build(1, { files: 20_001 }) });
    const targets = checkTargets({ corpora: [mid, big], articlePage: null });
    expect(find(targets, 'output files of the annotated build (N=1,000)')).toMatchObject({
      goal: '≤ 20,000 files',
      met: false,
    });
    expect(find(targets, 'output files of the annotated build (N=10,000)')).toMatchObject({
      goal: '≤ 100,000 files',
      met: false,
    });
    expect(find(targets, 'output bytes of the annotated build (N=10,000)').met).toBe(true);
    const bytes = checkTargets({ corpora: [heavy], articlePage: null });
    expect(find(bytes, 'output bytes of the annotated build (N=10,000)')).toMatchObject({
      goal: '≤ 1 GB',
      met: false,
    });
  });

  it('checks the largest page against 1 MB', () => {
    const targets = checkTargets({
      corpora: [corpus(100, 1, 1, { annotated: build(1, { pageBytes: MB + 1 }) })],
      articlePage: null,
    });
    expect(find(targets, 'largest HTML page')).toMatchObject({ met: false, value: '1.00 MB /index.html' });
  });

  it('checks warm rebuilds at 10,000: a one-article edit ≤ 15% of cold, a claim status ≤ 20%, nothing changed reported', () => {
    const warm = (ofCold: number) => ({ edit: 'x', build: { ...build(ofCold * 1000), mode: 'warm' as const }, ofCold });
    const targets = checkTargets({
      corpora: [corpus(10_000, 1000, 500, { warm: { article: warm(0.14), claim: warm(0.21), nothing: warm(0.1) } })],
      articlePage: null,
    });
    expect(find(targets, 'warm rebuild after a one-article edit')).toMatchObject({
      goal: '≤ 15%',
      met: true,
      value: '14.0% (0.1 s vs 1.0 s)',
    });
    expect(find(targets, "warm rebuild after one claim's status change")).toMatchObject({ goal: '≤ 20%', met: false });
    expect(find(targets, 'warm rebuild with nothing changed').met).toBeNull();
    const small = checkTargets({
      corpora: [corpus(1000, 1000, 500, { warm: { article: warm(0.9), claim: warm(0.9), nothing: warm(0.9) } })],
      articlePage: null,
    });
    expect(find(small, 'warm rebuild after a one-article edit').met).toBeNull();
  });

  it('checks searches (120 KB at 1,000, 15 KB later) and the first visit (2 MB, 100 requests, 10 s)', () => {
    const step = (query: string, totalBytes: number) => ({
      query,
      results: 3,
      shown: 3,
      requests: 5,
      totalBytes,
      bytes: {},
      transfers: [],
    });
    const targets = checkTargets({
      corpora: [
        corpus(1000, 1, 1, {
          search: {
            url: 'u',
            page: { requests: 4, bytes: 1 },
            first: step('solid', 119 * KB),
            later: step('corn', 16 * KB),
          },
          firstVisit: {
            url: 'u',
            requests: 101,
            serviceWorkerRequests: 99,
            totalBytes: MB,
            readyMs: null,
            precacheEntries: 99,
            byFolder: {},
            transfers: [],
          },
        }),
      ],
      articlePage: null,
    });
    expect(find(targets, 'first quote search')).toMatchObject({ goal: '≤ 120 KB', met: true });
    expect(find(targets, 'a later search')).toMatchObject({ goal: '≤ 15 KB', met: false });
    expect(find(targets, 'first visit: downloaded')).toMatchObject({ goal: '≤ 2 MB', met: true });
    expect(find(targets, 'first visit: requests')).toMatchObject({ met: false, value: '101' });
    expect(find(targets, 'first visit: load to service worker')).toMatchObject({ met: false, value: 'never ready' });
  });

  it('prints every outcome as met, not met or a dash', () => {
    expect([true, false, null].map((met) => outcome({ met }))).toEqual(['met', 'not met', '-']);
  });
});
