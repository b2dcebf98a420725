import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { onContentStatus, type ContentFailure } from '../collections/content-status';
import { formatProblem, type ContentProblem } from '../content/problems';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** The lines around the problem, the problem's own line marked, as the overlay's code view. */
function codeAround({ file, line }: ContentProblem): string | undefined {
  if (!line) return undefined;
  let source: string;
  try {
    source = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    return undefined;
  }
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - 3);
  const shown = lines.slice(first - 1, Math.min(lines.length, line + 3));
  const html = shown.map((text, i) => {
    const classes = first + i === line ? 'line error-line' : 'line';
    return `<span class="${classes}">${escapeHtml(text)}</span>`;
  });
  // The overlay numbers the lines from 1: start its counter at the first line shown.
  return `<pre class="shiki"><code style="counter-reset: step ${first - 1}">${html.join('\n')}</code></pre>`;
}

/**
 * The payload of Astro's error overlay (the one Astro puts in place of Vite's): every
 * problem as `file:line:column: message [rule]` and its hint, the first one's place and
 * the lines around it. Content text is escaped, since the overlay shows it as HTML.
 */
function overlayError({ message, problems }: ContentFailure): Record<string, unknown> {
  const first = problems.find((problem) => problem.line) ?? problems[0];
  const list = problems.length ? problems.map(formatProblem).join('\n') : message;
  const file = first && path.resolve(first.file);
  return {
    name: 'ContentError',
    title: problems.length === 1 ? 'A content problem' : `${problems.length || 'Some'} content problems`,
    message: escapeHtml(list),
    hint: first?.hint ? escapeHtml(`${first.hint}${first.rule ? ` [${first.rule}]` : ''}`) : undefined,
    loc: first && { file, line: first.line ?? 1, column: first.column ?? 1 },
    id: file,
    highlightedCode: first && codeAround(first),
    plugin: 'content',
    stack: list,
  };
}

/**
 * What every page request gets while the content has a problem: the problems as text,
 * and Astro's overlay over them. The page keeps the dev server's live connection, so it
 * reloads by itself once the file is fixed.
 */
function errorPage(failure: ContentFailure, base: string): string {
  const client = JSON.stringify(path.posix.join(base, '@vite/client'));
  const payload = JSON.stringify(overlayError(failure)).replace(/</g, '\\u003c');
  const text = failure.problems.length ? failure.problems.map(formatProblem).join('\n') : failure.message;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Content problem</title>
<script type="module">
const { ErrorOverlay } = await import(${client});
document.body.appendChild(new ErrorOverlay(${payload}));
</script></head>
<body><main><h1>The content has a problem</h1><pre>${escapeHtml(text).replace(/<br>/g, '\n')}</pre>
<p>Fix the file and save it: this page reloads by itself.</p></main></body></html>`;
}

/** A page navigation (not a module, asset or HMR request). */
const isPageRequest = (method: string | undefined, accept: string | undefined) =>
  method === 'GET' && Boolean(accept?.includes('text/html'));

function contentErrorsPlugin(): Plugin {
  let failure: ContentFailure | undefined;
  return {
    name: 'content-errors-in-browser',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const stop = onContentStatus((next) => {
        const changed = (next?.message ?? '') !== (failure?.message ?? '');
        failure = next;
        // Open pages reload: onto the error page, or back to the page once the check passes.
        if (changed) server.hot.send({ type: 'full-reload', path: '*' });
      });
      server.httpServer?.once('close', stop);
      server.middlewares.use((req, res, next) => {
        if (!failure || !isPageRequest(req.method, req.headers.accept)) return next();
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(errorPage(failure, server.config.base));
      });
    },
  };
}

/**
 * In `npm run dev`, a content problem found after a file changed is shown in the browser
 * (every page shows it, with the place, message, rule and hint) instead of only in the
 * terminal, and the page comes back by itself when the file is fixed. Builds are untouched.
 */
export default function devErrors(): AstroIntegration {
  return {
    name: 'content-errors-in-browser',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'dev') updateConfig({ vite: { plugins: [contentErrorsPlugin()] } });
      },
    },
  };
}
