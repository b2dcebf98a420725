import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleData } from './schemas';
import { controlCharacterProblems, escapedControlCharacterProblems } from './control-characters';
import { displayPath, type ContentProblem } from './problems';
import { listEntryFiles } from './registry';
import { parseYamlSource } from './yaml-source';
import { describeZodIssues } from './zod-problems';

const ARTICLE_EXTENSIONS = ['.mdx', '.md'];

export interface ArticleFile {
  slug: string;
  file: string;
  /** The whole file, frontmatter included. */
  source: string;
  data?: ArticleData;
  /** Line (1-based) where the body starts. */
  bodyLine: number;
}

/** The frontmatter block at the start of an article file; group 1 is its YAML. */
export const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads every article and checks what Astro would otherwise report without a line:
 * the file name, the frontmatter (with the line of each bad field) and an empty body.
 */
export function readArticleFiles(contentDir: string): { articles: ArticleFile[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const articles: ArticleFile[] = [];
  const knownFields = Object.keys(articleSchema.innerType().shape);
  const slugs = new Map<string, string>();
  for (const { id: slug, file } of listEntryFiles(path.join(contentDir, 'articles'), ARTICLE_EXTENSIONS, problems)) {
    const shown = displayPath(file);
    if (slugs.has(slug)) {
      problems.push({ file: shown, line: 1, column: 1, message: `duplicate slug \`${slug}\`: ${slugs.get(slug)} has the same name`, hint: 'two files would publish the same page; rename or delete one (.md and .mdx count as the same slug)', rule: 'duplicate-slug' });
      continue;
    }
    slugs.set(slug, shown);
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const controlCharacters = controlCharacterProblems(source, shown);
    problems.push(...controlCharacters);
    const match = FRONTMATTER.exec(source);
    if (!match) {
      problems.push({ file: shown, line: 1, column: 1, message: 'Missing frontmatter, expected the file to start with `---`', hint: 'begin the article with a `---` block holding title, description and published', rule: 'missing-frontmatter' });
      continue;
    }
    const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
    const body = source.slice(match[0].length);
    const article: ArticleFile = { slug, file, source, bodyLine };
    const yaml = parseYamlSource(match[1]!, 1);
    if (!controlCharacters.length) problems.push(...escapedControlCharacterProblems(yaml, shown));
    if (yaml.errors.length) {
      for (const error of yaml.errors) {
        problems.push({ file: shown, line: error.line, column: error.column, message: `invalid frontmatter YAML: ${error.message}`, hint: 'quote values that contain `: ` or start with a special character', rule: 'invalid-yaml' });
      }
    } else {
      const parsed = articleSchema.safeParse(yaml.data ?? {});
      if (parsed.success) article.data = parsed.data;
      else {
        for (const issue of describeZodIssues(parsed.error, knownFields)) {
          problems.push({ file: shown, ...yaml.placeOf(issue.path), field: issue.path.join('.'), message: issue.message, hint: issue.hint, rule: issue.rule });
        }
      }
    }
    if (!body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').trim()) {
      problems.push({ file: shown, line: bodyLine, column: 1, message: 'Empty article body, expected the article text after the frontmatter', hint: 'write the text below the closing `---`, or delete the file', rule: 'empty-body' });
    }
    articles.push(article);
  }
  return { articles, problems };
}
