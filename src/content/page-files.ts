import fs from 'node:fs';
import path from 'node:path';
import { FRONTMATTER } from './article-files';
import { controlCharacterProblems } from './control-characters';
import { displayPath, type ContentProblem } from './problems';
import { listEntryFiles } from './registry';
import { pageSchema, type PageData } from './schemas';
import { parseYamlSource } from './yaml-source';
import { describeZodIssues } from './zod-problems';

/** A page of `content/pages/`, read and its frontmatter checked. */
interface PageFile {
  slug: string;
  file: string;
  /** The whole file, frontmatter included (the pipeline blanks it, so places stay right). */
  source: string;
  data?: PageData;
}

/**
 * The pages a fact-checker publishes about itself (the IFCN code of principles asks for each):
 * slug, the words of `npm run check`'s warning when it is missing, and its rule id.
 */
export const TRANSPARENCY_PAGES = [
  { slug: 'methodology', what: 'how claims are chosen and checked, and what each status means' },
  { slug: 'corrections-policy', what: 'how mistakes are corrected and how readers report one' },
  { slug: 'funding-and-ownership', what: 'who owns and who pays for the site' },
  { slug: 'contact', what: 'how to reach the newsroom' },
] as const;

function frontmatterProblems(shown: string, yamlText: string, page: PageFile, problems: ContentProblem[]): void {
  const yaml = parseYamlSource(yamlText, 1);
  for (const error of yaml.errors) {
    problems.push({ file: shown, line: error.line, column: error.column, message: `invalid frontmatter YAML: ${error.message}`, hint: 'quote values that contain `: ` or start with a special character', rule: 'invalid-yaml' });
  }
  if (yaml.errors.length) return;
  const parsed = pageSchema.safeParse(yaml.data ?? {});
  if (parsed.success) {
    page.data = parsed.data;
    return;
  }
  for (const issue of describeZodIssues(parsed.error, Object.keys(pageSchema.shape))) {
    problems.push({ file: shown, ...yaml.placeOf(issue.path), field: issue.path.join('.'), message: issue.message, hint: issue.hint, rule: issue.rule });
  }
}

/** Reads `content/pages/*.mdx` (and `.md`): each file's frontmatter checked, with its line. */
export function readPageFiles(contentDir: string): { pages: PageFile[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const pages: PageFile[] = [];
  for (const { id: slug, file } of listEntryFiles(path.join(contentDir, 'pages'), ['.mdx', '.md'], problems)) {
    const shown = displayPath(file);
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    problems.push(...controlCharacterProblems(source, shown));
    const match = FRONTMATTER.exec(source);
    const page: PageFile = { slug, file, source };
    if (!match) {
      problems.push({ file: shown, line: 1, column: 1, message: 'Missing frontmatter, expected the file to start with `---`', hint: 'begin the page with a `---` block holding title and description', rule: 'missing-frontmatter' });
    } else frontmatterProblems(shown, match[1]!, page, problems);
    if (pages.some((other) => other.slug === slug)) {
      problems.push({ file: shown, line: 1, column: 1, message: `duplicate slug \`${slug}\`: another page has the same name`, hint: 'two files would publish the same page; rename or delete one (.md and .mdx count as the same slug)', rule: 'duplicate-slug' });
      continue;
    }
    pages.push(page);
  }
  return { pages, problems };
}

/** `missing-<slug>-page` warnings for each transparency page the site lacks. */
export function missingPageWarnings(contentDir: string, slugs: ReadonlySet<string>): ContentProblem[] {
  const folder = displayPath(path.join(contentDir, 'pages'));
  return TRANSPARENCY_PAGES.filter(({ slug }) => !slugs.has(slug)).map(({ slug, what }) => ({
    file: `${folder}/${slug}.mdx`,
    message: `Missing page \`${slug}\`: readers and fact-check networks look for ${what}`,
    hint: `write ${folder}/${slug}.mdx with a title, a description and a few plain paragraphs`,
    rule: `missing-${slug}-page`,
    severity: 'warning' as const,
  }));
}
