import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/annotations/render-article';
import { loadRegistry } from '../../src/content/registry';
import { articleSchema, latestPublishableDay, lastModified } from '../../src/content/schemas/article';
import { allCorrectionsNewestFirst, changesNewestFirst, latestCorrection } from '../../src/content/article-changes';
import { PIPELINE_CONTENT } from '../helpers/annotate';
import { describeCaseWording } from '../helpers/hostile';

/**
 * The hostile cases about corrections and updates: each fixture lists its rule id and place;
 * the words an author reads are checked here, one case per rule.
 */
const MESSAGES: Record<string, string> = {
  'correction-date-before-published': 'correction date 2025-06-09 is before `published` (2025-06-10)',
  'correction-date-in-future': 'correction date 2999-01-01 is in the future',
  'update-date-before-published': 'update date 2025-05-10 is before `published` (2025-06-10)',
  'corrections-out-of-order':
    'correction date 2025-06-12 is earlier than the entry above it (2025-06-14); list corrections oldest first',
  'updated-before-latest-change': '`updated` (2025-06-11) is earlier than the latest correction or update (2025-06-12)',
};
describeCaseWording('corrections and updates in frontmatter are checked with their place and rule', MESSAGES);

const base = { title: 'T', description: 'D', published: '2025-06-10' };
const parse = (data: Record<string, unknown>) => articleSchema.safeParse({ ...base, ...data });

describe('the article schema', () => {
  it('accepts corrections and updates on the day of publication and today', () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = parse({ corrections: [{ date: '2025-06-10', text: 'A' }], updates: [{ date: today, text: 'B' }] });
    expect(result.success).toBe(true);
  });

  it('defaults both lists to empty, so articles without them are unchanged', () => {
    const result = parse({});
    expect(result.success && result.data).toMatchObject({ corrections: [], updates: [] });
  });

  it('refuses an entry without text, with an unknown field, or with an impossible date', () => {
    expect(parse({ corrections: [{ date: '2025-06-11' }] }).success).toBe(false);
    expect(parse({ corrections: [{ date: '2025-06-11', text: 'A', note: 'B' }] }).success).toBe(false);
    expect(parse({ updates: [{ date: '2025-06-31', text: 'A' }] }).success).toBe(false);
  });

  it('accepts `updated` on or after the latest change', () => {
    expect(parse({ updated: '2025-06-12', updates: [{ date: '2025-06-12', text: 'A' }] }).success).toBe(true);
  });

  it('counts "today" in the time zone furthest ahead', () => {
    expect(latestPublishableDay(Date.parse('2026-03-04T10:00:00Z'))).toBe('2026-03-05');
    expect(latestPublishableDay(Date.parse('2026-03-04T09:59:59Z'))).toBe('2026-03-04');
  });
});

describe('the modified day', () => {
  const entry = (date: string) => ({ date, text: date });

  it('is the latest of `updated` and every correction and update', () => {
    expect(lastModified({ corrections: [], updates: [] })).toBeUndefined();
    expect(lastModified({ updated: '2025-06-12', corrections: [], updates: [] })).toBe('2025-06-12');
    expect(lastModified({ corrections: [entry('2025-06-13')], updates: [entry('2025-06-11')] })).toBe('2025-06-13');
    expect(lastModified({ updated: '2025-06-20', corrections: [entry('2025-06-13')], updates: [] })).toBe('2025-06-20');
  });

  it('lists changes newest first, each with its kind, and heads the article with the latest correction', () => {
    const data = { corrections: [entry('2025-06-11'), entry('2025-06-14')], updates: [entry('2025-06-12')] };
    expect(changesNewestFirst(data).map((c) => `${c.kind} ${c.date}`)).toEqual([
      'correction 2025-06-14',
      'update 2025-06-12',
      'correction 2025-06-11',
    ]);
    expect(latestCorrection(data)?.date).toBe('2025-06-14');
    expect(latestCorrection({ corrections: [], updates: data.updates })).toBeUndefined();
  });

  it('lists every correction of every article newest first, not updates', () => {
    const article = (id: string, corrections: string[], updates: string[] = []) => ({
      id,
      data: { ...base, title: id, tags: [], corrections: corrections.map(entry), updates: updates.map(entry) },
    });
    const list = allCorrectionsNewestFirst([
      article('a', ['2025-06-11', '2025-06-15']),
      article('b', ['2025-06-13'], ['2025-06-20']),
    ]);
    expect(list.map(({ article, correction }) => `${article.id} ${correction.date}`)).toEqual([
      'a 2025-06-15',
      'b 2025-06-13',
      'a 2025-06-11',
    ]);
  });
});

describe('the place of "Corrections and updates" in the body', () => {
  const render = (body: string) =>
    renderArticle({
      source: `---\ntitle: T\n---\n\n${body}`,
      file: path.join(process.cwd(), 'content/articles/test.mdx'),
      registry: loadRegistry(PIPELINE_CONTENT, { fresh: true }),
    });

  it('is after the text and before the cards and endnotes', () => {
    const { html, parts } = render(':person[Bessent]{#scott-bessent} spoke.');
    expect(parts.text).toMatch(/^<div class="article__text"><p>.*<\/p>\s*<\/div>$/s);
    expect(parts.cards).toMatch(/^<div class="annotation-cards"/);
    expect(parts.endnotes).toMatch(/^<section class="endnotes"/);
    expect(parts.text + parts.cards + parts.endnotes).toBe(html);
  });

  it('is the end of a body without annotations', () => {
    expect(render('x').parts).toEqual({ text: '<div class="article__text"><p>x</p></div>', cards: '', endnotes: '' });
  });
});
