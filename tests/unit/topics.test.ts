import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/annotations/check-content';
import { formatProblem } from '../../src/content/problems';
import { areNearDuplicates, groupTopics, nearDuplicateTopics, tagSpelling, topicSlug } from '../../src/content/topics';
import { materializeCase } from '../helpers/hostile';

describe('tags normalise to one topic', () => {
  it('trims and collapses white space in the spelling', () => {
    expect(tagSpelling('  rare   earths ')).toBe('rare earths');
  });

  it('makes a lowercase kebab-case slug whatever the case, spaces, hyphens, dots or accents', () => {
    for (const tag of ['rare earths', 'rare-earths', 'Rare Earths', ' rare  earths ', 'RARE_EARTHS']) {
      expect(topicSlug(tag)).toBe('rare-earths');
    }
    expect(topicSlug('U.S. trade')).toBe('us-trade');
    expect(topicSlug('Zürich')).toBe('zurich');
    expect(topicSlug("China's economy")).toBe('chinas-economy');
    expect(topicSlug('中国')).toBe('');
  });

  it('groups articles by topic, shows the most common spelling and counts each article once', () => {
    const articles = [
      { id: 'a', tags: ['Rare Earths', 'trade'] },
      { id: 'b', tags: ['rare earths'] },
      { id: 'c', tags: ['rare-earths', 'rare earths'] },
      { id: 'd', tags: ['Trade'] },
    ];
    const topics = groupTopics(articles, (article) => article.tags);
    expect(topics.map((t) => [t.slug, t.label, t.members.map((m) => m.id)])).toEqual([
      ['rare-earths', 'rare earths', ['a', 'b', 'c']],
      ['trade', 'trade', ['a', 'd']],
    ]);
  });
});

describe('near-duplicate topics', () => {
  it('are a few edits apart on long enough slugs', () => {
    expect(areNearDuplicates('rare-earth', 'rare-earths')).toBe(true);
    expect(areNearDuplicates('tariff', 'tariffs')).toBe(true);
    expect(areNearDuplicates('rare-earths', 'rare-earths')).toBe(false);
    // Short distinct topics are not taken for each other.
    expect(areNearDuplicates('iran', 'iraq')).toBe(false);
    expect(areNearDuplicates('eu', 'us')).toBe(false);
    expect(areNearDuplicates('trade', 'tariffs')).toBe(false);
  });

  it('name the less used topic and the one it probably means', () => {
    const topics = groupTopics(
      [{ tags: ['rare earths'] }, { tags: ['Rare Earths'] }, { tags: ['rare earth'] }, { tags: ['trade'] }],
      (article) => article.tags,
    );
    expect(nearDuplicateTopics(topics).map(({ topic, likely }) => [topic.label, likely.label])).toEqual([
      ['rare earth', 'rare earths'],
    ]);
  });
});

describe('the content check reports near-duplicate topics at the tag', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topics-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const article = (slug: string, tags: string) =>
    `---\ntitle: ${slug}\ndescription: One article.\npublished: 2026-05-05\ntags:\n${tags}\n---\n\nHarbour news.\n`;

  it('as a warning with rule near-duplicate-topic, file:line:column and a hint naming the common spelling', () => {
    const contentDir = materializeCase('unknown-author', work);
    const articles = path.join(contentDir, 'articles');
    fs.rmSync(path.join(articles, 'case.mdx'));
    fs.writeFileSync(path.join(articles, 'one.mdx'), article('one', '  - rare earths'));
    fs.writeFileSync(path.join(articles, 'two.mdx'), article('two', '  - rare-earths'));
    fs.writeFileSync(path.join(articles, 'three.mdx'), article('three', '  - trade\n  - rare earth'));
    const check = checkContent(contentDir);
    expect(check.problems.filter((p) => p.rule === 'near-duplicate-topic')).toEqual([]);
    const problems = check.warnings.filter((p) => p.rule === 'near-duplicate-topic');
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(path.relative(contentDir, problem!.file)).toBe('articles/three.mdx');
    expect(problem).toMatchObject({ line: 7, column: 5, field: 'tags.1' });
    expect(formatProblem(problem!)).toContain(
      'warning: field `tags.1`: topic "rare earth" is nearly the same as "rare earths" (2 articles) [near-duplicate-topic]\n  hint: did you mean `rare earths`?',
    );
  });

  it('reports an unknown author with a did-you-mean hint', () => {
    const contentDir = materializeCase('unknown-author', work);
    const [problem] = checkContent(contentDir).problems;
    expect(problem).toMatchObject({ line: 6, column: 5, rule: 'unknown-author', field: 'authors.0' });
    expect(problem!.message).toBe('unknown author `lena-hartt`');
    expect(problem!.hint).toMatch(/^did you mean `lena-hart`\? /);
  });
});
