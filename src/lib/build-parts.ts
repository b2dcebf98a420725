import { createHash } from 'node:crypto';

/** One part of a build in parts: `index` of `count`, both from 1 (`3/8`). */
export interface PartSpec {
  index: number;
  count: number;
}

/** Reads `3/8` (as given to `--part` or `BUILD_PART`); throws with what to write instead. */
export function parsePart(text: string): PartSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`"${text}" is not a part: write it as <part>/<parts>, from 1/1 up to 8/8, e.g. --part=3/8`);
  }
  return { index, count };
}

export const formatPart = ({ index, count }: PartSpec) => `${index}/${count}`;

/**
 * The part (from 1) an article's slug or a claim's id belongs to: the first 32 bits of its
 * SHA-256, modulo the number of parts. It depends on nothing but the key, so adding an
 * article never moves another one to a different part.
 */
export function partOf(key: string, count: number): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}

/** Articles a part holds by default: small enough to keep each build process well under 2 GB. */
const DEFAULT_PART_SIZE = 1000;

/** Parts for an archive of `articles` when none are asked for: one for a small archive such as the seed. */
export function defaultPartCount(articles: number, size = DEFAULT_PART_SIZE): number {
  return Math.max(1, Math.ceil(articles / size));
}
