import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, selectAll, toText } from '../helpers/html';
import { FIXTURES } from '../helpers/paths';
import { listFiles } from '../helpers/site-files';
import { describeMessage, validateHtml, type VnuMessage } from '../helpers/vnu';
import { TEST_SITES } from '../setup/build-sites';

/** `line:column message` when the text is not well-formed XML with one root element. */
function xmlProblem(text: string): string | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { line, col, msg } = result.err;
  return `${line}:${col} ${msg}`;
}

const SITES = TEST_SITES.map((site) => site.name);
const CONTROL = path.join(FIXTURES, 'invalid-html');
let messages: VnuMessage[];

beforeAll(async () => {
  // One validator run for every site (Java starts once), plus a page known to be invalid.
  messages = await validateHtml([...SITES.map(siteDir), CONTROL]);
}, 120_000);

const problemsUnder = (dir: string) =>
  messages
    .filter((m) => m.type !== 'info' && (m.url ?? '').replace(/^file:/, '').startsWith(dir))
    .map((m) => describeMessage(m, dir));

describe('the Nu HTML Checker', () => {
  it('reports the errors of a page known to be invalid', () => {
    const found = problemsUnder(CONTROL).join('\n');
    expect(found).toMatch(/title/);
    expect(found).toMatch(/must not appear as a descendant of the “button” element/);
  });

  it.each(SITES)('finds no error in any page of the "%s" site', (site) => {
    expect(listPages(siteDir(site)).length).toBeGreaterThan(5);
    expect(problemsUnder(siteDir(site))).toEqual([]);
  });

  it('is joined by an XML check that rejects a malformed feed', () => {
    expect(xmlProblem('<?xml version="1.0"?><rss><channel><title>A & B</title></channel></rss>')).toMatch(/^1:\d+ /);
    expect(xmlProblem('<?xml version="1.0"?><rss><channel><title>A &amp; B</title></channel></rss>')).toBeUndefined();
  });

  it('ran on every site', () => {
    expect(messages.filter((m) => m.type === 'non-document-error')).toEqual([]);
  });
});

describe.each(SITES)('structured data and feeds of the "%s" site, where present, parse', (site) => {
  const dist = siteDir(site);
  const files = listFiles(dist);

  it('every JSON-LD block in every page', () => {
    const broken: string[] = [];
    for (const page of listPages(dist)) {
      for (const script of selectAll('script[type="application/ld+json"]', readPage(dist, page))) {
        try {
          JSON.parse(toText(script));
        } catch (error) {
          broken.push(`${page}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every JSON, JSON-LD and web manifest file', () => {
    const broken = files
      .filter((file) => /\.(json|jsonld|webmanifest)$/.test(file))
      .flatMap((file) => {
        try {
          JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
          return [];
        } catch (error) {
          return [`${file}: ${(error as Error).message}`];
        }
      });
    expect(broken).toEqual([]);
  });

  it('every XML file (feeds, sitemaps)', () => {
    const broken = files
      .filter((file) => /\.(xml|rss|atom)$/.test(file))
      .flatMap((file) => {
        const problem = xmlProblem(fs.readFileSync(path.join(dist, file), 'utf8'));
        return problem ? [`${file}:${problem}`] : [];
      });
    expect(broken).toEqual([]);
  });

  it('every feed or alternate the pages link to exists', () => {
    const missing: string[] = [];
    for (const page of listPages(dist)) {
      for (const link of selectAll('link[rel~="alternate"][href], link[rel="sitemap"][href]', readPage(dist, page))) {
        const href = new URL(attr(link, 'href')!, 'http://site/').pathname;
        if (!files.some((file) => href.endsWith(`/${file}`))) missing.push(`${page} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
