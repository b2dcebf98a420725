import fs from 'node:fs';
import path from 'node:path';
import {
  buildEnv,
  cacheFoldersOfProject,
  measureCommand,
  measureOutput,
  PROJECT_ROOT,
  type BuildMeasurement,
  type BuildOptions,
} from './build';

/**
 * The site a newsroom would otherwise pick: a plain Astro 5 blog of MDX articles with Pagefind
 * over its output. One layout, no JavaScript on its pages (the search page loads Pagefind's
 * own UI), the articles of a plain twin as `.mdx`, ten years of Astro tutorials' defaults.
 *
 * It is generated as its own small Astro project (under bench/out, so it resolves astro,
 * @astrojs/mdx and pagefind from this repository's node_modules) and built as its README
 * would say: `astro build && pagefind --site dist`.
 */

const PAGE_SIZE = 50;

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'plain-mdx-blog', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ site: 'http://localhost:4321', integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/articles' }),
  schema: z
    .object({
      title: z.string(),
      description: z.string().optional(),
      published: z.coerce.date(),
      credits: z.string().optional(),
      tags: z.array(z.string()).default([]),
    })
    .passthrough(),
});

export const collections = { articles };
`,
  'src/layouts/Base.astro': `---
interface Props {
  title: string;
  description?: string;
}
const { title, description } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title} · The Plain Wire</title>
    {description && <meta name="description" content={description} />}
    <slot name="head" />
  </head>
  <body>
    <header><a href="/">The Plain Wire</a> · <a href="/search/">Search</a></header>
    <main><slot /></main>
    <footer>© The Plain Wire</footer>
  </body>
</html>
<style is:global>
  body { font: 1.125rem/1.6 Georgia, serif; max-width: 40rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
  header, footer { font-family: system-ui, sans-serif; font-size: 1rem; margin: 1rem 0; }
  a { color: #0645ad; }
  time { color: #555; font-family: system-ui, sans-serif; font-size: 0.9rem; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } a { color: #8ab4f8; } time { color: #bbb; } }
</style>
`,
  'src/pages/[...page].astro': `---
import type { GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import Base from '../layouts/Base.astro';

export const getStaticPaths = (async ({ paginate }) => {
  const articles = (await getCollection('articles')).sort(
    (a, b) => b.data.published.getTime() - a.data.published.getTime(),
  );
  return paginate(articles, { pageSize: ${PAGE_SIZE} });
}) satisfies GetStaticPaths;

const { page } = Astro.props;
---
<Base title={page.currentPage === 1 ? 'Latest' : \`Page \${page.currentPage}\`}>
  <h1>Latest stories</h1>
  <ul>
    {page.data.map((article) => (
      <li>
        <a href={\`/articles/\${article.id}/\`}>{article.data.title}</a>
        <time datetime={article.data.published.toISOString()}>{article.data.published.toDateString()}</time>
        {article.data.description && <p>{article.data.description}</p>}
      </li>
    ))}
  </ul>
  <nav>
    {page.url.prev && <a href={page.url.prev}>Newer</a>}
    {page.url.next && <a href={page.url.next}>Older</a>}
  </nav>
</Base>
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Base from '../../layouts/Base.astro';

export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));
}

const { article } = Astro.props;
const { Content } = await render(article);
---
<Base title={article.data.title} description={article.data.description}>
  <article data-pagefind-body>
    <h1>{article.data.title}</h1>
    <time datetime={article.data.published.toISOString()}>{article.data.published.toDateString()}</time>
    <Content />
    {article.data.credits && <p><em>{article.data.credits}</em></p>}
  </article>
</Base>
`,
  'src/pages/search.astro': `---
import Base from '../layouts/Base.astro';
---
<Base title="Search">
  <link slot="head" rel="stylesheet" href="/pagefind/pagefind-ui.css" />
  <h1>Search</h1>
  <div id="search"></div>
  <script is:inline src="/pagefind/pagefind-ui.js"></script>
  <script is:inline src="/search.js"></script>
</Base>
`,
  'public/search.js': `window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search' }));\n`,
};

/** Writes the blog project into `projectDir` with the plain twin's articles (`.md`) as `.mdx`. */
export function writeMdxBlog(plainDir: string, projectDir: string): { articles: number } {
  fs.rmSync(projectDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(projectDir, file)), { recursive: true });
    fs.writeFileSync(path.join(projectDir, file), text);
  }
  const target = path.join(projectDir, 'src/articles');
  fs.mkdirSync(target, { recursive: true });
  const articles = fs.readdirSync(path.join(plainDir, 'articles')).filter((name) => name.endsWith('.md'));
  for (const name of articles) {
    fs.copyFileSync(path.join(plainDir, 'articles', name), path.join(target, `${name.slice(0, -3)}.mdx`));
  }
  return { articles: articles.length };
}

/** Builds the blog cold (output and every cache removed): `astro build`, then Pagefind's CLI over dist. */
export async function buildMdxBlog(
  projectDir: string,
  logFile: string,
  progress?: BuildOptions['progress'],
): Promise<BuildMeasurement> {
  const outDir = path.join(projectDir, 'dist');
  for (const dir of [outDir, ...cacheFoldersOfProject(projectDir)]) fs.rmSync(dir, { recursive: true, force: true });
  const bin = (relative: string) => JSON.stringify(path.join(PROJECT_ROOT, 'node_modules', relative));
  const node = JSON.stringify(process.execPath);
  const script = `${node} ${bin('astro/astro.js')} build && ${node} ${bin('pagefind/lib/runner/bin.cjs')} --site dist`;
  const env = buildEnv();
  delete env.CONTENT_DIR;
  delete env.OUT_DIR;
  const measured = await measureCommand({
    command: '/bin/sh',
    args: ['-c', script],
    cwd: projectDir,
    env,
    logFile,
    progress,
  });
  return {
    mode: 'cold',
    command: 'astro build && pagefind --site dist',
    ...measured,
    ...measureOutput(outDir),
    outDir,
  };
}
