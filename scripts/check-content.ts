/**
 * `npm run check`: validates the content folder (CONTENT_DIR, default `content/`) without
 * building the site and prints every problem as `file:line:column: message` with a hint.
 * Exit code 1 when anything is wrong, 0 otherwise.
 */
import process from 'node:process';
import { checkContent } from '../src/annotations/check-content';
import { formatProblem } from '../src/content/problems';
import { siteConfig } from '../src/site-config';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

try {
  const { contentDir, base } = siteConfig(process.env, process.cwd());
  const started = performance.now();
  const { problems, counts } = checkContent(contentDir, { base });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const checked = `${plural(counts.articles, 'article', 'articles')}, ${plural(counts.people, 'person', 'people')}, ${plural(counts.claims, 'claim', 'claims')}, ${plural(counts.annotations, 'annotation', 'annotations')}`;
  if (problems.length) {
    process.stderr.write(`${problems.map(formatProblem).join('\n\n')}\n\n`);
    process.stderr.write(
      `✗ ${plural(problems.length, 'content problem', 'content problems')} (checked ${checked} in ${seconds} s)\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`✓ Content is valid: ${checked} (${seconds} s)\n`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
