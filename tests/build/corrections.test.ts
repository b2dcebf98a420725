import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll, toText } from '../helpers/html';
import { textContent } from '../helpers/text-content';

type Node = Record<string, any>;

/** The corrected article of the second site and what its frontmatter says. */
const ARTICLE = '/articles/riverton-bridge/';
const CORRECTION = {
  date: '2026-03-04',
  text: 'An earlier version of this article said the council voted on Tuesday. The vote was on Monday, March 2.',
};
const UPDATE = {
  date: '2026-03-05',
  text: "Added the times the meeting began and ended, and a link to the council's agenda.",
};

const second = siteDir('second');
const seed = siteDir('seed');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function newsArticle(dist: string, page: string): Node {
  const block = select('script[type="application/ld+json"]', readPage(dist, page))!;
  const nodes = JSON.parse(textContent(block))['@graph'] as Node[];
  return nodes.find((node) => node['@type'] === 'NewsArticle')!;
}

describe('a corrected and updated article', () => {
  const page = readPage(second, ARTICLE);

  it('shows the latest correction under the headline, linked to the full list', () => {
    const notice = select('.article__header .correction-notice', page)!;
    expect(notice.tagName).toBe('section');
    const title = select(`#${attr(notice, 'ariaLabelledBy')}`, notice)!;
    expect(squash(toText(title))).toBe('Correction, March 4, 2026:');
    expect(attr(select('time', title)!, 'dateTime')).toBe(CORRECTION.date);
    expect(squash(toText(notice))).toContain(CORRECTION.text);
    expect(attr(select('a', notice)!, 'href')).toBe('#corrections-and-updates');
  });

  it('dates the article by its latest change, the update', () => {
    const meta = squash(toText(select('.article__meta', page)!));
    expect(meta).toContain('Updated March 5, 2026');
    expect(attr(select('meta[property="article:modified_time"]', page)!, 'content')).toBe(UPDATE.date);
  });

  it('lists every correction and update at the end, newest first, with its kind in words, before the endnotes', () => {
    const section = select('section#corrections-and-updates', page)!;
    expect(squash(toText(select(`#${attr(section, 'ariaLabelledBy')}`, section)!))).toBe('Corrections and updates');
    const items = selectAll('li', section).map((li) => ({
      when: squash(toText(select('.change__when', li)!)),
      text: toText(select('.change__text', li)!),
    }));
    expect(items).toEqual([
      { when: 'Update, March 5, 2026', text: UPDATE.text },
      { when: 'Correction, March 4, 2026', text: CORRECTION.text },
    ]);
    const html = fs.readFileSync(path.join(second, ARTICLE, 'index.html'), 'utf8');
    const at = (marker: string) => html.indexOf(marker);
    expect(at('class="article__text"')).toBeLessThan(at('id="corrections-and-updates"'));
    expect(at('id="corrections-and-updates"')).toBeLessThan(at('class="endnotes"'));
  });

  it('describes its modified day and its correction (not the update) in JSON-LD', () => {
    const article = newsArticle(second, ARTICLE);
    expect(article.dateModified).toBe(UPDATE.date);
    expect(article.correction).toEqual([
      { '@type': 'CorrectionComment', text: CORRECTION.text, datePublished: CORRECTION.date },
    ]);
  });

  it('is marked as corrected in the feed', () => {
    const xml = fs.readFileSync(path.join(second, 'rss.xml'), 'utf8');
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category'].includes(name) });
    const item = (parser.parse(xml).rss.channel.item as Node[]).find((i) => i.link.endsWith(ARTICLE))!;
    expect(item.category).toEqual(['local', 'transport', 'Corrected']);
    expect(item['atom:updated']).toBe(`${UPDATE.date}T00:00:00Z`);
    expect(item.description).toBe(
      'The mayor promises a spring reopening; cyclists cite crash figures the city disputes.',
    );
    expect(item['content:encoded']).toContain(`<p>Corrected March 4, 2026: ${CORRECTION.text}</p>`);
  });
});

describe('the /corrections/ page', () => {
  it('lists every correction, with its day and the article linked to its corrections section', () => {
    const page = readPage(second, '/corrections/');
    expect(squash(toText(select('h1', page)!))).toBe('Corrections');
    const items = selectAll('.corrections-log li', page);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(attr(select('time', item!)!, 'dateTime')).toBe(CORRECTION.date);
    const link = select('a', item!)!;
    expect(attr(link, 'href')).toBe(`${ARTICLE}#corrections-and-updates`);
    expect(toText(link)).toBe('Riverton council backs bridge plan after bike-lane debate');
    expect(toText(select('.corrections-log__text', item!)!)).toBe(CORRECTION.text);
    // Updates are not corrections.
    expect(toText(page)).not.toContain(UPDATE.text);
  });

  it('says plainly when there are none, is linked from every footer and is in the sitemap', () => {
    const page = readPage(seed, '/corrections/');
    expect(squash(toText(select('main', page)!))).toContain('No article has been corrected.');
    expect(selectAll('.corrections-log', page)).toHaveLength(0);
    for (const dist of [seed, second]) {
      expect(attr(select('.site-footer a[href="/corrections/"]', readPage(dist, '/'))!, 'href')).toBe('/corrections/');
      expect(fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toContain('/corrections/</loc>');
    }
    expect(select('.site-footer a[href="/news/corrections/"]', readPage(siteDir('seed-news'), '/'))).toBeTruthy();
  });
});

describe('an article never corrected', () => {
  it('has no notice, no list, no `correction` and no change marks in the feed', () => {
    const page = readPage(seed, '/articles/us-china-trade-framework/');
    expect(select('.correction-notice', page)).toBeUndefined();
    expect(select('#corrections-and-updates', page)).toBeUndefined();
    expect(toText(select('.article__meta', page)!)).not.toContain('Updated');
    const article = newsArticle(seed, '/articles/us-china-trade-framework/');
    expect(article.correction).toBeUndefined();
    expect(article.dateModified).toBe(article.datePublished);
    const xml = fs.readFileSync(path.join(seed, 'rss.xml'), 'utf8');
    expect(xml).not.toMatch(/atom:updated|content:encoded|<category>(Corrected|Updated)<\/category>/);
  });
});
