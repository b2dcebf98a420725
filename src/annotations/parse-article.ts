import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { displayPath, type ContentProblem } from '../content/problems';
import { mdxSyntax } from './messages';

const FRONTMATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/;

/**
 * The article as @astrojs/mdx hands it to remark: the frontmatter blanked out with spaces
 * (Astro's `empty-with-spaces`), so every line, column and offset stays where the author wrote it.
 */
export function blankFrontmatter(source: string): string {
  return source.replace(FRONTMATTER, (block) => block.replace(/[^\r\n]/g, ' '));
}

/** The syntax Astro parses articles with: MDX (or Markdown for `.md`), GFM, directives. */
function parser(file: string) {
  const processor = unified().use(remarkParse);
  if (path.extname(file) === '.mdx') processor.use(remarkMdx);
  return processor.use(remarkGfm).use(remarkDirective);
}

type ParsedBody =
  { tree: Root; file: VFile; problem?: undefined } | { tree?: undefined; file: VFile; problem: ContentProblem };

/**
 * Parses one article body into the tree the annotation pipeline sees at build time.
 * A syntax error (unclosed JSX, a stray `{` or `<`) comes back as a problem with its place.
 */
export function parseArticleBody(file: string, source: string): ParsedBody {
  const vfile = new VFile({ path: file, value: blankFrontmatter(source) });
  try {
    return { tree: parser(file).parse(vfile), file: vfile };
  } catch (error) {
    return { file: vfile, problem: syntaxProblem(error as SyntaxErrorLike, displayPath(file)) };
  }
}

interface SyntaxErrorLike {
  message: string;
  reason?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  place?: { line: number; column: number } | { start: { line: number; column: number } };
}

/** micromark's MDX errors, with what an author usually meant. */
function syntaxHint(error: SyntaxErrorLike): string {
  const reason = error.reason ?? error.message;
  if (/expression|brace|acorn/i.test(reason) || error.source === 'micromark-extension-mdx-expression') {
    return 'in MDX `{` starts code: write a literal brace as `\\{`, and close annotation attributes with `}` on the same line (`:quote[words]{by=person-id}`)';
  }
  if (
    /before name|character .* in name|after name|closing tag|opening tag|end of file|self-closing|tag/i.test(reason)
  ) {
    return 'in MDX `<` starts a tag: write a literal `<` as `\\<` (or `&lt;`), and close every tag you open (`<abbr>…</abbr>`)';
  }
  if (/import|export/i.test(reason)) return 'articles may not hold `import` or `export` statements; remove the line';
  return 'fix the MDX syntax at this place; escape `{`, `}`, `<` and `:` with a backslash to write them literally';
}

/** A parser's error as a content problem (`mdx-syntax`) at the place it names. */
function syntaxProblem(error: SyntaxErrorLike, file: string): ContentProblem {
  const place = error.place && 'start' in error.place ? error.place.start : error.place;
  const line = error.line ?? place?.line;
  const column = error.column ?? place?.column;
  const { rule, message, hint } = mdxSyntax((error.reason ?? error.message).split('\n')[0]!, syntaxHint(error));
  return { file, ...(line ? { line, column: column ?? 1 } : {}), message, hint, rule };
}
