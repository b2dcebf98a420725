import type { ClaimData, PersonData } from '../content/schemas';
import { siteUrls } from '../lib/urls';
import type { PublishedAnnotation, PublishedArticle } from './published-article';
import { FILTER, type ResultType } from './search-schema';

/** A Pagefind custom record (`index.addCustomRecord`): one quote, claim, figure or person. */
export interface SearchRecord {
  /** From the site root, without the base path: Pagefind adds it where its bundle is served. */
  url: string;
  /** The searchable words. */
  content: string;
  language: string;
  /** Shown with the result: `title` (link text), `speaker`, `article`. */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The people and claims annotations refer to (the registry, or a part of it in tests). */
export interface RecordSources {
  people: ReadonlyMap<
    string,
    { data: Pick<PersonData, 'name' | 'role' | 'aliases'> & Partial<Pick<PersonData, 'affiliation' | 'country' | 'bio'>> }
  >;
  claims: ReadonlyMap<string, { data: Pick<ClaimData, 'statement' | 'claimant'> & Partial<Pick<ClaimData, 'context'>> }>;
}

/** Site paths from the root, without the base path: that is how Pagefind wants record URLs. */
const rootUrls = siteUrls('/');

const sentence = (...parts: (string | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => part.trim())
    .join(' · ');

interface Passage {
  article: PublishedArticle;
  annotation: PublishedAnnotation;
}

/**
 * The search records of a site: one per quote and figure, linked to its passage
 * `/articles/<slug>/#<annotation id>`; one per claim, linked to the first passage that states
 * it (`:claim[…]`), or to its card `/claims/<id>/` when none does; and one per person, linked
 * to their card `/people/<id>/`. Claim and person cards are not indexed as pages: these
 * records stand for them, so a claim or a person is one result, not one per page and passage.
 */
export function searchRecords(articles: readonly PublishedArticle[], sources: RecordSources): SearchRecord[] {
  const language = articles[0]?.language ?? 'en';
  const quotes: SearchRecord[] = [];
  const figures: SearchRecord[] = [];
  /** Claim id → the passages that cite it (`:claim`, or a quote or figure with `claim=`). */
  const citations = new Map<string, Passage[]>();
  // The earliest article first: a claim's record points to where it was first reported.
  const byDate = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path));
  for (const article of byDate) {
    for (const annotation of article.annotations) {
      const where = `${article.path}#${annotation.id}`;
      switch (annotation.kind) {
        case 'quote': {
          const speaker = knownPerson(sources, annotation.ref, where).name;
          // The speaker's name is searchable too ("trump deal"); the quote is the link text.
          quotes.push(passageRecord(article, annotation, 'quote', `“${annotation.text}”`, `“${annotation.text}” — ${speaker}`, speaker));
          break;
        }
        case 'figure': {
          const { text, about, valueText } = annotation;
          // "Sunday" is also found as "October 26, 2025".
          const content = sentence(text, about, valueText !== text ? valueText : undefined);
          figures.push(passageRecord(article, annotation, 'figure', about ? `${text}: ${about}` : text, content));
          break;
        }
        case 'person':
          knownPerson(sources, annotation.ref, where);
          break;
        case 'claim':
          knownClaim(sources, annotation.ref, where);
          break;
      }
      if (annotation.claim) {
        const cited = citations.get(annotation.claim) ?? [];
        if (!cited.length) citations.set(annotation.claim, cited);
        cited.push({ article, annotation });
      }
    }
  }

  const claims = [...sources.claims].map(([id, { data }]) => {
    const cited = citations.get(id) ?? [];
    const stated = cited.filter((p) => p.annotation.kind === 'claim');
    const speaker = knownPerson(sources, data.claimant, rootUrls.claim(id)).name;
    // Found by the words of every passage that states it, its neutral statement and claimant.
    const content = sentence(...new Set(stated.map((p) => p.annotation.text)), data.statement, speaker, data.context);
    const first = stated[0];
    if (first) return passageRecord(first.article, first.annotation, 'claim', data.statement, content, speaker);
    // Cited only by a quote or a figure, or by no article yet: its card shows where.
    return record(language, rootUrls.claim(id), 'claim', data.statement, content, { speaker, article: cited[0]?.article.title });
  });

  const people = [...sources.people].map(([id, { data }]) =>
    record(
      language,
      rootUrls.person(id),
      'person',
      data.name,
      sentence(data.name, data.role, data.affiliation, data.country, ...data.aliases, data.bio),
    ),
  );

  return [...quotes, ...claims, ...figures, ...people];
}

function knownPerson(sources: RecordSources, id: string, where: string) {
  const entry = sources.people.get(id);
  if (!entry) throw new Error(`${where}: unknown person \`${id}\` (was the article rendered before content/people changed?)`);
  return entry.data;
}

function knownClaim(sources: RecordSources, id: string, where: string) {
  const entry = sources.claims.get(id);
  if (!entry) throw new Error(`${where}: unknown claim \`${id}\` (was the article rendered before content/claims changed?)`);
  return entry.data;
}

function record(
  language: string,
  url: string,
  type: ResultType,
  title: string,
  content: string,
  { speaker, article }: { speaker?: string; article?: string } = {},
): SearchRecord {
  return {
    url,
    content,
    language,
    meta: {
      title,
      ...(speaker ? { speaker } : {}),
      ...(article ? { article } : {}),
    },
    filters: {
      [FILTER.type]: [type],
      ...(speaker ? { [FILTER.speaker]: [speaker] } : {}),
      ...(article ? { [FILTER.article]: [article] } : {}),
    },
  };
}

/**
 * A record linked to its passage, with the article it is in. The passage's paragraph is not
 * stored with it: the search page shows Pagefind's own excerpt of the record, and at 1,000
 * articles the paragraphs cost Pagefind 400 MB of memory while it writes the index.
 */
function passageRecord(
  article: PublishedArticle,
  annotation: PublishedAnnotation,
  type: ResultType,
  title: string,
  content: string,
  speaker?: string,
): SearchRecord {
  return record(article.language, `${article.path}#${annotation.id}`, type, title, content, { speaker, article: article.title });
}
