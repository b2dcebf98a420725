import type { ClaimData, PersonData } from '../content/schemas';
import type { PublishedAnnotation, PublishedArticle } from './published-article';
import { FILTER, type ResultType } from './search-schema';

/** A Pagefind custom record (`index.addCustomRecord`), one per annotated passage. */
export interface SearchRecord {
  /** From the site root, without the base path: Pagefind adds it where its bundle is served. */
  url: string;
  /** The searchable words. */
  content: string;
  language: string;
  /** Shown with the result: `title` (link text), `speaker`, `article`, `excerpt` (plain context). */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The people and claims annotations refer to (the registry, or a part of it in tests). */
export interface RecordSources {
  people: ReadonlyMap<string, { data: Pick<PersonData, 'name' | 'role' | 'aliases'> }>;
  claims: ReadonlyMap<string, { data: Pick<ClaimData, 'statement' | 'claimant'> }>;
}

const sentence = (...parts: (string | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => part.trim())
    .join(' · ');

/**
 * One record per quote, claim and figure of every article, and one per person and article
 * (at the first mention: later mentions would only repeat it), each pointing at its passage
 * `/articles/<slug>/#<annotation id>`. Card pages are indexed from their own HTML.
 */
export function searchRecords(articles: readonly PublishedArticle[], sources: RecordSources): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const article of articles) {
    const seenPeople = new Set<string>();
    for (const annotation of article.annotations) {
      if (annotation.kind === 'person') {
        if (seenPeople.has(annotation.ref)) continue;
        seenPeople.add(annotation.ref);
      }
      records.push(recordFor(article, annotation, sources));
    }
  }
  return records;
}

function recordFor(article: PublishedArticle, annotation: PublishedAnnotation, sources: RecordSources): SearchRecord {
  const where = `${article.path}#${annotation.id}`;
  const person = (id: string) => {
    const entry = sources.people.get(id);
    if (!entry) throw new Error(`${where}: unknown person \`${id}\` (is the built page older than content/people?)`);
    return entry.data;
  };
  const claim = (id: string) => {
    const entry = sources.claims.get(id);
    if (!entry) throw new Error(`${where}: unknown claim \`${id}\` (is the built page older than content/claims?)`);
    return entry.data;
  };
  const record = (type: ResultType, title: string, content: string, speaker?: string): SearchRecord => ({
    url: where,
    content,
    language: article.language,
    meta: {
      title,
      article: article.title,
      ...(speaker ? { speaker } : {}),
      ...(annotation.context ? { excerpt: annotation.context } : {}),
    },
    filters: {
      [FILTER.type]: [type],
      [FILTER.article]: [article.title],
      ...(speaker ? { [FILTER.speaker]: [speaker] } : {}),
    },
  });

  switch (annotation.kind) {
    case 'quote': {
      const speaker = person(annotation.ref).name;
      // The speaker's name is searchable too ("trump deal"); the quote is the link text.
      return record('quote', `“${annotation.text}”`, `“${annotation.text}” — ${speaker}`, speaker);
    }
    case 'claim': {
      const { statement, claimant } = claim(annotation.ref);
      const speaker = person(claimant).name;
      return record('claim', statement, sentence(annotation.text, statement, speaker), speaker);
    }
    case 'figure': {
      const { text, about, valueText } = annotation;
      const title = about ? `${text}: ${about}` : text;
      // "Sunday" is also found as "October 26, 2025".
      return record('figure', title, sentence(text, about, valueText !== text ? valueText : undefined));
    }
    case 'person': {
      const { name, role, aliases } = person(annotation.ref);
      return record('person', name, sentence(name, role, ...aliases));
    }
  }
}
