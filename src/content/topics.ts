import { slugOf } from '../lib/slug';
import { editDistance } from '../lib/suggest';

/**
 * Tags as topics. Authors write tags freely (`rare earths`, `Rare Earths`, `rare-earths`); a
 * topic is every tag with the same slug, shown under its most common spelling, with one page
 * at `/topics/<slug>/`.
 */

/** A tag as written, with surrounding and repeated white space removed. */
export function tagSpelling(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim();
}

/**
 * The topic's URL segment and identity: lowercase kebab-case ASCII, accents dropped,
 * apostrophes and dots removed (`U.S. trade` → `us-trade`, `Zürich` → `zurich`). Empty when
 * the tag has no letter or digit it can keep.
 */
export const topicSlug = (tag: string): string => slugOf(tag);

/** One topic and the members (articles) tagged with it. */
export interface Topic<T> {
  slug: string;
  /** The most common spelling; on a tie, the first one met. */
  label: string;
  /** Every spelling used, with how many times it is written. */
  spellings: Map<string, number>;
  members: T[];
}

/**
 * Groups members by the topics of their tags, in the members' order within a topic; topics
 * sorted by label. A member with two spellings of one topic is one member of it; each
 * spelling written counts towards the label.
 */
export function groupTopics<T>(members: readonly T[], tagsOf: (member: T) => readonly string[]): Topic<T>[] {
  const topics = new Map<string, Topic<T>>();
  for (const member of members) {
    const seen = new Set<string>();
    for (const tag of tagsOf(member)) {
      const slug = topicSlug(tag);
      if (!slug) continue;
      const topic: Topic<T> = topics.get(slug) ?? { slug, label: '', spellings: new Map(), members: [] };
      const spelling = tagSpelling(tag);
      topic.spellings.set(spelling, (topic.spellings.get(spelling) ?? 0) + 1);
      topics.set(slug, topic);
      if (!seen.has(slug)) topic.members.push(member);
      seen.add(slug);
    }
  }
  for (const topic of topics.values()) topic.label = mostCommon(topic.spellings);
  return [...topics.values()].sort((a, b) => a.label.localeCompare(b.label, 'en') || a.slug.localeCompare(b.slug));
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of counts) {
    if (count > bestCount) [best, bestCount] = [spelling, count];
  }
  return best;
}

/**
 * Whether two topic slugs look like one topic spelled two ways (`rare-earth`, `rare-earths`):
 * at most 2 edits apart, and at least 5 characters of the shorter slug per edit, so short
 * distinct topics (`iran` and `iraq`, `eu` and `us`) are never taken for each other.
 */
export function areNearDuplicates(a: string, b: string): boolean {
  if (a === b) return false;
  const distance = editDistance(a, b);
  return distance <= 2 && Math.min(a.length, b.length) >= 5 * distance;
}

/** A topic that is probably a misspelling of a more used one. */
interface NearDuplicate<T> {
  topic: Topic<T>;
  /** The more used topic it is nearly the same as. */
  likely: Topic<T>;
}

/**
 * Pairs of near-duplicate topics, each as the less used one (fewer members; on a tie, the
 * later slug) and the one it probably means.
 */
export function nearDuplicateTopics<T>(topics: readonly Topic<T>[]): NearDuplicate<T>[] {
  const found: NearDuplicate<T>[] = [];
  const sorted = [...topics].sort((a, b) => b.members.length - a.members.length || a.slug.localeCompare(b.slug));
  sorted.forEach((topic, index) => {
    const likely = sorted.slice(0, index).find((other) => areNearDuplicates(topic.slug, other.slug));
    if (likely) found.push({ topic, likely });
  });
  return found;
}
