import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { revealInvisible } from '../lib/shown';
import { ruleOf } from './rules';

/**
 * One thing wrong with the content, as the code that finds it reports it, with the place an
 * author can jump to. It leaves the check as a `ContentMessage` (see `contentMessage`).
 */
export interface ContentProblem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  line?: number;
  column?: number;
  /** Where the offending text ends, when known (the end of the annotation, the node). */
  end?: { line: number; column: number };
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
/** Which program reports content messages (a VFileMessage's `source`). */
const SOURCE = 'annotated-wire';

/**
 * A problem or warning as the vfile ecosystem reads it: `ruleId`, `source`, `place` with a
 * start and an end, `url` to the rule's README entry and `fatal` (true for a problem that
 * stops the build, false for a warning), plus what to do (`hint`) and the YAML field. The
 * names the content tools and tests already match on (`rule`, `severity`) are kept beside
 * `ruleId` and `fatal`, and always agree with them.
 */
export class ContentMessage extends VFileMessage implements ContentProblem {
  override file: string;
  override message: string;
  /** The README section that says what to do, or undefined for an undeclared rule. */
  override url: string | undefined;
  /** Same as `ruleId`. */
  rule?: string;
  hint?: string;
  field?: string;
  severity: 'error' | 'warning';

  constructor(problem: ContentProblem) {
    const start = problem.line ? { line: problem.line, column: problem.column ?? 1 } : undefined;
    const place = start && { start, end: problem.end ?? start };
    super(problem.message, { place, ruleId: problem.rule, source: SOURCE });
    const rule = problem.rule ? ruleOf(problem.rule) : undefined;
    this.file = problem.file;
    // As reported: a problem known by its line alone is printed without a column.
    this.line = problem.line;
    this.column = problem.column;
    this.message = problem.message;
    this.url = rule?.url;
    this.rule = problem.rule;
    this.hint = problem.hint;
    this.field = problem.field;
    this.severity = rule?.severity ?? problem.severity ?? 'error';
    this.fatal = this.severity === 'error';
    // Content problems are about the content, not about where in the code they were found.
    this.stack = '';
  }
}

/** The message for a problem (a message is returned as it is). */
export function contentMessage(problem: ContentProblem): ContentMessage {
  return problem instanceof ContentMessage ? problem : new ContentMessage(problem);
}

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
  readonly problems: ContentMessage[];
  constructor(reported: ContentProblem[]) {
    const problems = reported.map(contentMessage);
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
