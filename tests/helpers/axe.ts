import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { expect } from 'vitest';

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rule sets. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern, so the page is audited exactly as a
 * reader gets it (no CSP bypass that could change what renders).
 */
export async function auditPage(page: Page): Promise<AxeResults> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_AA_TAGS,
  );
}

/** One line per failing node, readable in a test failure: rule, impact, target, summary. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

/** The page passes axe's WCAG A and AA rules: some checks ran, and none failed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await auditPage(page);
  expect(results.passes.length).toBeGreaterThan(10);
  expect(describeViolations(results.violations)).toEqual([]);
}
