import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

const SEED = path.join(PROJECT_ROOT, 'content');

/**
 * A content folder holding one article of at least `bytes`, made by repeating the seed
 * article's annotated paragraphs (its people and claims copied alongside), so it has the
 * seed's mix of annotations many times over.
 */
export function writeLargeArticle(root: string, bytes = 2 * 2 ** 20): { contentDir: string; slug: string; repeats: number } {
  const contentDir = path.join(root, 'content');
  fs.rmSync(contentDir, { recursive: true, force: true });
  for (const folder of ['people', 'claims']) {
    fs.cpSync(path.join(SEED, folder), path.join(contentDir, folder), { recursive: true });
  }
  const seed = fs.readFileSync(path.join(SEED, 'articles/us-china-trade-framework.mdx'), 'utf8');
  const body = seed.replace(/^---[\s\S]*?\n---\n/, '').trim();
  const parts = [
    '---\ntitle: A very long annotated article\ndescription: The seed article repeated until it weighs two megabytes.\npublished: 2025-10-27\n---\n',
  ];
  let size = Buffer.byteLength(parts[0]!);
  let repeats = 0;
  while (size < bytes) {
    repeats++;
    const section = `\n## Part ${repeats}\n\n${body}\n`;
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  fs.mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(contentDir, 'articles/very-long-article.mdx'), parts.join(''));
  return { contentDir, slug: 'very-long-article', repeats };
}
