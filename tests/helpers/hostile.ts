import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { FIXTURES } from './paths';

export const HOSTILE = path.join(FIXTURES, 'hostile');
const BASE = path.join(HOSTILE, 'base/content');

/**
 * What a case expects: problems that must be reported (file relative to the content folder),
 * matched on file, rule id and line, and on column when given. The wording is free to change;
 * a `message` in expected.json is only a note for readers and is not matched.
 */
export interface ExpectedProblem {
  file: string;
  line: number;
  column?: number;
  /** Stable rule id, as printed after the message: `[unknown-person]`. */
  rule: string;
}

/** The fields of a reported problem an expected one must match. */
export function expectedFields({ file, line, column, rule }: ExpectedProblem): Record<string, unknown> {
  return { file, line, rule, ...(column !== undefined ? { column } : {}) };
}

export interface HostileCase {
  name: string;
  expected: ExpectedProblem[];
}

/** Every case folder (each holds `content/` and `expected.json`), sorted. */
export function hostileCases(): HostileCase[] {
  return fs
    .readdirSync(HOSTILE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(HOSTILE, entry.name, 'expected.json')))
    .map((entry) => ({
      name: entry.name,
      expected: JSON.parse(fs.readFileSync(path.join(HOSTILE, entry.name, 'expected.json'), 'utf8')).problems,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `@@MEGABYTE@@` in a case file stands for 1 MiB of words, kept out of the repository. */
const MEGABYTE = '@@MEGABYTE@@';
const megabyte = () =>
  'harbour '
    .repeat(Math.ceil(2 ** 20 / 8))
    .slice(0, 2 ** 20)
    .trim();

/**
 * The content folder of a case, in a fresh temporary folder: the valid base site with the
 * case's files laid over it (a file with the same path replaces the base's).
 */
export function materializeCase(name: string, root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'))): string {
  const target = path.join(root, name, 'content');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(BASE, target, { recursive: true });
  const overlay = path.join(HOSTILE, name, 'content');
  for (const rel of fs.readdirSync(overlay, { recursive: true, encoding: 'utf8' })) {
    const from = path.join(overlay, rel);
    if (fs.statSync(from).isDirectory()) continue;
    const to = path.join(target, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const text = fs.readFileSync(from, 'utf8');
    fs.writeFileSync(to, text.includes(MEGABYTE) ? text.replace(MEGABYTE, megabyte()) : text);
  }
  return target;
}

/**
 * One test per hostile case named in `messages`: the check reports exactly the case's expected
 * problems (file, line, column, rule), each with a hint and with the words given for its case.
 * `only` keeps the problems of some files (a case may also break what cites its file).
 */
export function describeCaseWording(
  title: string,
  messages: Record<string, string>,
  only: (file: string) => boolean = () => true,
): void {
  const names = Object.keys(messages);
  describe(title, () => {
    const cases = hostileCases().filter((testCase) => names.includes(testCase.name));

    it('has a hostile case for every rule', () => {
      expect(cases.map((testCase) => testCase.name).sort()).toEqual([...names].sort());
    });

    for (const name of names) {
      it(name, () => {
        const contentDir = materializeCase(name);
        const found = checkContent(contentDir)
          .problems.map((problem) => ({ ...problem, file: path.relative(contentDir, problem.file) }))
          .filter((problem) => only(problem.file));
        const expected = cases.find((testCase) => testCase.name === name)!.expected;
        expect(found).toHaveLength(expected.length);
        for (const { file, line, column, rule } of expected) {
          expect(found).toContainEqual(
            expect.objectContaining({
              file,
              line,
              column,
              rule,
              message: expect.stringContaining(messages[name]!),
              hint: expect.any(String),
            }),
          );
        }
      });
    }
  });
}
