import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/lib/csp';
import { headersFile, nginxEmbedLocation, nginxHeaders, SECURITY_HEADERS } from '../../src/lib/security-headers';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, select, selectAll } from '../helpers/html';
import { PROJECT_ROOT } from '../helpers/paths';
import { TEST_SITES } from '../setup/build-sites';
import { listFiles } from '../helpers/site-files';
import { inlineCode } from '../helpers/inline-code';
import { fromHtml } from 'hast-util-from-html';

/** `{ 'script-src': ["'self'", …], … }` */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('the Content-Security-Policy', () => {
  const meta = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the site itself', () => {
    expect(meta['script-src']).toBeDefined();
    expect(meta['script-src']).not.toContain("'unsafe-inline'");
    expect(meta['script-src']).not.toContain("'unsafe-eval'");
    expect(meta['script-src']!.filter((source) => /^(\*|https?:|data:|blob:)$/.test(source))).toEqual([]);
    expect(meta['default-src']).toEqual(["'self'"]);
  });

  it('allows no inline styles, plugins, base-URL changes or foreign form targets', () => {
    expect(meta['style-src']).not.toContain("'unsafe-inline'");
    expect(meta['object-src']).toEqual(["'none'"]);
    expect(meta['base-uri']).toEqual(["'self'"]);
    expect(meta['form-action']).toEqual(["'self'"]);
  });

  it('as a header also forbids framing, which a meta tag cannot', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(directives(CONTENT_SECURITY_POLICY_HEADER)['frame-ancestors']).toEqual(["'none'"]);
    expect(meta['frame-ancestors']).toBeUndefined();
  });
});

describe.each(TEST_SITES.map((site) => site.name))('every page of the "%s" site', (site) => {
  const dist = siteDir(site);
  const pages = listPages(dist).map((page) => [page, readPage(dist, page)] as const);

  it('carries the policy as the first thing in its head, before anything it governs', () => {
    const wrong: string[] = [];
    for (const [page, tree] of pages) {
      const head = select('head', tree)!;
      const children = head.children.filter((node): node is Element => node.type === 'element');
      const index = children.findIndex((el) => attr(el, 'httpEquiv')?.toLowerCase() === 'content-security-policy');
      if (index < 0) wrong.push(`${page}: no CSP meta tag`);
      else if (attr(children[index]!, 'content') !== CONTENT_SECURITY_POLICY) wrong.push(`${page}: a different policy`);
      else if (children.slice(0, index).some((el) => !(el.tagName === 'meta' && attr(el, 'charSet'))))
        wrong.push(`${page}: something comes before the CSP meta tag`);
      if (selectAll('meta[http-equiv="content-security-policy" i]', tree).length > 1)
        wrong.push(`${page}: two CSP meta tags`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no inline script, style, event handler or script URL', () => {
    expect(pages.length).toBeGreaterThan(5);
    const found = pages.flatMap(([page, tree]) => inlineCode(tree).map((problem) => `${page}: ${problem}`));
    expect(found).toEqual([]);
  });

  it('opens external links without giving the other site a handle on ours', () => {
    const missing: string[] = [];
    for (const [page, tree] of pages) {
      for (const a of selectAll('a[href], area[href]', tree)) {
        const href = attr(a, 'href')!;
        if (!/^(https?:)?\/\//i.test(href)) continue;
        const rel = (attr(a, 'rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer'))
          missing.push(`${page}: ${href} (rel="${rel.join(' ')}")`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('ships no build internals (Astro content modules, schemas, data store)', () => {
    const internal = listFiles(dist).filter((file) =>
      /^(content-[a-z]+\.mjs|data-store\.json|settings\.json|collections\/|chunks\/|pages\/.*\.mjs)/.test(file),
    );
    expect(internal).toEqual([]);
  });

  it('ships _headers with the same policy for hosts that take headers', () => {
    const base = TEST_SITES.find((s) => s.name === site)!.basePath ?? '/';
    const file = fs.readFileSync(path.join(dist, '_headers'), 'utf8');
    expect(file).toBe(headersFile(base));
    expect(file).toContain(`${base}*\n`);
    expect(file).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}\n`);
  });
});

describe('the inline-code check', () => {
  it('finds each kind of inline code it looks for', () => {
    const hostile = fromHtml(
      '<script>alert(1)</script><style>p{}</style><p style="color:red" onclick="x()">a</p>' +
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">b</a><a href=" JavaScript:x">c</a>' +
        '<form action="javascript:x"></form><iframe src="data:text/html,x"></iframe><base href="/"><object data="x"></object>' +
        '<script type="application/ld+json">{}</script><script src="/a.js"></script>',
    );
    expect(inlineCode(hostile)).toEqual([
      'inline <script>',
      '<style> element',
      '<p style="…"> attribute',
      '<p onClick> event handler',
      '<img onError> event handler',
      '<a href="javascript:alert(1)">',
      '<a href=" JavaScript:x">',
      '<form action="javascript:x">',
      '<iframe src="data:text/html,x">',
      '<base> element',
      '<object> element',
    ]);
  });
});

describe('external links in the test sites', () => {
  it('exist, so the rel check above has something to check', () => {
    const external = TEST_SITES.flatMap(({ name }) =>
      listPages(siteDir(name)).flatMap((page) => selectAll('a[href^="http"]', readPage(siteDir(name), page))),
    );
    expect(external.length).toBeGreaterThan(0);
  });
});

describe('the security headers', () => {
  it('are the ones a careful publisher sends', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': expect.stringMatching(
        /^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/,
      ),
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
  });

  it('are documented for nginx in README exactly as generated', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(nginxHeaders());
    expect(readme).toContain(nginxEmbedLocation('/'));
  });
});
