import type { ArticlePageMeasurement } from './browser';
import { foldersBySize } from './output-stats';
import { GB, KB, MB, outcome, type CorpusResult, type Target } from './targets';

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

function printBuilds(corpora: CorpusResult[]) {
  printTable(
    'Builds (cold, back to back in this run; warm: annotated again after one edit, cache kept)',
    ['N', 'build', 'pages', 'wall s', 'CPU s', 'of cold', 'ms/article', 'pages/s', 'peak RSS GB'],
    corpora.flatMap((c) => [
      ...(['plain', 'annotated'] as const).map((kind) => [
        c.n,
        `${kind}, cold`,
        c[kind].pages,
        round(c[kind].ms / 1000, 1),
        c[kind].cpuMs === null ? '-' : round(c[kind].cpuMs! / 1000, 1),
        '-',
        c.perArticleMs[kind],
        c.pagesPerSecond[kind],
        round(c[kind].peakRss / GB),
      ]),
      ...(c.warm ? (['article', 'claim'] as const) : []).map((edit) => {
        const warm = c.warm![edit];
        return [
          c.n,
          edit === 'article' ? 'annotated, warm: one article edited' : 'annotated, warm: one claim status',
          warm.build.pages,
          round(warm.build.ms / 1000, 1),
          warm.build.cpuMs === null ? '-' : round(warm.build.cpuMs / 1000, 1),
          `${round(warm.ofCold * 100, 1)}%`,
          '-',
          '-',
          round(warm.build.peakRss / GB),
        ];
      }),
    ]),
  );
  printTable(
    'Annotated ÷ plain (cold)',
    ['N', 'wall', 'CPU'],
    corpora.map((c) => [c.n, `${c.ratio.wall}×`, c.ratio.cpu === null ? '-' : `${c.ratio.cpu}×`]),
  );
}

function printOutput(corpora: CorpusResult[]) {
  printTable(
    'Output (cold builds)',
    ['N', 'kind', 'files', 'MB', 'largest HTML page', 'KB', 'files per top-level folder'],
    corpora.flatMap((c) =>
      (['plain', 'annotated'] as const).map((kind) => {
        const output = c[kind].output;
        return [
          c.n,
          kind,
          output.files,
          round(output.bytes / MB, 1),
          output.largestPage ? `/${output.largestPage.path}` : '-',
          output.largestPage ? round(output.largestPage.bytes / KB, 1) : '-',
          foldersBySize(output)
            .map(([folder, { files }]) => `${folder} ${files}`)
            .join(', '),
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
