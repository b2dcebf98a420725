import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { listFiles } from '../helpers/site-files';
import { TEST_SITES } from '../setup/build-sites';

/**
 * html-validate's recommended preset over every built page: it reads what the Nu checker
 * does not (duplicate control names, long titles, forms without a submit button). Every rule
 * is on; README "Tests" says so.
 */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

const pagesOf = (dist: string) => listFiles(dist).filter((file) => file.endsWith('.html'));

describe('html-validate (recommended preset)', () => {
  it('reports a form without a submit button and a title over 70 characters', async () => {
    const report = await validator.validateString(
      `<!doctype html><html lang="en"><head><title>${'Long '.repeat(15)}</title></head>` +
        '<body><main><form><input type="checkbox" id="a" aria-label="a"></form></main></body></html>',
    );
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toContain('long-title');
    expect(rules).toContain('wcag/h32');
  });

  it.each(TEST_SITES.map((site) => site.name))('finds nothing in any page of the "%s" site', async (site) => {
    const dist = siteDir(site);
    const pages = pagesOf(dist);
    expect(pages.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(fs.readFileSync(path.join(dist, page), 'utf8'), page);
      for (const message of report.results.flatMap((result) => result.messages)) {
        problems.push(`${page}:${message.line}:${message.column} ${message.message} [${message.ruleId}]`);
      }
    }
    expect(problems).toEqual([]);
  });
});
