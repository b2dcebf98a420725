import type { ArticlePageMeasurement } from './browser';
import type { BuildMeasurement } from './build';
import type { FirstVisitMeasurement } from './first-visit';
import type { SearchPageMeasurement } from './search-page';

/** A rebuild after one small edit, with output and cache kept from the cold build. */
export interface WarmRebuild {
  /** What changed, e.g. "one sentence added to articles/trade-talks-00001.mdx". */
  edit: string;
  build: BuildMeasurement;
  /** Warm wall time ÷ cold annotated wall time. */
  ofCold: number;
}

/** The three warm rebuilds: one article's text, one claim's status, and nothing changed. */
export type WarmEdit = 'article' | 'claim' | 'nothing';

export interface CorpusResult {
  n: number;
  people: number;
  claims: number;
  annotated: BuildMeasurement;
  plain: BuildMeasurement;
  /** The plain Astro 5 MDX blog with Pagefind of the same articles; null with --no-mdx-blog. */
  mdxBlog: BuildMeasurement | null;
  /** Annotated ÷ plain, wall clock and CPU time, from builds run back to back. */
  ratio: { wall: number; cpu: number | null };
  /** Annotated ÷ the MDX blog, wall clock and CPU time, in the same run; null without the blog. */
  vsMdxBlog: { wall: number; cpu: number | null } | null;
  perArticleMs: { annotated: number; plain: number };
  per1000ArticlesMs: { annotated: number; plain: number };
  pagesPerSecond: { annotated: number; plain: number };
  /** Warm rebuilds of the annotated archive; null with --no-warm. */
  warm: Record<WarmEdit, WarmRebuild> | null;
  /** A second cold build with `--jobs=1`, for the memory of the whole build one part at a time; null when not run. */
  oneJob: BuildMeasurement | null;
  /** On the annotated site, in Chromium; null with --no-browser. */
  firstVisit: FirstVisitMeasurement | null;
  search: SearchPageMeasurement | null;
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  /** null: reported only (no goal at this N) or not measured. */
  met: boolean | null;
  note?: string;
}

export const KB = 1024;
export const MB = 1024 ** 2;
export const GB = 1024 ** 3;

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const kb = (bytes: number) => `${fixed(bytes / KB, 1)} KB`;
const mb = (bytes: number) => `${fixed(bytes / MB, 2)} MB`;
const gb = (bytes: number) => `${fixed(bytes / GB, 2)} GB`;
const count = (n: number) => n.toLocaleString('en-US');
const percent = (ratio: number) => `${fixed(ratio * 100, 1)}%`;
const atN = (n: number) => `N=${count(n)}`;

/**
 * A figure checked against the goal for its archive size, when there is one; otherwise
 * reported with the sizes at which a goal applies.
 */
function sizedTarget(input: {
  name: string;
  n: number;
  measured: number;
  value: string;
  /** Upper limits by archive size; a size without one is reported only. */
  limits: Partial<Record<number, number>>;
  format: (limit: number) => string;
}): Target {
  const limit = input.limits[input.n];
  const where = Object.keys(input.limits)
    .map((n) => `${input.format(input.limits[Number(n)]!)} at ${atN(Number(n))}`)
    .join(', ');
  return {
    name: `${input.name} (${atN(input.n)})`,
    goal: limit === undefined ? `report (goal ${where})` : input.format(limit),
    value: input.value,
    met: limit === undefined ? null : input.measured <= limit,
  };
}

/** Every build of the project's site in a corpus's run: cold, warm and with one job. */
function ourBuilds(c: CorpusResult): { label: string; build: BuildMeasurement }[] {
  return [
    { label: 'cold', build: c.annotated },
    ...(c.warm ? (Object.entries(c.warm) as [WarmEdit, WarmRebuild][]) : []).map(([edit, warm]) => ({
      label: `warm (${edit})`,
      build: warm.build,
    })),
    ...(c.oneJob ? [{ label: '--jobs=1', build: c.oneJob }] : []),
  ];
}

/** Cold build against the plain twin and the MDX blog, and memory: of the whole build with one job, and of any one process. */
function timeAndMemoryTargets(c: CorpusResult): Target[] {
  const cpu = c.ratio.cpu !== null ? `, ${fixed(c.ratio.cpu)}× CPU` : '';
  const targets = [
    sizedTarget({
      name: 'cold annotated build vs plain twin (wall, same run)',
      n: c.n,
      measured: c.ratio.wall,
      value: `${fixed(c.ratio.wall)}× wall${cpu}`,
      limits: { 1000: 1.5, 10_000: 2.5 },
      format: (limit) => `≤ ${limit}×`,
    }),
  ];
  if (c.vsMdxBlog && c.mdxBlog) {
    const blogCpu = c.vsMdxBlog.cpu !== null ? `, ${fixed(c.vsMdxBlog.cpu)}× CPU` : '';
    targets.push(
      sizedTarget({
        name: 'cold annotated build vs the plain MDX + Pagefind blog (wall, same run)',
        n: c.n,
        measured: c.vsMdxBlog.wall,
        value: `${fixed(c.vsMdxBlog.wall)}× wall${blogCpu} (${fixed(c.annotated.ms / 1000, 1)} s vs ${fixed(c.mdxBlog.ms / 1000, 1)} s)`,
        limits: { 10_000: 1 },
        format: () => 'no slower (≤ 1×)',
      }),
    );
  }
  targets.push(
    c.oneJob
      ? sizedTarget({
          name: 'peak memory of the whole annotated build with --jobs=1',
          n: c.n,
          measured: c.oneJob.peakRss,
          value: `${gb(c.oneJob.peakRss)} (${gb(c.annotated.peakRss)} with ${c.annotated.command})`,
          limits: { 10_000: 2 * GB },
          format: (limit) => `≤ ${limit / GB} GB`,
        })
      : {
          // Not checked: the default build runs parts side by side; only a one-job build is.
          name: `peak memory of the whole annotated build, ${c.annotated.command} (${atN(c.n)})`,
          goal: `report (goal ≤ 2 GB at ${atN(10_000)} with --jobs=1)`,
          value: gb(c.annotated.peakRss),
          met: null,
        },
  );
  const builds = ourBuilds(c);
  const largest = builds.reduce((a, b) => (b.build.largestProcessRss > a.build.largestProcessRss ? b : a));
  const top = largest.build.processes[0];
  targets.push({
    name: `largest single process of any annotated build (${atN(c.n)})`,
    goal: '≤ 2 GB',
    value: `${gb(largest.build.largestProcessRss)} (${largest.label}${top ? `: ${top.command}` : ''})`,
    met: largest.build.largestProcessRss <= 2 * GB,
  });
  return targets;
}

/** Warm rebuilds as a share of the cold build. */
function warmTargets(c: CorpusResult): Target[] {
  if (!c.warm) return [];
  const share = (edit: WarmEdit, name: string, limits: Partial<Record<number, number>>) => {
    const warm = c.warm![edit];
    return sizedTarget({
      name: `warm rebuild ${name}, of cold`,
      n: c.n,
      measured: warm.ofCold,
      value: `${percent(warm.ofCold)} (${fixed(warm.build.ms / 1000, 1)} s vs ${fixed(c.annotated.ms / 1000, 1)} s)`,
      limits,
      format: (limit) => `≤ ${Math.round(limit * 100)}%`,
    });
  };
  return [
    share('article', 'after a one-article edit', { 10_000: 0.15 }),
    share('claim', "after one claim's status change", { 10_000: 0.2 }),
    share('nothing', 'with nothing changed', {}),
  ];
}

/** Output files and bytes, and the largest page. */
function outputTargets(c: CorpusResult): Target[] {
  const output = c.annotated.output;
  return [
    sizedTarget({
      name: 'output files of the annotated build',
      n: c.n,
      measured: output.files,
      value: `${count(output.files)} files, ${mb(output.bytes)}`,
      limits: { 1000: 20_000, 10_000: 100_000 },
      format: (limit) => `≤ ${count(limit)} files`,
    }),
    sizedTarget({
      name: 'output bytes of the annotated build',
      n: c.n,
      measured: output.bytes,
      value: `${gb(output.bytes)} in ${count(output.files)} files`,
      limits: { 10_000: GB },
      format: (limit) => `≤ ${limit / GB} GB`,
    }),
    {
      name: `largest HTML page, annotated (${atN(c.n)})`,
      goal: '≤ 1 MB',
      value: output.largestPage ? `${mb(output.largestPage.bytes)} /${output.largestPage.path}` : 'no page',
      met: output.largestPage ? output.largestPage.bytes <= MB : null,
    },
  ];
}

/** Build time, memory, warm rebuilds, output size and the largest page, at each N. */
function buildTargets(c: CorpusResult): Target[] {
  return [...timeAndMemoryTargets(c), ...warmTargets(c), ...outputTargets(c)];
}

/** What a first quote search, a later search and a first visit cost a reader, at each N. */
function readerTargets(c: CorpusResult): Target[] {
  const targets: Target[] = [];
  const { search, firstVisit } = c;
  if (search) {
    targets.push(
      sizedTarget({
        name: `first quote search through the search page (“${search.first.query}”)`,
        n: c.n,
        measured: search.first.totalBytes,
        value: `${kb(search.first.totalBytes)} in ${search.first.requests} requests`,
        limits: { 1000: 120 * KB, 10_000: 160 * KB },
        format: (limit) => `≤ ${limit / KB} KB`,
      }),
      {
        name: `a later search typed into the page (“${search.later.query}”, ${atN(c.n)})`,
        goal: '≤ 15 KB',
        value: `${kb(search.later.totalBytes)} in ${search.later.requests} requests`,
        met: search.later.totalBytes <= 15 * KB,
      },
    );
  }
  if (firstVisit) {
    const where = `(${atN(c.n)})`;
    targets.push(
      {
        name: `first visit: downloaded after load until the service worker is ready ${where}`,
        goal: '≤ 2 MB',
        value: `${mb(firstVisit.totalBytes)} (${firstVisit.serviceWorkerRequests} by the service worker; sw.js lists ${firstVisit.precacheEntries})`,
        met: firstVisit.totalBytes <= 2 * MB,
      },
      {
        name: `first visit: requests after load ${where}`,
        goal: '≤ 100',
        value: count(firstVisit.requests),
        met: firstVisit.requests <= 100,
      },
      {
        name: `first visit: load to service worker activated ${where}`,
        goal: '≤ 10 s',
        value: firstVisit.readyMs === null ? 'never ready' : `${fixed(firstVisit.readyMs / 1000, 1)} s`,
        met: firstVisit.readyMs !== null && firstVisit.readyMs <= 10_000,
      },
    );
  }
  return targets;
}

/** Time per annotated article at 10,000 against 1,000 (or, without both, the two largest sizes, reported). */
function scalingTarget(corpora: CorpusResult[]): Target | null {
  const sorted = [...corpora].sort((a, b) => a.n - b.n);
  const big = sorted.find((c) => c.n === 10_000) ?? sorted.at(-1);
  const small = big?.n === 10_000 ? sorted.find((c) => c.n === 1000) : sorted.at(-2);
  if (!big || !small || big === small) return null;
  const ratio = big.perArticleMs.annotated / small.perArticleMs.annotated;
  const goalApplies = big.n === 10_000 && small.n === 1000;
  return {
    name: `annotated time per article, ${atN(big.n)} vs ${atN(small.n)}`,
    goal: goalApplies ? '≤ 1.2×' : 'report (goal ≤ 1.2× at N=10,000 vs N=1,000)',
    value: `${fixed(ratio)}× (${fixed(big.perArticleMs.annotated, 1)} ms vs ${fixed(small.perArticleMs.annotated, 1)} ms)`,
    met: goalApplies ? ratio <= 1.2 : null,
  };
}

/** The article page's own budget (measured once, on the 1,000-article site or the largest below). */
function articlePageTargets(articlePage: ArticlePageMeasurement): Target[] {
  const blockingScripts =
    articlePage.blockingScripts + articlePage.renderBlocking.filter((r) => r.initiatorType === 'script').length;
  const isCss = (r: { url: string }) => /\.css(\?|$)/.test(r.url);
  const blockingCss = articlePage.renderBlocking.filter(isCss);
  const blockingOther = articlePage.renderBlocking.filter((r) => !isCss(r) && r.initiatorType !== 'script');
  const withoutImages = articlePage.totalBytes - articlePage.bytes.images;
  return [
    {
      // The budget is for the page itself; photographs are a separate kind, reported below.
      name: 'article page without images, transferred in total (gzip)',
      goal: '≤ 25 KB',
      value: `${kb(withoutImages)} in ${articlePage.requests} requests`,
      met: withoutImages <= 25 * KB,
    },
    {
      name: 'article page, images transferred (lazy photographs load later)',
      goal: 'report',
      value: kb(articlePage.bytes.images),
      met: null,
    },
    {
      name: 'JavaScript needed to read and to open annotations',
      goal: 'none',
      value: `readable without JS: ${articlePage.readableWithoutJs ? 'yes' : 'no'}; card opens without JS: ${articlePage.cardOpensWithoutJs ? 'yes' : 'no'}; JS bytes: ${articlePage.bytes.js}`,
      met: articlePage.readableWithoutJs && articlePage.cardOpensWithoutJs,
    },
    {
      name: 'render-blocking resources',
      goal: 'no script; at most one stylesheet',
      value: `${blockingScripts} scripts, ${blockingCss.length} stylesheets, ${blockingOther.length} other`,
      met: blockingScripts === 0 && blockingCss.length <= 1 && blockingOther.length === 0,
    },
    {
      name: 'layout shift score (load + opening cards)',
      goal: '0',
      value: fixed(articlePage.layoutShift, 4),
      met: articlePage.layoutShift === 0,
    },
  ];
}

/** Checks the figures against the goals of the benchmark; `met: null` means reported only or not measured. */
export function checkTargets(input: { corpora: CorpusResult[]; articlePage: ArticlePageMeasurement | null }): Target[] {
  const corpora = [...input.corpora].sort((a, b) => a.n - b.n);
  const scaling = scalingTarget(corpora);
  const largestSite = corpora.filter((c) => c.n <= 1000).at(-1);
  return [
    ...corpora.flatMap(buildTargets),
    ...(scaling ? [scaling] : []),
    ...(largestSite
      ? [
          {
            name: `pages per second (${atN(largestSite.n)})`,
            goal: 'report',
            value: `${fixed(largestSite.pagesPerSecond.annotated, 1)} annotated, ${fixed(largestSite.pagesPerSecond.plain, 1)} plain`,
            met: null,
          },
        ]
      : []),
    ...corpora.flatMap(readerTargets),
    ...(input.articlePage ? articlePageTargets(input.articlePage) : []),
  ];
}

/** How a target's outcome is printed. */
export function outcome(target: Pick<Target, 'met'>): string {
  return target.met === null ? '-' : target.met ? 'met' : 'not met';
}
