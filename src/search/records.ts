import { STANCES, type AnnotationRecord, type Response } from '../annotations/kinds';
import type { ManifestClaim, ManifestPerson, SiteManifest } from '../collections/site-manifest';
import { formatFigureValue } from '../lib/format';
import { SITE_LANGUAGE } from '../lib/site-language';
import { siteUrls } from '../lib/urls';
import type { PublishedArticle } from './published-article';
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

/** The people and claims annotations refer to: the content layer's manifest, or a part of it in tests. */
export type RecordSources = Pick<SiteManifest, 'people' | 'claims'>;

/** The same, by id. */
interface SourcesById {
  people: ReadonlyMap<string, ManifestPerson>;
  claims: ReadonlyMap<string, ManifestClaim>;
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
  annotation: AnnotationRecord;
}

const inReadingOrder = (annotations: readonly AnnotationRecord[]) =>
  [...annotations].sort((a, b) => a.number - b.number);

/**
 * The search records of a site: one per quote and figure, linked to its passage
 * `/articles/<slug>/#<annotation id>`; one per claim, linked to the first passage that states
 * it (`:claim[…]`), or to its card `/claims/<id>/` when none does; and one per person, linked
 * to their card `/people/<id>/`. Claim and person cards are not indexed as pages: these
 * records stand for them, so a claim or a person is one result, not one per page and passage.
 */
export function searchRecords(articles: readonly PublishedArticle[], sources: RecordSources): SearchRecord[] {
  const byId: SourcesById = {
    people: new Map(sources.people.map((person) => [person.id, person])),
    claims: new Map(sources.claims.map((claim) => [claim.id, claim])),
  };
  const { quotes, figures, citations } = passageRecords(articles, byId);
  const claims = sources.claims.map((claim) => claimRecord(claim, citations.get(claim.id) ?? [], byId));
  const people = sources.people.map((person) =>
    record(
      SITE_LANGUAGE,
      rootUrls.person(person.id),
      'person',
      person.name,
      sentence(person.name, person.role, person.affiliation, person.country, ...person.aliases, person.bio),
    ),
  );
  return [...quotes, ...claims, ...figures, ...people];
}

/**
 * One record per quote and figure, from the pipeline's annotation records, and the passages
 * that cite each claim (`:claim`, or a quote or figure with `claim=`), earliest article first.
 */
function passageRecords(articles: readonly PublishedArticle[], byId: SourcesById) {
  const quotes: SearchRecord[] = [];
  const figures: SearchRecord[] = [];
  const citations = new Map<string, Passage[]>();
  // The earliest article first: a claim's record points to where it was first reported.
  const byDate = [...articles].sort(
    (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path),
  );
  for (const article of byDate) {
    for (const annotation of inReadingOrder(article.annotations)) {
      const where = `${article.path}#${annotation.id}`;
      switch (annotation.kind) {
        case 'quote': {
          const speaker = knownPerson(byId, annotation.ref, where).name;
          // The speaker's name is searchable too ("trump deal"); the quote is the link text.
          const quote = passageRecord(
            article,
            annotation,
            'quote',
            `“${annotation.text}”`,
            `“${annotation.text}” — ${speaker}`,
            speaker,
          );
          quotes.push(annotation.response ? withResponse(quote, annotation.response, byId, where) : quote);
          break;
        }
        case 'figure':
          figures.push(figureRecord(article, annotation));
          break;
        case 'person':
          knownPerson(byId, annotation.ref, where);
          break;
        case 'claim':
          knownClaim(byId, annotation.ref, where);
          break;
      }
      if (annotation.claim) {
        const cited = citations.get(annotation.claim) ?? [];
        if (!cited.length) citations.set(annotation.claim, cited);
        cited.push({ article, annotation });
      }
    }
  }
  return { quotes, figures, citations };
}

/**
 * A quote that answers someone else's claim is found by that claim too ("disputes bike
 * lanes"): the stance, the claim's statement and its claimant join its words, and its meta
 * carries the claim (`responds_to`: the statement, `stance`: "Disputes").
 */
function withResponse(quote: SearchRecord, response: Response, byId: SourcesById, where: string): SearchRecord {
  const claim = knownClaim(byId, response.claim, where);
  const claimant = knownPerson(byId, claim.claimant, where).name;
  const stance = STANCES[response.stance].verb;
  return {
    ...quote,
    content: sentence(quote.content, `${stance} the claim`, claim.statement, claimant),
    meta: { ...quote.meta, responds_to: claim.statement, stance },
  };
}

/** A figure, found by its words, what it measures and its value as its card words it. */
function figureRecord(article: PublishedArticle, annotation: AnnotationRecord): SearchRecord {
  const { text, about, value, unit } = annotation;
  const valueText = value === undefined ? undefined : formatFigureValue(value, unit);
  // "Sunday" is also found as "October 26, 2025".
  const content = sentence(text, about, valueText !== text ? valueText : undefined);
  return passageRecord(article, annotation, 'figure', about ? `${text}: ${about}` : text, content);
}

/** A claim, at the first passage that states it, or else at its card. */
function claimRecord(claim: ManifestClaim, cited: readonly Passage[], byId: SourcesById): SearchRecord {
  const stated = cited.filter((p) => p.annotation.kind === 'claim');
  const speaker = knownPerson(byId, claim.claimant, rootUrls.claim(claim.id)).name;
  // Found by the words of every passage that states it, its neutral statement and claimant.
  const content = sentence(...new Set(stated.map((p) => p.annotation.text)), claim.statement, speaker, claim.context);
  const first = stated[0];
  if (first) return passageRecord(first.article, first.annotation, 'claim', claim.statement, content, speaker);
  // Cited only by a quote or a figure, or by no article yet: its card shows where.
  return record(SITE_LANGUAGE, rootUrls.claim(claim.id), 'claim', claim.statement, content, {
    speaker,
    article: cited[0]?.article.title,
  });
}

function knownPerson(byId: SourcesById, id: string, where: string): ManifestPerson {
  const person = byId.people.get(id);
  if (!person)
    throw new Error(`${where}: unknown person \`${id}\` (was the article rendered before content/people changed?)`);
  return person;
}

function knownClaim(byId: SourcesById, id: string, where: string): ManifestClaim {
  const claim = byId.claims.get(id);
  if (!claim)
    throw new Error(`${where}: unknown claim \`${id}\` (was the article rendered before content/claims changed?)`);
  return claim;
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
  annotation: AnnotationRecord,
  type: ResultType,
  title: string,
  content: string,
  speaker?: string,
): SearchRecord {
  return record(article.language, `${article.path}#${annotation.id}`, type, title, content, {
    speaker,
    article: article.title,
  });
}
