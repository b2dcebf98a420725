/**
 * `npm run check`: validates the content folder (CONTENT_DIR, default `content/`) without
 * building the site and prints every problem as `file:line:column: message` with a hint,
 * then every warning (`file:line:column: warning: message`: something an editor may have
 * missed). Exit code 1 when anything is wrong, 0 otherwise; with `--strict` (for CI),
 * warnings fail too.
 */
import process from 'node:process';
import { checkContent } from '../src/annotations/check-content';
import { formatProblem } from '../src/content/problems';
import { siteConfig } from '../src/site-config';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const strict = process.argv.slice(2).includes('--strict');

try {
  const { contentDir, base } = siteConfig(process.env, process.cwd());
  const started = performance.now();
  const { problems, warnings, counts } = checkContent(contentDir, { base });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const checked = `${plural(counts.articles, 'article', 'articles')}, ${plural(counts.people, 'person', 'people')}, ${plural(counts.claims, 'claim', 'claims')}, ${plural(counts.annotations, 'annotation', 'annotations')}`;
  const found = [...problems, ...warnings];
  if (found.length) process.stderr.write(`${found.map(formatProblem).join('\n\n')}\n\n`);
  const warned = warnings.length ? plural(warnings.length, 'warning', 'warnings') : '';
  if (problems.length) {
    const counted = [plural(problems.length, 'content problem', 'content problems'), warned].filter(Boolean);
    process.stderr.write(`✗ ${counted.join(', ')} (checked ${checked} in ${seconds} s)\n`);
    process.exitCode = 1;
  } else if (warnings.length) {
    const failed = strict ? ', which fail with --strict' : '';
    process.stderr.write(`${strict ? '✗' : '⚠'} Content is valid with ${warned}${failed}: ${checked} (${seconds} s)\n`);
    if (strict) process.exitCode = 1;
  } else {
    process.stdout.write(`✓ Content is valid: ${checked} (${seconds} s)\n`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
