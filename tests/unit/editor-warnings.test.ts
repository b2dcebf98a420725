import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { formatProblem, type ContentProblem } from '../../src/content/problems';
import { FIXTURES, PROJECT_ROOT } from '../helpers/paths';

const EDITOR_MISSED = path.join(FIXTURES, 'editor-missed/content');
const ARTICLE = 'articles/harbour-dredging.mdx';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-warnings-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Warnings with their file relative to the content folder. */
/** Runs `check` as if the site were built on `day` (`BUILD_DATE`). */
function asOf<T>(day: string, check: () => T): T {
  const saved = process.env.BUILD_DATE;
  process.env.BUILD_DATE = day;
  try {
    return check();
  } finally {
    if (saved === undefined) delete process.env.BUILD_DATE;
    else process.env.BUILD_DATE = saved;
  }
}

function warningsOf(contentDir: string): ContentProblem[] {
  const { problems, warnings } = checkContent(contentDir);
  expect(problems).toEqual([]);
  return warnings.map((warning) => ({ ...warning, file: path.relative(contentDir, warning.file) }));
}

const short = ({ file, line, column, rule }: ContentProblem) => ({ file, line, column, rule });

/** A copy of the fixture whose article has `edit` applied, for one variation. */
function variant(name: string, edit: (source: string) => string): string {
  const contentDir = path.join(work, name);
  fs.cpSync(EDITOR_MISSED, contentDir, { recursive: true });
  const file = path.join(contentDir, ARTICLE);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return contentDir;
}

describe('warnings about what the editor missed', () => {
  const warnings = warningsOf(EDITOR_MISSED);

  it('reports each miss once, in place, with a rule, a message and a hint', () => {
    expect(warnings.map(short)).toEqual([
      { file: ARTICLE, line: 13, column: 50, rule: 'unmarked-quote' },
      { file: ARTICLE, line: 15, column: 20, rule: 'unannotated-person' },
      { file: ARTICLE, line: 15, column: 59, rule: 'unannotated-figure' },
      { file: ARTICLE, line: 15, column: 99, rule: 'unannotated-figure' },
      { file: ARTICLE, line: 20, column: 59, rule: 'unmarked-quote' },
      { file: 'claims/port-fees-rise.yaml', line: 1, column: 1, rule: 'unused-claim' },
    ]);
    for (const warning of warnings) {
      expect(warning.severity).toBe('warning');
      expect(warning.hint).toBeTruthy();
    }
  });

  it('says what was missed and how to mark it', () => {
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Unexpected unmarked quotation “will need more cranes” beside `Omar Haddad`, expected `“:quote[…]{by=omar-haddad}”`',
      'Unexpected mention of `Ines Okafor` without an annotation, expected `:person[Ines Okafor]{#ines-okafor}` once in the article',
      'Unexpected figure `25%` without an annotation, expected `:figure[25%]{value=… unit=… about="…"}`',
      'Unexpected figure `3.4 million tonnes` without an annotation, expected `:figure[3.4 million tonnes]{value=… unit=… about="…"}`',
      'Unexpected unmarked quotation “no one will lose a shift.” beside `Haddad`, expected `“:quote[…]{by=omar-haddad}”`',
      'Unexpected claim `port-fees-rise` that no article cites, expected `:claim[…]{#port-fees-rise}` in an article',
    ]);
    expect(formatProblem(warnings[1]!)).toMatch(
      /^articles\/harbour-dredging\.mdx:15:20: warning: Unexpected mention .* \[unannotated-person\]\n {2}hint: annotate the first mention/,
    );
  });

  it('leaves out headings, links, later mentions, titles in quotation marks and dates', () => {
    // "Okafor" (line 17, the heading, the link), “Harbour Renewal”, “Meet the Press”, May 12,
    // 2024 and the quotation after a link are all in the fixture and none is reported.
    expect(warnings.filter((warning) => warning.line === 17 || warning.line! > 20)).toEqual([]);
  });

  it('is silenced for one paragraph by a check-ignore comment, on the line above or inline', () => {
    // `40,000 tonnes` on line 20 is under `{/* check-ignore unannotated-figure */}`.
    expect(warnings.some((warning) => warning.rule === 'unannotated-figure' && warning.line === 20)).toBe(false);
    const silenced = variant('silenced', (source) =>
      source
        .replace('{/* check-ignore unannotated-figure */}', '{/* check-ignore unannotated-figure, unmarked-quote */}')
        .replace('The city engineer,', '{/* check-ignore unannotated-person unannotated-figure */}The city engineer,'),
    );
    const rules = warningsOf(silenced).map(short);
    expect(rules).not.toContainEqual(expect.objectContaining({ line: 20, rule: 'unmarked-quote' }));
    expect(rules).not.toContainEqual(expect.objectContaining({ rule: 'unannotated-figure' }));
    // The next mention of Ines Okafor (line 17) is now the first one reported.
    expect(rules).toContainEqual({ file: ARTICLE, line: 17, column: 1, rule: 'unannotated-person' });
    expect(rules).toContainEqual(expect.objectContaining({ line: 13, rule: 'unmarked-quote' }));
  });

  it('is silenced for the whole article by `check.ignore` in the frontmatter', () => {
    const ignored = variant('ignored', (source) =>
      source.replace('tags:', 'check:\n  ignore: [unannotated-figure, unmarked-quote]\ntags:'),
    );
    expect(warningsOf(ignored).map((warning) => warning.rule)).toEqual(['unannotated-person', 'unused-claim']);
  });

  it('finds no figure to warn about in an article that annotates none', () => {
    const noFigures = variant('no-figures', (source) => source.replace(/:figure\[(\$12 million)\]\{[^}]*\}/, '$1'));
    expect(warningsOf(noFigures).map((warning) => warning.rule)).not.toContain('unannotated-figure');
  });

  it('warns, once each, when a transparency page is missing', () => {
    const noPages = variant('no-pages', (source) => source);
    fs.rmSync(path.join(noPages, 'pages/funding-and-ownership.mdx'));
    fs.rmSync(path.join(noPages, 'pages/contact.mdx'));
    const missing = warningsOf(noPages).filter((warning) => warning.rule?.startsWith('missing-'));
    expect(missing.map((warning) => [warning.file, warning.rule])).toEqual([
      ['pages/contact.mdx', 'missing-contact-page'],
      ['pages/funding-and-ownership.mdx', 'missing-funding-and-ownership-page'],
    ]);
    expect(missing.every((warning) => warning.severity === 'warning' && warning.hint)).toBe(true);
  });

  it('reads pages through the annotation pipeline: a page naming an unknown person is an error', () => {
    const misquoted = variant('misquoted-page', (source) => source);
    fs.writeFileSync(
      path.join(misquoted, 'pages/methodology.mdx'),
      '---\ntitle: Methodology\ndescription: How we check.\n---\n\nWe check :person[Nobody]{#no-such-person}.\n',
    );
    const { problems } = checkContent(misquoted);
    expect(problems.map((problem) => [path.relative(misquoted, problem.file), problem.line, problem.rule])).toEqual([
      ['pages/methodology.mdx', 6, 'unknown-person'],
    ]);
  });

  it('gives the seed content no error and no warning before its claims fall due', () => {
    const { problems, warnings: seedWarnings } = asOf('2025-10-31', () =>
      checkContent(path.join(PROJECT_ROOT, 'content')),
    );
    expect(problems).toEqual([]);
    expect(seedWarnings).toEqual([]);
  });

  it('warns at a pending claim’s `due:` once that day has passed, as of the build day', () => {
    const seed = path.join(PROJECT_ROOT, 'content');
    expect(asOf('2025-11-01', () => checkContent(seed)).warnings).toEqual([]);
    const late = asOf('2025-11-02', () => checkContent(seed)).warnings;
    expect(late.map(({ file, line, column, field, rule }) => ({ file, line, column, field, rule }))).toEqual([
      {
        file: 'content/claims/tariff-threat-from-nov-1.yaml',
        line: 8,
        column: 6,
        field: 'due',
        rule: 'pending-past-due',
      },
    ]);
    expect(late[0]!.severity).toBe('warning');
    expect(formatProblem(late[0]!)).toContain('still `pending` after its `due` day 2025-11-01');
    const both = asOf('2026-02-18', () => checkContent(seed)).warnings.map((warning) => warning.file);
    expect(both).toEqual([
      'content/claims/tariff-threat-from-nov-1.yaml',
      'content/claims/trump-visit-beijing-before-lunar-new-year.yaml',
    ]);
  });
});
