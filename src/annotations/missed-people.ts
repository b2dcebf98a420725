/**
 * `unannotated-person`: a person of `content/people` is named in an article (by name or
 * alias, whole words, case-sensitive) and never annotated there. Reported once per person,
 * at the first mention in prose (not in headings, links, code, or inside an annotation
 * other than `:claim`). A `:quote{by=…}` counts as annotating its speaker.
 */
import type { Registry } from '../content/registry';
import type { AnnotationRecord } from './kinds';
import { unannotatedPerson, type ProblemText } from './messages';
import { isPlainProse, pieceAt, wholeWords, type Place, type ProseBlock, type SourcePlaces } from './missed-text';

/** A person named in a block: where, by which words. */
interface Mention {
  start: number;
  end: number;
  personId: string;
  words: string;
}

/** Each registry's names and aliases: who each points at, and one pattern for them all. */
const namesByRegistry = new WeakMap<Registry, { owners: Map<string, string[]>; pattern?: RegExp }>();

/** Who each name or alias points at (a name shared by two people points at both). */
function registryNames(registry: Registry) {
  const cached = namesByRegistry.get(registry);
  if (cached) return cached;
  const owners = new Map<string, string[]>();
  for (const [id, { data }] of registry.people) {
    for (const name of [data.name, ...data.aliases]) {
      const key = name.trim().replace(/\s+/g, ' ');
      if (key) owners.set(key, [...(owners.get(key) ?? []), id]);
    }
  }
  const names = { owners, pattern: wholeWords([...owners.keys()]) };
  namesByRegistry.set(registry, names);
  return names;
}

/**
 * Every person named in a block's text, longest names first: "Li Chenggang" is one mention
 * of Li Chenggang, not also a mention of someone whose alias is "Li".
 */
export function mentionsIn(text: string, registry: Registry): Mention[] {
  const { owners, pattern } = registryNames(registry);
  if (!pattern) return [];
  const mentions: Mention[] = [];
  for (const match of text.matchAll(pattern)) {
    const words = match[0].replace(/\s+/g, ' ');
    for (const personId of owners.get(words) ?? []) {
      mentions.push({ start: match.index, end: match.index + match[0].length, personId, words: match[0] });
    }
  }
  return mentions;
}

export interface MissedContext {
  blocks: ProseBlock[];
  places: SourcePlaces;
  annotations: readonly AnnotationRecord[];
  registry: Registry;
}

export interface MissedFinding {
  place: Place;
  /** Just after the last character of the missed words. */
  end: Place;
  problem: ProblemText;
}

const RULE = 'unannotated-person';

/** The first unannotated mention of each person who is never annotated in the article. */
export function missedPeople({ blocks, places, annotations, registry }: MissedContext): MissedFinding[] {
  const annotated = new Set(
    annotations.flatMap((record) => (record.kind === 'person' || record.kind === 'quote' ? [record.ref] : [])),
  );
  const reported = new Set<string>();
  const findings: MissedFinding[] = [];
  for (const block of blocks) {
    if (block.ignored.has(RULE) || block.ignored.has('*')) continue;
    for (const mention of mentionsIn(block.text, registry)) {
      const piece = pieceAt(block, mention.start);
      if (annotated.has(mention.personId) || reported.has(mention.personId)) continue;
      if (!piece || !isPlainProse(piece) || mention.end > piece.index + piece.value.length) continue;
      reported.add(mention.personId);
      findings.push({
        ...places.span(block, mention.start, mention.end),
        problem: unannotatedPerson(mention.words, mention.personId),
      });
    }
  }
  return findings;
}
