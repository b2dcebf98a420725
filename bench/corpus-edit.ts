import fs from 'node:fs';
import path from 'node:path';
import { CLAIM_STATUSES, claimStatusNames, type ClaimStatus } from '../src/content/schemas';

/**
 * The small edits a warm rebuild measures: one sentence more in one article, one claim's status
 * changed. Pure text functions, plus a wrapper that applies an edit to a file and always puts
 * the original back, so a corpus stays the same from run to run.
 */

/** The sentence a warm rebuild adds; plain words, no annotation. */
export const ADDED_SENTENCE = 'Officials said more talks would follow in the coming weeks.';

/** A body line that is prose: not frontmatter, a heading, a list, a quote block, a table, JSX or an import. */
function isProseLine(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && !/^(import |export |[<#>|!*-]|:::|\d+\.\s)/.test(text) && /[.!?”"’)\]}]$/.test(text);
}

/**
 * Appends `sentence` to the first prose paragraph of an article (after its frontmatter).
 * Throws when the article has no such paragraph, so a corpus change is never silently missed.
 */
export function appendSentenceToParagraph(source: string, sentence = ADDED_SENTENCE): string {
  const lines = source.split('\n');
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new Error('the article has no end to its frontmatter');
    start = end + 1;
  }
  const index = lines.findIndex((line, i) => i >= start && isProseLine(line));
  if (index < 0) throw new Error('the article has no prose paragraph to add a sentence to');
  lines[index] = `${lines[index]!.replace(/\s+$/, '')} ${sentence}`;
  return lines.join('\n');
}

/**
 * Another status for a claim with `current`: the first other status with the same kind (verdict
 * or not), so the claim stays valid (a verdict needs sources, which a non-verdict may lack).
 */
export function otherStatus(current: ClaimStatus): ClaimStatus {
  const verdict = CLAIM_STATUSES[current].verdict;
  const other = claimStatusNames.find((name) => name !== current && CLAIM_STATUSES[name].verdict === verdict);
  if (!other) throw new Error(`no other status of the same kind as ${current}`);
  return other;
}

/** Changes the top-level `status:` of a claim file to another valid status, keeping the rest of the text. */
export function changeClaimStatus(yaml: string): { text: string; from: ClaimStatus; to: ClaimStatus } {
  const line = /^status:[ \t]*(["']?)([a-z]+)\1[ \t]*$/m.exec(yaml);
  if (!line) throw new Error('the claim has no top-level `status:` line');
  const from = line[2] as ClaimStatus;
  if (!(from in CLAIM_STATUSES)) throw new Error(`\`status: ${from}\` is not a claim status`);
  const to = otherStatus(from);
  // `false` is written in quotes, as the README asks, so YAML does not read a boolean.
  const written = to === 'false' ? `"${to}"` : to;
  return { text: `${yaml.slice(0, line.index)}status: ${written}${yaml.slice(line.index + line[0].length)}`, from, to };
}

/** Runs `work` with `file` rewritten by `edit`, then restores the original bytes, even on failure. */
export async function withEditedFile<T>(
  file: string,
  edit: (text: string) => string,
  work: () => Promise<T>,
): Promise<T> {
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, edit(original));
  try {
    return await work();
  } finally {
    fs.writeFileSync(file, original);
  }
}

/** The first article (by name) and claim file of an annotated corpus, the ones the warm rebuilds edit. */
export function editTargets(contentDir: string): { article: string; claim: string } {
  const first = (kind: string, ext: RegExp) => {
    const name = fs
      .readdirSync(path.join(contentDir, kind))
      .filter((f) => ext.test(f))
      .sort()[0];
    if (!name) throw new Error(`${contentDir}/${kind} has no file to edit`);
    return path.join(contentDir, kind, name);
  };
  return { article: first('articles', /\.mdx?$/), claim: first('claims', /\.ya?ml$/) };
}
