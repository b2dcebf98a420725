import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { formatProblem } from '../../src/content/problems';
import { expectedFields, HOSTILE, hostileCases, materializeCase } from '../helpers/hostile';
import { PROJECT_ROOT } from '../helpers/paths';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-check-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const cases = hostileCases();

describe('the hostile-content corpus', () => {
  it('has at least 20 cases and a valid base', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(checkContent(path.join(HOSTILE, 'base/content')).problems).toEqual([]);
  });
});

describe('`npm run check` core reports each bad input with its place and what to do', { timeout: 20_000 }, () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const contentDir = materializeCase(testCase.name, work);
      const { problems } = checkContent(contentDir);
      // Each rule is declared, with its README entry, and each problem has a start and an end.
      for (const problem of problems) {
        expect(problem.url, formatProblem(problem)).toBe('README.md#errors-by-rule-id');
        expect(problem.place, formatProblem(problem)).toMatchObject({ start: { line: problem.line } });
      }
      const found = problems.map((problem) => ({ ...problem, file: path.relative(contentDir, problem.file) }));
      expect(found.length).toBeGreaterThan(0);
      for (const expected of testCase.expected) {
        expect(found).toContainEqual(expect.objectContaining(expectedFields(expected)));
      }
      for (const problem of found) {
        expect(problem.line, formatProblem(problem)).toBeGreaterThan(0);
        expect(problem.hint, formatProblem(problem)).toBeTruthy();
        expect(problem.rule, formatProblem(problem)).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
        // Messages stay readable whatever the input: no 1 MB echo, no invisible characters.
        expect(formatProblem(problem).length).toBeLessThan(1_500);
        expect(formatProblem(problem)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      }
    });
  }
});

/** The valid base site with `files` written over it (path relative to the content folder → text). */
function baseWith(files: Record<string, string>, drop: string[] = []): string {
  const contentDir = path.join(fs.mkdtempSync(path.join(work, 'rule-')), 'content');
  fs.cpSync(path.join(HOSTILE, 'base/content'), contentDir, { recursive: true });
  for (const rel of drop) fs.rmSync(path.join(contentDir, rel), { recursive: true });
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(contentDir, rel), text);
  return contentDir;
}

const FRONTMATTER = '---\ntitle: T\ndescription: D\npublished: 2026-05-04\n---\n\n';
const PERSON = 'name: Ida Lund\nrole: Engineer\nbio: Builds harbours.\n';
const CLAIM = 'statement: S\nclaimant: nora-vance\ndate: 2026-05-04\nsource: Minutes\nstatus: stated\n';

describe('every problem names the rule it breaks', () => {
  const ruleCases: {
    name: string;
    rule: string;
    files: Record<string, string>;
    drop?: string[];
    file: string;
    line?: number;
  }[] = [
    {
      name: 'a person in .yaml and .yml',
      rule: 'duplicate-id',
      files: { 'people/nora-vance.yml': PERSON },
      file: 'people/nora-vance.yml',
      line: 1,
    },
    {
      name: 'a YAML list instead of fields',
      rule: 'not-a-mapping',
      files: { 'people/ida-lund.yaml': '- a\n- b\n' },
      file: 'people/ida-lund.yaml',
      line: 1,
    },
    {
      name: 'an empty field',
      rule: 'empty-field',
      files: { 'people/ida-lund.yaml': PERSON.replace('Ida Lund', '"  "') },
      file: 'people/ida-lund.yaml',
      line: 1,
    },
    {
      name: 'a runaway field',
      rule: 'too-long',
      files: { 'people/ida-lund.yaml': PERSON.replace('Ida Lund', 'x'.repeat(301)) },
      file: 'people/ida-lund.yaml',
      line: 1,
    },
    {
      name: 'a claimant that is not an id',
      rule: 'bad-id',
      files: { 'claims/c.yaml': CLAIM.replace('nora-vance', 'Nora Vance') },
      file: 'claims/c.yaml',
      line: 2,
    },
    {
      name: 'a date that is not text',
      rule: 'invalid-value',
      files: { 'claims/c.yaml': CLAIM.replace('2026-05-04', '[2026]') },
      file: 'claims/c.yaml',
      line: 3,
    },
    {
      name: 'an article without frontmatter',
      rule: 'missing-frontmatter',
      files: { 'articles/x.mdx': 'Text only.\n' },
      file: 'articles/x.mdx',
      line: 1,
    },
    {
      name: 'an update before publication',
      rule: 'updated-before-published',
      files: { 'articles/x.mdx': `${FRONTMATTER.replace('---\n\n', 'updated: 2026-05-01\n---\n\n')}Text.\n` },
      file: 'articles/x.mdx',
    },
    {
      name: 'raw HTML in a Markdown article',
      rule: 'raw-html',
      files: { 'articles/x.md': `${FRONTMATTER}Text <b>bold</b>.\n` },
      file: 'articles/x.md',
      line: 7,
    },
    {
      name: 'a person whose file is broken',
      rule: 'unusable-person',
      files: { 'people/nora-vance.yaml': 'name: [\n' },
      file: 'articles/harbour-deal.mdx',
      line: 10,
    },
    { name: 'no articles folder', rule: 'no-articles-folder', files: {}, drop: ['articles'], file: '' },
  ];
  for (const testCase of ruleCases) {
    it(`${testCase.name}: ${testCase.rule}`, () => {
      const contentDir = baseWith(testCase.files, testCase.drop);
      const found = checkContent(contentDir).problems.map((problem) => ({
        ...problem,
        file: path.relative(contentDir, problem.file),
      }));
      expect(found, JSON.stringify(found, null, 2)).toContainEqual(
        expect.objectContaining({
          file: testCase.file,
          rule: testCase.rule,
          ...(testCase.line ? { line: testCase.line } : {}),
        }),
      );
      for (const problem of found) expect(problem.rule, formatProblem(problem)).toBeTruthy();
      for (const problem of found) expect(problem.url, formatProblem(problem)).toBeTruthy();
    });
  }

  it('has a test for each rule id the pipeline and the content model report', () => {
    const read = (rel: string) => fs.readFileSync(path.join(PROJECT_ROOT, rel), 'utf8');
    const sources = [
      'src/annotations/messages.ts',
      ...fs
        .readdirSync(path.join(PROJECT_ROOT, 'src/content'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `src/content/${f}`),
    ];
    const rules = new Set<string>();
    for (const source of sources) {
      for (const match of read(source).matchAll(/(?:problem\(\s*|rule: |\/, )'([a-z0-9-]+)'/g)) rules.add(match[1]!);
    }
    expect(rules.size).toBeGreaterThan(40);
    const tests = [
      'tests/unit/annotate-tree.test.ts',
      'tests/unit/content-safety.test.ts',
      'tests/unit/hostile-content.test.ts',
      'tests/unit/editor-warnings.test.ts',
    ]
      .map(read)
      .join('\n');
    const fixtures = cases.map((c) => read(`tests/fixtures/hostile/${c.name}/expected.json`)).join('\n');
    const untested = [...rules].filter(
      (rule) => !tests.includes(`'${rule}'`) && !fixtures.includes(`"rule": "${rule}"`),
    );
    expect(untested).toEqual([]);
  });
});
