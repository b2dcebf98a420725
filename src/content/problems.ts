import path from 'node:path';
import { revealInvisible } from '../lib/shown';

/** One thing wrong with the content, with the place an author can jump to. */
export interface ContentProblem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted field path for YAML and frontmatter problems, e.g. `sources.0.url`. */
  field?: string;
  message: string;
  /** What to do about it. */
  hint?: string;
  /**
   * Stable id of the rule broken (`unknown-person`, `near-miss-directive`, …): tests and
   * tools match on it, so the wording can change without breaking them.
   */
  rule?: string;
  /**
   * `error` (the default) stops the build and `npm run check`; a `warning` points at
   * something an editor may have missed and fails only `npm run check -- --strict`.
   */
  severity?: 'error' | 'warning';
}

export function displayPath(file: string, root = process.cwd()): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/**
 * `file:line:column: field: message [rule-id]` and the hint on the next line: the shape
 * editors and terminals link, with the rule an author can look up or a tool can match.
 * Warnings read `file:line:column: warning: message [rule-id]`, as compilers print them.
 */
export function formatProblem(problem: ContentProblem): string {
  let where = problem.file;
  if (problem.line) where += `:${problem.line}${problem.column ? `:${problem.column}` : ''}`;
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const field = problem.field ? `field \`${problem.field}\`: ` : '';
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  const hint = problem.hint ? `\n  hint: ${problem.hint}` : '';
  // Text from content never reaches the terminal raw: no direction overrides or invisible characters.
  return revealInvisible(`${where}: ${severity}${field}${problem.message}${rule}${hint}`.slice(0, 4_000));
}

/** Thrown when content cannot be published; the message lists every problem found. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
    super(`${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // Astro prints `loc` as the error's location and the stack after it: point it at the
    // content, and drop the stack, which only shows where in the build the check ran.
    const first = problems.find((problem) => problem.line) ?? problems[0];
    if (first) {
      this.loc = { file: path.resolve(first.file), line: first.line ?? 1, column: first.column ?? 1 };
    }
    this.stack = '';
  }

  readonly loc?: { file: string; line: number; column: number };
}
