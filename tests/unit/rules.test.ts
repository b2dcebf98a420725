import fs from 'node:fs';
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { ContentMessage, formatProblem } from '../../src/content/problems';
import { RULE_IDS, ruleOf } from '../../src/content/rules';
import { HOSTILE } from '../helpers/hostile';
import { FIXTURES, PROJECT_ROOT } from '../helpers/paths';

const read = (rel: string) => fs.readFileSync(path.join(PROJECT_ROOT, rel), 'utf8');

/** The README section a heading opens, up to the next heading. */
function section(heading: string): string {
  const readme = read('README.md');
  const start = readme.indexOf(`\n#### ${heading}\n`);
  expect(start, `README has no "${heading}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n#', start + heading.length + 6);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Rule ids an entry of a README list names: "- `a`, `b`: what to do". */
const documented = (text: string) =>
  new Set(
    [...text.matchAll(/^- (.+?): \S/gm)].flatMap(([, ids]) => [...ids!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!)),
  );

describe('rule ids', () => {
  it('each have an entry in README, in the list of errors or of warnings, saying what to do', () => {
    const errors = documented(section('Errors by rule id'));
    const warnings = documented(section('Warnings by rule id'));
    const missing = RULE_IDS.filter((rule) => !(ruleOf(rule)!.severity === 'error' ? errors : warnings).has(rule));
    expect(missing).toEqual([]);
    // And README documents no rule the code does not declare.
    expect([...errors, ...warnings].filter((rule) => !ruleOf(rule))).toEqual([]);
  });

  it('are all declared: the ids written in the pipeline and the content model', () => {
    const sources = [
      'src/annotations/messages.ts',
      ...fs
        .readdirSync(path.join(PROJECT_ROOT, 'src/content'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && f !== 'rules.ts')
        .map((f) => `src/content/${f}`),
    ];
    const written = sources.flatMap((source) =>
      [...read(source).matchAll(/(?:problem\(\s*|rule: |\/, |, )'([a-z0-9]+(?:-[a-z0-9]+)+)'(?=[,)\s])/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(written.length).toBeGreaterThan(60);
    // Prefixes the schemas complete (`claim-history` + `-in-future`): the corpus checks those.
    const prefixes = new Set(['claim-history', 'claim-appearance']);
    expect(written.filter((rule) => !ruleOf(rule) && !prefixes.has(rule))).toEqual([]);
  });
});

describe('content messages', () => {
  it('are vfile messages with a rule id, a source, a place from start to end and a link to their README entry', () => {
    const contentDir = path.join(HOSTILE, 'base/content');
    const problem = new ContentMessage({
      file: 'content/articles/a.mdx',
      line: 7,
      column: 16,
      end: { line: 7, column: 40 },
      message: 'Unknown person `nora-vence` in `#nora-vence`',
      hint: 'did you mean `nora-vance`?',
      rule: 'unknown-person',
    });
    expect(problem).toBeInstanceOf(VFileMessage);
    expect(problem).toMatchObject({
      ruleId: 'unknown-person',
      source: 'annotated-wire',
      place: { start: { line: 7, column: 16 }, end: { line: 7, column: 40 } },
      url: 'README.md#errors-by-rule-id',
      fatal: true,
      severity: 'error',
      reason: 'Unknown person `nora-vence` in `#nora-vence`',
    });
    expect(formatProblem(problem)).toBe(
      'content/articles/a.mdx:7:16: Unknown person `nora-vence` in `#nora-vence` [unknown-person]\n  hint: did you mean `nora-vance`?',
    );
    expect(checkContent(contentDir).problems).toEqual([]);
  });

  it('mark warnings as not fatal, with the end of the missed words', () => {
    const { warnings } = checkContent(path.join(FIXTURES, 'editor-missed/content'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning).toBeInstanceOf(VFileMessage);
      expect(warning.fatal).toBe(false);
      expect(warning.url).toBe('README.md#warnings-by-rule-id');
    }
    // `Ines Okafor` at 15:20 ends at 15:31.
    const person = warnings.find((warning) => warning.ruleId === 'unannotated-person')!;
    expect(person.place).toEqual({ start: { line: 15, column: 20 }, end: { line: 15, column: 31 } });
  });
});
