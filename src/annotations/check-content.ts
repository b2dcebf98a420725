import fs from 'node:fs';
import path from 'node:path';
import { readArticleFiles, type ArticleFile } from '../content/article-files';
import { articleReferenceProblems } from '../content/article-references';
import { contentMessage, displayPath, type ContentMessage, type ContentProblem } from '../content/problems';
import { readRegistry, type Registry } from '../content/registry';
import type { ArticleImageRecord } from './article-images';
import type { ArticleHtml } from './article-html';
import type { AnnotationRecord } from './kinds';
import { checkPages, type RenderedPage } from './check-pages';
import { leadImageProblems, portraitProblems } from './lead-image';
import { noArticlesFolder } from './messages';
import { citedClaims, pastDueClaims, unusedClaims } from './missed-claims';
import { renderArticle } from './render-article';

export interface ContentCheck {
  /** Every problem found, sorted by file and place. */
  problems: ContentMessage[];
  /**
   * What an editor may have missed (`severity: 'warning'`), sorted by file and place:
   * never a reason to stop the build; `npm run check -- --strict` fails on them.
   */
  warnings: ContentMessage[];
  /** What was checked, for the summary line. */
  counts: { articles: number; people: number; claims: number; annotations: number; pages: number };
  /** The people and claims read (complete only when there is no problem). */
  registry: Registry;
  /** The newsroom's pages (`content/pages/`), rendered when the check renders articles. */
  pages: RenderedPage[];
}

/** An article whose frontmatter passed the check. */
export type CheckedArticleFile = ArticleFile & { data: NonNullable<ArticleFile['data']> };

interface RenderedArticleFile extends CheckedArticleFile, ArticleHtml {
  annotations: AnnotationRecord[];
  /** Photographs of the text, in reading order. */
  images: ArticleImageRecord[];
  /** What the editor may have missed, before the article's `check.ignore`. */
  warnings: ContentProblem[];
}

/** What the check needs of an article rendered by an earlier build. */
interface ReusedArticle {
  /** The warnings it had, before the article's `check.ignore`. */
  warnings: ContentProblem[];
  /** Claims it cites. */
  cites: string[];
  /** How many annotations it has. */
  annotations: number;
}

export interface CheckOptions {
  /** Site base path, for the links in cards. */
  base?: string;
  /** Public origin (`SITE_URL`), for the addresses printed after claim-card links. */
  site?: string;
  /**
   * Renders each article that has no problem to HTML and hands it over at once, so a build
   * never holds every rendered article in memory; `npm run check` does not render.
   */
  onRendered?: (article: RenderedArticleFile, registry: Registry) => void;
  /**
   * An earlier build's result for an article without a problem of its own, when nothing its
   * output depends on has changed: the article is then published as it was, not rendered.
   */
  reuse?: (article: CheckedArticleFile, registry: Registry) => ReusedArticle | undefined;
}

/**
 * Validates a content folder the way the build does, without building: people and claims
 * (`readRegistry`), article frontmatter (`readArticleFiles`) and each article body, parsed
 * as MDX (or Markdown for `.md`) and run through the annotation pipeline (`renderArticle`).
 * Nothing stops at the first problem: every file is read and every problem is returned.
 * Warnings come from each annotated article (less what its `check.ignore` lists) and, when
 * there is no problem, from the claims no article cites.
 */
export function checkContent(contentDir: string, options: CheckOptions = {}): ContentCheck {
  const problems: ContentProblem[] = [];
  const counts = { articles: 0, people: 0, claims: 0, annotations: 0, pages: 0 };
  if (!fs.existsSync(path.join(contentDir, 'articles'))) {
    problems.push({ file: displayPath(contentDir), ...noArticlesFolder() });
  }
  const { registry, problems: registryProblems } = readRegistry(contentDir);
  problems.push(...registryProblems, ...portraitProblems(registry));
  counts.people = registry.people.size + (registry.unusable?.people.size ?? 0);
  counts.claims = registry.claims.size + (registry.unusable?.claims.size ?? 0);

  const { articles, problems: articleProblems } = readArticleFiles(contentDir);
  const references = articleReferenceProblems(articles, registry);
  const warnings = references.filter((problem) => problem.severity === 'warning');
  problems.push(...articleProblems, ...references.filter((problem) => problem.severity !== 'warning'));
  const cited = new Set<string>();
  for (const article of articles) {
    counts.articles++;
    const checked = reusedArticle(article, registry, options) ?? checkArticle(article, registry, options);
    counts.annotations += checked.annotations;
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    for (const id of checked.cites) cited.add(id);
  }
  const pageCheck = checkPages(contentDir, registry, { ...options, render: Boolean(options.onRendered) });
  counts.pages = pageCheck.count;
  problems.push(...pageCheck.problems);
  warnings.push(...pageCheck.warnings);
  // Citations are only complete when every article was read without a problem.
  if (!problems.length) warnings.push(...unusedClaims(registry, cited));
  warnings.push(...pastDueClaims(registry));
  const messages = (found: ContentProblem[]) => found.map(contentMessage);
  return {
    problems: messages(sortProblems(dedupe(problems))),
    warnings: messages(sortProblems(warnings)),
    counts,
    registry,
    pages: pageCheck.pages,
  };
}

/** What the check of one article adds to the whole. */
interface ArticleCheck {
  annotations: number;
  cites: string[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Warnings less those the article's `check.ignore` silences. */
function unignored(article: ArticleFile, warnings: ContentProblem[]): ContentProblem[] {
  const ignored = new Set<string>(article.data?.check?.ignore ?? []);
  return warnings.filter((warning) => !ignored.has(warning.rule ?? ''));
}

/** An article an earlier build rendered, when `reuse` has it; its lead photograph is checked again. */
function reusedArticle(article: ArticleFile, registry: Registry, { reuse }: CheckOptions): ArticleCheck | undefined {
  if (!reuse || !article.data || leadImageProblems(article).length) return undefined;
  const reused = reuse({ ...article, data: article.data }, registry);
  if (!reused) return undefined;
  const { annotations, cites, warnings } = reused;
  return { annotations, cites, problems: [], warnings: unignored(article, warnings) };
}

/** One article's body through the pipeline, rendered when asked; warnings less its `check.ignore`. */
function checkArticle(
  article: ArticleFile,
  registry: Registry,
  { base, site, onRendered }: CheckOptions,
): ArticleCheck {
  // Render in the same pass as the check, so each article is parsed once per build.
  const render = Boolean(onRendered && article.data);
  const rendered = renderArticle({ source: article.source, file: article.file, registry, base, site, render });
  const { html, parts, text, annotations, images, warnings } = rendered;
  const problems = [...rendered.problems, ...leadImageProblems(article)];
  if (onRendered && article.data && !problems.length) {
    onRendered({ ...article, data: article.data, annotations, images, html, parts, text, warnings }, registry);
  }
  const cites = citedClaims(annotations);
  return { annotations: annotations.length, cites, problems, warnings: unignored(article, warnings) };
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
