import path from 'node:path';
import { renderArticle } from '../../src/annotations/render-article';
import type { ContentProblem } from '../../src/content/problems';
import { loadRegistry } from '../../src/content/registry';
import { FIXTURES } from './paths';

export const PIPELINE_CONTENT = path.join(FIXTURES, 'pipeline/content');

/**
 * Runs an article body through the site's annotation pipeline (parse as MDX, annotate,
 * render) against a content folder's people and claims. Returns the problems, or the HTML
 * and annotations when there are none.
 */
function runPipeline(mdx: string, options: { contentDir?: string; base?: string }) {
  const registry = loadRegistry(options.contentDir ?? PIPELINE_CONTENT, { fresh: true });
  const file = path.join(process.cwd(), 'content/articles/test.mdx');
  const { problems, annotations, html, text } = renderArticle({
    source: mdx,
    file,
    registry,
    base: options.base ?? '/',
  });
  if (problems.length) return { problems };
  return { problems, annotations, html, text };
}

/** The HTML and annotations of an article body that has no problem. */
export async function annotate(mdx: string, options: { contentDir?: string; base?: string } = {}) {
  const { problems, html, annotations, text } = runPipeline(mdx, options);
  if (problems.length || html === undefined) {
    throw new Error(`expected the annotation pipeline to succeed, but it found:\n${JSON.stringify(problems, null, 2)}`);
  }
  return { html, annotations: annotations ?? [], text: text ?? { text: '', spans: {} } };
}

/** Every problem the pipeline finds in an article body, for asserting message and place. */
export async function annotationProblems(
  mdx: string,
  options: { contentDir?: string } = {},
): Promise<[ContentProblem, ...ContentProblem[]]> {
  const { problems } = runPipeline(mdx, options);
  if (!problems.length) throw new Error('expected the annotation pipeline to find a problem, but it found none');
  return problems as [ContentProblem, ...ContentProblem[]];
}
