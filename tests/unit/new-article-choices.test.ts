import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentChoices, createArticle } from '../../scripts/new-article.mjs';
import { FIXTURES } from '../helpers/paths';

const SECOND = path.join(FIXTURES, 'second-site/content');

describe('npm run new offers the authors and topics that exist', () => {
  it('lists authors by id and name, and topics by their shown spelling and article count', () => {
    expect(contentChoices(SECOND)).toEqual({
      authors: [
        { id: 'lena-hart', name: 'Lena Hart' },
        { id: 'priya-nair', name: 'Priya Nair' },
      ],
      topics: [
        { label: 'transport', count: 2 },
        { label: 'Bridge works', count: 1 },
        { label: 'local', count: 1 },
      ],
    });
  });

  it('writes the picked authors and topics, spelling a topic in use the way it is shown', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'new-article-'));
    fs.cpSync(SECOND, path.join(cwd, 'content'), { recursive: true });
    const file = createArticle(['Ferry fares', '--author', 'priya-nair', '--tag', 'TRANSPORT', '--tag', 'fares'], {
      cwd,
      now: new Date(2026, 2, 12, 12),
    });
    const source = fs.readFileSync(file, 'utf8');
    expect(source).toContain('\nauthors: ["priya-nair"]\n');
    expect(source).toContain('\ntags: ["transport","fares"]\n');
    expect(() => createArticle(['Other', '--author', 'lena-hartt'], { cwd })).toThrow(
      /--author "lena-hartt" is not in content\/authors; authors: lena-hart, priya-nair/,
    );
    fs.rmSync(cwd, { recursive: true, force: true });
  });
});
