import fs from 'node:fs';
import path from 'node:path';
import { readArticleFiles, type ArticleFile } from '../content/article-files';
import { displayPath, type ContentProblem } from '../content/problems';
import { readRegistry, type Registry } from '../content/registry';
import type { ArticleImageRecord } from './article-images';
import type { ArticleHtml } from './article-html';
import type { AnnotationRecord } from './kinds';
import { leadImageProblems } from './lead-image';
import { noArticlesFolder } from './messages';
import { renderArticle } from './render-article';

export interface ContentCheck {
  /** Every problem found, sorted by file and place. */
  problems: ContentProblem[];
  /** What was checked, for the summary line. */
  counts: { articles: number; people: number; claims: number; annotations: number };
  /** The people and claims read (complete only when there is no problem). */
  registry: Registry;
}

export interface RenderedArticleFile extends ArticleFile, ArticleHtml {
  data: NonNullable<ArticleFile['data']>;
  annotations: AnnotationRecord[];
  /** Photographs of the text, in reading order. */
  images: ArticleImageRecord[];
}

export interface CheckOptions {
  /** Site base path, for the links in cards. */
  base?: string;
  /**
   * Renders each article that has no problem to HTML and hands it over at once, so a build
   * never holds every rendered article in memory; `npm run check` does not render.
   */
  onRendered?: (article: RenderedArticleFile) => void;
}

/**
 * Validates a content folder the way the build does, without building: people and claims
 * (`readRegistry`), article frontmatter (`readArticleFiles`) and each article body, parsed
 * as MDX (or Markdown for `.md`) and run through the annotation pipeline (`renderArticle`).
 * Nothing stops at the first problem: every file is read and every problem is returned.
 */
export function checkContent(contentDir: string, { base = '/', onRendered }: CheckOptions = {}): ContentCheck {
  const problems: ContentProblem[] = [];
  const counts = { articles: 0, people: 0, claims: 0, annotations: 0 };
  if (!fs.existsSync(path.join(contentDir, 'articles'))) {
    problems.push({ file: displayPath(contentDir), ...noArticlesFolder() });
  }
  const { registry, problems: registryProblems } = readRegistry(contentDir);
  problems.push(...registryProblems);
  counts.people = registry.people.size + (registry.unusable?.people.size ?? 0);
  counts.claims = registry.claims.size + (registry.unusable?.claims.size ?? 0);

  const { articles, problems: articleProblems } = readArticleFiles(contentDir);
  problems.push(...articleProblems);
  for (const article of articles) {
    counts.articles++;
    // Render in the same pass as the check, so each article is parsed once per build.
    const render = Boolean(onRendered && article.data);
    const {
      html,
      text,
      annotations,
      images,
      problems: rendered,
    } = renderArticle({ source: article.source, file: article.file, registry, base, render });
    const bodyProblems = [...rendered, ...leadImageProblems(article)];
    counts.annotations += annotations.length;
    problems.push(...bodyProblems);
    if (onRendered && article.data && !bodyProblems.length) {
      onRendered({ ...article, data: article.data, annotations, images, html, text });
    }
  }
  return { problems: sortProblems(dedupe(problems)), counts, registry };
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.field, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
