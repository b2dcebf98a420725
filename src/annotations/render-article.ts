import type { ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import { annotateTree, reporter } from './annotate-tree';
import { collectArticleImages, type ArticleImageRecord } from './article-images';
import { articleHtml, type ArticleBodyParts } from './article-html';
import type { AnnotationRecord } from './kinds';
import { missedAnnotations } from './missed-warnings';
import { parseArticleBody } from './parse-article';
import type { ArticleText } from './rehype-article-text';

interface RenderArticleInput {
  /** The whole article file, frontmatter included (it is blanked, so places stay right). */
  source: string;
  /** Path of the article file: `.mdx` parses as MDX, `.md` as Markdown; messages name it. */
  file: string;
  /** People and claims the annotations refer to. */
  registry: Registry;
  /** Site base path, for the links in cards. */
  base?: string;
  /** Public origin (`SITE_URL`), for the addresses printed after claim-card links. */
  site?: string;
  /** False to check without rendering HTML (`npm run check`). */
  render?: boolean;
}

/** An article's body, rendered, or the problems that keep it from being published. */
interface RenderArticleResult {
  /** Empty when there are problems or rendering was not asked for. */
  html: string;
  /** The same HTML by part (text, cards, endnotes), for the article page. */
  parts: ArticleBodyParts;
  text: ArticleText;
  annotations: AnnotationRecord[];
  /** Photographs of the text (`::image`), in reading order; the HTML holds a placeholder for each. */
  images: ArticleImageRecord[];
  problems: ContentProblem[];
  /** What the editor may have missed (`severity: 'warning'`); never keeps the article back. */
  warnings: ContentProblem[];
}

const NO_TEXT: ArticleText = { text: '', spans: {} };
const NO_PARTS: ArticleBodyParts = { text: '', cards: '', endnotes: '' };

/**
 * The one way to turn an article into HTML: parse (MDX or Markdown, with directives) →
 * annotate (safety, directives, registry, ids, markup) → HTML with the article's text.
 * `renderArticle({ source: ':person{#scott-bessent} said…', file, registry })` →
 * `{ html: '<div class="article__text"><p><span class="annotation …', annotations: [{ id:
 * 'person-scott-bessent', … }], problems: [] }`. Problems come back with rule ids; the HTML is
 * only rendered when there is none. Warnings (people, quotes and figures left unannotated)
 * are read from the annotated tree and never keep the HTML back.
 */
export function renderArticle({
  source,
  file,
  registry,
  base = '/',
  site,
  render = true,
}: RenderArticleInput): RenderArticleResult {
  const parsed = parseArticleBody(file, source);
  if (parsed.problem) {
    return {
      html: '',
      parts: NO_PARTS,
      text: NO_TEXT,
      annotations: [],
      images: [],
      problems: [parsed.problem],
      warnings: [],
    };
  }
  const imageProblems: ContentProblem[] = [];
  const images = collectArticleImages(parsed.tree, file, reporter(parsed.file, imageProblems));
  const annotated = annotateTree(parsed.tree, parsed.file, registry, base, site);
  const { annotations } = annotated;
  const problems = [...imageProblems, ...annotated.problems];
  const warnings = missedAnnotations(parsed.tree, parsed.file, annotations, registry);
  if (problems.length || !render)
    return { html: '', parts: NO_PARTS, text: NO_TEXT, annotations, images, problems, warnings };
  return { ...articleHtml(parsed.tree, parsed.file), annotations, images, problems, warnings };
}
