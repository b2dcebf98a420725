import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkAnnotations from '../../src/annotations/remark-annotations';
import type { AnnotationRecord } from '../../src/annotations/kinds';
import { FIXTURES } from './paths';

export const PIPELINE_CONTENT = path.join(FIXTURES, 'pipeline/content');

/**
 * Runs an MDX body through the annotation pipeline the way the site does (remark-mdx,
 * remark-directive, remarkAnnotations, then to HTML) and returns the HTML and annotations.
 */
export async function annotate(mdx: string, options: { contentDir?: string; base?: string } = {}) {
  const file = new VFile({ path: path.join(process.cwd(), 'content/articles/test.mdx'), value: mdx });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkDirective)
    .use(remarkAnnotations, { contentDir: options.contentDir ?? PIPELINE_CONTENT, base: options.base ?? '/', fresh: true })
    .use(remarkRehype)
    .use(rehypeStringify);
  const html = String(await processor.process(file));
  const data = file.data as { astro?: { frontmatter?: { annotations?: AnnotationRecord[] } } };
  return { html, annotations: data.astro?.frontmatter?.annotations ?? [] };
}

/** The error the pipeline stops with, for asserting message, line and column. */
export async function annotationError(mdx: string, options: { contentDir?: string } = {}) {
  try {
    await annotate(mdx, options);
  } catch (error) {
    return error as Error & { line?: number; column?: number; reason?: string; ruleId?: string; fatal?: boolean };
  }
  throw new Error('expected the annotation pipeline to fail, but it succeeded');
}
