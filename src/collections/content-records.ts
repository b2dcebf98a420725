import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnnotationRecord } from '../annotations/kinds';
import type { Registry } from '../content/registry';
import type { PreparedArticle } from './render-content';

/** A person, claim or author as the content check read it. */
interface RecordedEntry {
  id: string;
  /** Relative to the project folder, so records made on one machine read the same on another. */
  file: string;
  data: Record<string, unknown>;
}

/** What an article's pages share with other articles' pages: its related stories and claim pages. */
export interface ArticleLinks {
  slug: string;
  /** People and claims its annotations name, sorted. */
  people: string[];
  claims: string[];
}

/**
 * The content of a build in parts, checked and rendered once: every article's entry (its
 * frontmatter and the digest of its rendered body, which lives in `rendered-articles/`), what
 * it links to, and the people, claims and authors. Each part's Astro build loads its
 * collections from these records instead of checking the content again.
 */
export interface ContentRecords {
  articles: (Omit<PreparedArticle, 'file'> & { file: string })[];
  links: ArticleLinks[];
  people: RecordedEntry[];
  claims: RecordedEntry[];
  authors: RecordedEntry[];
}

const RECORDS_FILE = 'content-records.json';

export const recordsFile = (recordsDir: string) => path.join(recordsDir, RECORDS_FILE);

/** The people and claims an article's annotations name. */
export function articleLinks(slug: string, annotations: readonly AnnotationRecord[]): ArticleLinks {
  const people = new Set<string>();
  const claims = new Set<string>();
  for (const record of annotations) {
    if (record.kind === 'person' || record.kind === 'quote') people.add(record.ref);
    if (record.kind === 'claim') claims.add(record.ref);
    if (record.person) people.add(record.person);
    if (record.claim) claims.add(record.claim);
    if (record.response) claims.add(record.response.claim);
  }
  return { slug, people: [...people].sort(), claims: [...claims].sort() };
}

function recordedEntries(entries: Registry['people' | 'claims'] | Registry['authors'], root: string): RecordedEntry[] {
  return [...(entries?.values() ?? [])].map(({ id, file, data }) => ({
    id,
    file: path.relative(root, file),
    data: data as unknown as Record<string, unknown>,
  }));
}

/** Writes the records; returns their SHA-256, the content manifest's identity. */
export function writeContentRecords(
  recordsDir: string,
  root: string,
  articles: readonly PreparedArticle[],
  links: readonly ArticleLinks[],
  registry: Registry,
): string {
  const records: ContentRecords = {
    articles: [...articles]
      .map((article) => ({ ...article, file: path.relative(root, article.file) }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    links: [...links].sort((a, b) => a.slug.localeCompare(b.slug)),
    people: recordedEntries(registry.people, root),
    claims: recordedEntries(registry.claims, root),
    authors: recordedEntries(registry.authors, root),
  };
  const json = JSON.stringify(records);
  fs.mkdirSync(recordsDir, { recursive: true });
  fs.writeFileSync(recordsFile(recordsDir), json);
  return createHash('sha256').update(json).digest('hex');
}

/** Reads the records a content step wrote, with file paths made absolute again. */
export function readContentRecords(recordsDir: string, root: string): ContentRecords {
  const file = recordsFile(recordsDir);
  let records: ContentRecords;
  try {
    records = JSON.parse(fs.readFileSync(file, 'utf8')) as ContentRecords;
  } catch (error) {
    throw new Error(
      `The content records ${file} cannot be read (${(error as Error).message}); run \`npm run build -- --content\` first`,
    );
  }
  const absolute = <T extends { file: string }>(entry: T): T => ({ ...entry, file: path.resolve(root, entry.file) });
  return {
    ...records,
    articles: records.articles.map(absolute),
    people: records.people.map(absolute),
    claims: records.claims.map(absolute),
    authors: records.authors.map(absolute),
  };
}
