import type { ArticlePageMeasurement } from './browser';
import type { BuildMeasurement } from './build';
import type { KindBreakdown } from './output-breakdown';
import { foldersBySize } from './output-stats';
import { GB, KB, MB, outcome, type CorpusResult, type Target, type WarmEdit } from './targets';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

const WARM_LABELS: Record<WarmEdit, string> = {
  article: 'annotated, warm: one article edited',
  claim: 'annotated, warm: one claim status',
  nothing: 'annotated, warm: nothing changed',
};

/** Every build of a corpus's run, labelled, with its share of the cold annotated build where it is a rebuild. */
function buildRows(
  c: CorpusResult,
): { label: string; build: BuildMeasurement; ofCold?: number; perArticle?: number }[] {
  return [
    { label: 'plain twin, cold', build: c.plain, perArticle: c.perArticleMs.plain },
    ...(c.mdxBlog ? [{ label: 'MDX blog + Pagefind, cold', build: c.mdxBlog }] : []),
    { label: 'annotated, cold', build: c.annotated, perArticle: c.perArticleMs.annotated },
    ...(c.warm ? (Object.keys(WARM_LABELS) as WarmEdit[]) : []).map((edit) => ({
      label: WARM_LABELS[edit],
      build: c.warm![edit].build,
      ofCold: c.warm![edit].ofCold,
    })),
    ...(c.oneJob ? [{ label: 'annotated, cold, --jobs=1', build: c.oneJob }] : []),
  ];
}

function printBuilds(corpora: CorpusResult[]) {
  printTable(
    'Builds (cold, back to back in this run; warm: annotated again with the cache kept)',
    ['N', 'build', 'pages', 'wall s', 'CPU s', 'of cold', 'ms/article', 'peak RSS GB', 'largest process GB'],
    corpora.flatMap((c) =>
      buildRows(c).map(({ label, build, ofCold, perArticle }) => [
        c.n,
        label,
        build.pages,
        round(build.ms / 1000, 1),
        build.cpuMs === null ? '-' : round(build.cpuMs / 1000, 1),
        ofCold === undefined ? '-' : `${round(ofCold * 100, 1)}%`,
        perArticle ?? '-',
        round(build.peakRss / GB),
        round(build.largestProcessRss / GB),
      ]),
    ),
  );
  printTable(
    'Annotated cold ÷ plain twin and ÷ MDX blog',
    ['N', 'twin wall', 'twin CPU', 'blog wall', 'blog CPU'],
    corpora.map((c) => [
      c.n,
      `${c.ratio.wall}×`,
      c.ratio.cpu === null ? '-' : `${c.ratio.cpu}×`,
      c.vsMdxBlog ? `${c.vsMdxBlog.wall}×` : '-',
      c.vsMdxBlog?.cpu ? `${c.vsMdxBlog.cpu}×` : '-',
    ]),
  );
  const largest = corpora.at(-1);
  if (largest) {
    printTable(
      `Processes of the N=${largest.n} builds, each at its own peak`,
      ['build', 'process', 'peak RSS GB'],
      buildRows(largest).flatMap(({ label, build }) =>
        build.processes.slice(0, 4).map((p) => [label, p.command, round(p.peakRss / GB)]),
      ),
    );
  }
}

/** Where the bytes of an output go: per kind of file, and the parts of its pages. */
export function printBreakdown(title: string, breakdown: Record<string, KindBreakdown>) {
  const total = Object.values(breakdown).reduce((sum, kind) => sum + kind.bytes, 0);
  printTable(
    `Where the output's bytes go (${title})`,
    ['kind', 'files', 'MB', 'share', 'KB per file', 'parts (MB, from sampled pages)'],
    Object.entries(breakdown).map(([kind, k]) => [
      kind,
      k.files,
      round(k.bytes / MB, 1),
      `${round((k.bytes / total) * 100, 1)}%`,
      round(k.bytes / k.files / KB, 1),
      k.parts
        ? Object.entries(k.parts)
            .map(([part, bytes]) => `${part} ${round(bytes / MB, 1)}`)
            .join('; ')
        : '',
    ]),
  );
}

function printOutput(corpora: CorpusResult[]) {
  printTable(
    'Output (cold builds)',
    ['N', 'kind', 'files', 'MB', 'largest HTML page', 'KB', 'files per top-level folder'],
    corpora.flatMap((c) =>
      (['plain', 'mdxBlog', 'annotated'] as const).flatMap((kind) => {
        const output = c[kind]?.output;
        if (!output) return [];
        return [
          [
            c.n,
            kind === 'mdxBlog' ? 'MDX blog' : kind,
            output.files,
            round(output.bytes / MB, 1),
            output.largestPage ? `/${output.largestPage.path}` : '-',
            output.largestPage ? round(output.largestPage.bytes / KB, 1) : '-',
            foldersBySize(output)
              .map(([folder, { files }]) => `${folder} ${files}`)
              .join(', '),
          ],
        ];
      }),
    ),
  );
}

function printReaders(corpora: CorpusResult[]) {
  const kinds = ['runtime', 'wasm', 'metadata', 'chunks', 'filters', 'fragments', 'other'];
  const searched = corpora.filter((c) => c.search);
  if (searched.length) {
    printTable(
      'Searches through /search/ (transferred bytes beyond the page itself, gzip + headers)',
      ['N', 'search', 'query', 'results', 'requests', ...kinds, 'total KB'],
      searched.flatMap((c) =>
        (['first', 'later'] as const).map((which) => {
          const step = c.search![which];
          return [
            c.n,
            which,
            step.query,
            step.results ?? '?',
            step.requests,
            ...kinds.map((k) => step.bytes[k] ?? 0),
            round(step.totalBytes / KB, 1),
          ];
        }),
      ),
    );
  }
  const visited = corpora.filter((c) => c.firstVisit);
  if (visited.length) {
    printTable(
      'First visit of / (after load, until the service worker is activated)',
      ['N', 'requests', 'by service worker', 'sw.js entries', 'MB', 'ready s', 'largest folders (requests)'],
      visited.map((c) => {
        const v = c.firstVisit!;
        const folders = Object.entries(v.byFolder)
          .sort(([, a], [, b]) => b.requests - a.requests)
          .slice(0, 5)
          .map(([folder, { requests }]) => `${folder} ${requests}`)
          .join(', ');
        return [
          c.n,
          v.requests,
          v.serviceWorkerRequests,
          v.precacheEntries,
          round(v.totalBytes / MB),
          v.readyMs === null ? 'never' : round(v.readyMs / 1000, 1),
          folders,
        ];
      }),
    );
  }
}

function printArticlePage(articlePage: ArticlePageMeasurement) {
  const b = articlePage.bytes;
  printTable(
    'Article page, transferred bytes',
    ['requests', 'HTML', 'CSS', 'JS', 'fonts', 'images', 'other', 'total', 'blocking', 'CLS'],
    [
      [
        articlePage.requests,
        b.html,
        b.css,
        b.js,
        b.fonts,
        b.images,
        b.other,
        articlePage.totalBytes,
        articlePage.renderBlocking.length,
        articlePage.layoutShift,
      ],
    ],
  );
}

/** The console report: builds, output, readers' costs, the article page and every target with its outcome. */
export function printReport(corpora: CorpusResult[], articlePage: ArticlePageMeasurement | null, targets: Target[]) {
  printBuilds(corpora);
  printOutput(corpora);
  printReaders(corpora);
  if (articlePage) printArticlePage(articlePage);
  printTable(
    'Targets',
    ['target', 'goal', 'measured', 'outcome'],
    targets.map((t) => [t.name, t.goal, t.value, outcome(t)]),
  );
}
