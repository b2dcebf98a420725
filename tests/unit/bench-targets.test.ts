import { describe, expect, it } from 'vitest';
import type { BuildMeasurement } from '../../bench/build';
import { outputStats } from '../../bench/output-stats';
import { checkTargets, GB, KB, MB, outcome, type CorpusResult, type Target } from '../../bench/targets';

function build(
  ms: number,
  options: { peakRss?: number; files?: number; bytesEach?: number; pageBytes?: number } = {},
): BuildMeasurement {
  const { files = 10, bytesEach = 1000, pageBytes = 1000 } = options;
  const output = outputStats([
    { path: 'index.html', bytes: pageBytes },
    ...Array.from({ length: files - 1 }, (_, i) => ({ path: `pagefind/${i}.pf_fragment`, bytes: bytesEach })),
  ]);
  return {
    mode: 'cold',
    ms,
    cpuMs: ms,
    peakRss: options.peakRss ?? GB,
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
    ratio: { wall: annotatedMs / plainMs, cpu: null },
    perArticleMs: { annotated: annotatedMs / n, plain: plainMs / n },
    per1000ArticlesMs: { annotated: (annotatedMs / n) * 1000, plain: (plainMs / n) * 1000 },
    pagesPerSecond: { annotated: 1, plain: 1 },
    warm: null,
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

  it('checks memory (≤ 2 GB) at 10,000, output files at 1,000 and output bytes at 10,000', () => {
    const big = corpus(10_000, 1, 1, { annotated: build(1, { peakRss: 2.5 * GB, files: 100, bytesEach: 20 * MB }) });
    const mid = corpus(1000, 1, 1, { annotated: build(1, { files: 20_001 }) });
    const targets = checkTargets({ corpora: [mid, big], articlePage: null });
    expect(find(targets, 'peak memory of the annotated build (N=10,000)')).toMatchObject({
      goal: '≤ 2 GB',
      met: false,
    });
    expect(find(targets, 'peak memory of the annotated build (N=1,000)').met).toBeNull();
    expect(find(targets, 'output files of the annotated build (N=1,000)')).toMatchObject({
      goal: '≤ 20,000 files',
      met: false,
    });
    expect(find(targets, 'output bytes of the annotated build (N=10,000)')).toMatchObject({
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

  it('checks the warm rebuild after an article edit against 30% of cold at 10,000, and reports the claim edit', () => {
    const warm = (ofCold: number) => ({ edit: 'x', build: { ...build(ofCold * 1000), mode: 'warm' as const }, ofCold });
    const targets = checkTargets({
      corpora: [corpus(10_000, 1000, 500, { warm: { article: warm(0.25), claim: warm(0.5) } })],
      articlePage: null,
    });
    expect(find(targets, 'warm rebuild after a one-article edit')).toMatchObject({
      goal: '≤ 30%',
      met: true,
      value: '25.0% (0.3 s vs 1.0 s)',
    });
    expect(find(targets, "warm rebuild after one claim's status change").met).toBeNull();
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
