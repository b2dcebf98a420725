/**
 * `unused-claim`: a claim file that no article cites (`:claim{#id}`, or `claim=id` on a
 * quote or figure), reported at the claim file, line 1. A `# check-ignore unused-claim`
 * line in the claim file keeps a claim that is waiting for its article.
 */
import fs from 'node:fs';
import { displayPath, type ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import type { AnnotationRecord } from './kinds';
import { pendingPastDue, unusedClaim } from './messages';

const RULE = 'unused-claim';

const SILENCED = new RegExp(String.raw`^\s*#\s*check-ignore\b[^\n]*\b${RULE}\b`, 'm');

const silenced = (file: string) => {
  const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return source.includes('check-ignore') && SILENCED.test(source);
};

/** The claims an article's annotations cite. */
export function citedClaims(annotations: Iterable<AnnotationRecord>): string[] {
  const cited = new Set<string>();
  for (const record of annotations) {
    if (record.kind === 'claim') cited.add(record.ref);
    if (record.claim) cited.add(record.claim);
  }
  return [...cited];
}

/**
 * `pending-past-due`: a claim still pending after its `due` day (as of the build day, see
 * `BUILD_DATE`), reported at its `due:` field so the editor rechecks it.
 */
export function pastDueClaims(registry: Registry): ContentProblem[] {
  return [...registry.claims.values()]
    .filter(({ data }) => data.pastDue && data.due)
    .map(({ id, file, data, source }) => ({
      file: displayPath(file),
      ...source.placeOf(['due']),
      field: 'due',
      severity: 'warning',
      ...pendingPastDue(id, data.due!),
    }));
}

/** Claims that no article cites (`cited` from {@link citedClaims}), as warnings. */
export function unusedClaims(registry: Registry, cited: ReadonlySet<string>): ContentProblem[] {
  return [...registry.claims.values()]
    .filter(({ id, file }) => !cited.has(id) && !silenced(file))
    .map(({ id, file }) => ({ file: displayPath(file), line: 1, column: 1, severity: 'warning', ...unusedClaim(id) }));
}
