import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordsFile, type ContentRecords } from '../collections/content-records';
import { codeVersion } from '../collections/render-cache';
import { partOf } from '../lib/build-parts';
import type { AstroStep } from './layout';

/** What the pages are built by: every file of the site's code, its public files and the locked dependencies. */
const SITE_CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export const siteCodeVersion = (root: string) => codeVersion(root, SITE_CODE);

/** The settings every page reads. */
export const configVersion = (env: NodeJS.ProcessEnv) =>
  sha256(JSON.stringify({ site: env.SITE_URL?.trim() || '', base: env.BASE_PATH ?? '/' }));

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Paths (`src`) of an article's photographs, as its frontmatter and text give them. */
function photoPaths(data: Record<string, unknown>): string[] {
  const photos = [data.image, ...((data.bodyImages as unknown[] | undefined) ?? [])];
  return photos.flatMap((photo) => {
    const src = (photo as { src?: unknown } | undefined)?.src;
    return typeof src === 'string' ? [src] : [];
  });
}

/** The bytes of each photograph, so a replaced photograph rebuilds its article's part. */
function photoDigest(file: string, data: Record<string, unknown>): string {
  const hash = createHash('sha256');
  for (const src of photoPaths(data)) {
    const photo = path.resolve(path.dirname(file), src);
    hash.update(src).update('\0');
    hash.update(fs.existsSync(photo) ? fs.readFileSync(photo) : 'missing').update('\0');
  }
  return hash.digest('hex');
}

/**
 * What every article page reads of the other articles: the related stories (ranked by shared
 * people, claims and topics, shown by title and date) and the topics. An edit of an article's
 * text leaves this as it was; a new article, a new title or new tags change it.
 */
function archiveSummary(records: ContentRecords): string {
  const links = new Map(records.links.map((link) => [link.slug, link]));
  return sha256(
    JSON.stringify(
      records.articles.map(({ slug, data }) => [
        slug,
        data.title,
        data.published,
        data.tags,
        data.authors,
        links.get(slug)?.people,
        links.get(slug)?.claims,
      ]),
    ),
  );
}

/**
 * The inputs of one step, hashed: the code and configuration, and the content its pages read.
 * A part reads its articles (entry, rendered body, photographs), its claims and every article
 * that cites them, the claims its articles cite, the people and authors, and the archive's
 * summary; the site pages read everything.
 */
export function stepInputs(step: AstroStep, records: ContentRecords, versions: BuildVersions): string {
  const hash = createHash('sha256').update(`${versions.code}\0${versions.config}\0`);
  if (step.kind !== 'part') return hash.update(versions.manifest).digest('hex');
  const { index, count } = step.part;
  const mine = (key: string) => partOf(key, count) === index;
  const citing = new Map<string, string[]>();
  for (const { slug, claims } of records.links) {
    for (const claim of claims) citing.set(claim, [...(citing.get(claim) ?? []), slug]);
  }
  const claims = new Set(records.claims.filter(({ id }) => mine(id)).map(({ id }) => id));
  const articles = new Set(records.articles.filter(({ slug }) => mine(slug)).map(({ slug }) => slug));
  for (const link of records.links) if (articles.has(link.slug)) link.claims.forEach((claim) => claims.add(claim));
  for (const claim of claims) for (const slug of citing.get(claim) ?? []) articles.add(slug);
  hash.update(archiveSummary(records)).update(JSON.stringify([records.people, records.authors]));
  for (const { id, data } of records.claims) if (claims.has(id)) hash.update(`claim\0${id}\0${JSON.stringify(data)}\0`);
  for (const { slug, file, data, digest } of records.articles) {
    if (!articles.has(slug)) continue;
    hash.update(`article\0${slug}\0${digest}\0${JSON.stringify(data)}\0${photoDigest(file, data)}\0`);
  }
  return hash.digest('hex');
}

/** What every step of one build must share: its code, its configuration and its content manifest. */
export interface BuildVersions {
  code: string;
  config: string;
  /** The content records' SHA-256 (see writeContentRecords). */
  manifest: string;
}

/** The content manifest's identity: the hash of the records file as written. */
export const manifestVersion = (recordsDir: string) => sha256(fs.readFileSync(recordsFile(recordsDir)));

/** Articles and claims of one part, for its log line. */
export function partSize(step: AstroStep, records: ContentRecords): { articles: number; claims: number } {
  if (step.kind !== 'part') return { articles: records.articles.length, claims: records.claims.length };
  const { index, count } = step.part;
  return {
    articles: records.articles.filter(({ slug }) => partOf(slug, count) === index).length,
    claims: records.claims.filter(({ id }) => partOf(id, count) === index).length,
  };
}
