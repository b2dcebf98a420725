import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

const SEED = path.join(PROJECT_ROOT, 'content');

/**
 * A content folder holding one article of at least `bytes`, made by repeating the seed
 * article (its people and claims copied alongside): every `annotatedEvery`-th part keeps
 * the seed's annotations, the others are its plain text. Annotating every part (~13,700
 * annotations, each with a card and an endnote) needs ~5 GB and many minutes to build.
 */
export function writeLargeArticle(
  root: string,
  { bytes = 2 * 2 ** 20, annotatedEvery = 10 } = {},
): { contentDir: string; slug: string; repeats: number; annotatedRepeats: number } {
  const contentDir = path.join(root, 'content');
  fs.rmSync(contentDir, { recursive: true, force: true });
  for (const folder of ['people', 'claims']) {
    fs.cpSync(path.join(SEED, folder), path.join(contentDir, folder), { recursive: true });
  }
  const seed = fs.readFileSync(path.join(SEED, 'articles/us-china-trade-framework.mdx'), 'utf8');
  const body = seed.replace(/^---[\s\S]*?\n---\n/, '').trim();
  const plain = fs
    .readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/seed/article.txt'), 'utf8')
    .trim()
    .split('\n')
    .join('\n\n');
  const parts = [
    '---\ntitle: A very long annotated article\ndescription: The seed article repeated until it weighs two megabytes.\npublished: 2025-10-27\n---\n',
  ];
  let size = Buffer.byteLength(parts[0]!);
  let repeats = 0;
  let annotatedRepeats = 0;
  while (size < bytes) {
    const annotated = repeats % annotatedEvery === 0;
    if (annotated) annotatedRepeats++;
    repeats++;
    const section = `\n## Part ${repeats}\n\n${annotated ? body : plain}\n`;
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  fs.mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(contentDir, 'articles/very-long-article.mdx'), parts.join(''));
  return { contentDir, slug: 'very-long-article', repeats, annotatedRepeats };
}
