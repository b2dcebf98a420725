import { STANCES, type AnnotationRecord, type Response } from '../annotations/kinds';
import type { ManifestClaim, ManifestPerson, SiteManifest } from '../collections/site-manifest';
import { formatFigureValue } from '../lib/format';
import { SITE_LANGUAGE } from '../lib/site-language';
import { siteUrls } from '../lib/urls';
import type { PublishedArticle } from './published-article';
import { FILTER, META, type PassageEntry, type RecordKind } from './search-schema';
import { WordPositions } from './word-ranges';

/**
 * A Pagefind custom record (`index.addCustomRecord`): an article with its passages, a person,
 * or a group of claims no article states.
 */
export interface SearchRecord {
  /** From the site root, without the base path: Pagefind adds it where its bundle is served. */
  url: string;
  /** The searchable words. */
  content: string;
  language: string;
  /** `title`, `record`, and for articles and claims records `date` and `passages` (see {@link META}). */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The people and claims annotations refer to: the content layer's manifest, or a part of it in tests. */
export type RecordSources = Pick<SiteManifest, 'people' | 'claims'>;

/** Claims no article states, per claims record: few records, each fragment a few kilobytes. */
export const CLAIMS_PER_RECORD = 50;

/** Site paths from the root, without the base path: that is how Pagefind wants record URLs. */
const rootUrls = siteUrls('/');

const sentence = (...parts: (string | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => part.trim())
    .join(' · ');

const inReadingOrder = (annotations: readonly AnnotationRecord[]) =>
  [...annotations].sort((a, b) => a.number - b.number);

/** Words a passage is found by or shown with, before they are placed in the record's content. */
interface PassageWords {
  s?: string;
  t?: string;
  x?: string;
}

/** A passage before its words are placed: its id and kind, its words, and their span in the article text. */
type PassageDraft = Pick<PassageEntry, 'i' | 'k'> & PassageWords & { span?: [number, number] };

/**
 * A record's content written piece by piece, remembering where each piece went (UTF-16
 * offsets), so passages can point at their words once the whole content is known.
 */
class ContentWriter {
  text = '';
  private readonly placed = new Map<string, [number, number]>();

  /** Appends a piece after `separator`; a piece already written is not written again. */
  add(piece: string, separator: string): [number, number] {
    const known = this.placed.get(piece);
    if (known) return known;
    if (this.text) this.text += separator;
    const span: [number, number] = [this.text.length, this.text.length + piece.length];
    this.text += piece;
    this.placed.set(piece, span);
    return span;
  }

  /** Word positions of the pieces of each passage, for its entry. */
  spans(words: WordPositions, pieces: PassageWords): Pick<PassageEntry, 's' | 't' | 'x'> {
    const entry: Pick<PassageEntry, 's' | 't' | 'x'> = {};
    for (const key of ['s', 't', 'x'] as const) {
      const span = pieces[key] === undefined ? undefined : this.placed.get(pieces[key]);
      const range = span && words.range(span[0], span[1]);
      if (range) entry[key] = range.words;
    }
    return entry;
  }
}

/**
 * Makes the search records of a site, one article at a time so an archive is never held in
 * memory: {@link article} for each published article, then {@link remaining} for the people
 * and the claims no article states. A claim stated in an article (`:claim`) is a passage of
 * that article; a quote or figure backing a claim does not state it.
 */
export class SearchRecords {
  private readonly people: ReadonlyMap<string, ManifestPerson>;
  private readonly claims: ReadonlyMap<string, ManifestClaim>;
  private readonly stated = new Set<string>();
  /** The earliest article citing each claim no passage has stated (yet): its card names it. */
  private readonly citedIn = new Map<string, { title: string; published: string }>();

  constructor(private readonly sources: RecordSources) {
    this.people = new Map(sources.people.map((person) => [person.id, person]));
    this.claims = new Map(sources.claims.map((claim) => [claim.id, claim]));
  }

  /**
   * One record per article: its title and text are the content, its quotes, figures and the
   * claims it states are `passages` (word positions in that content, speaker, statement), and
   * the words that find a passage without being in the text (the speaker's name, a figure's
   * value, a claim's statement) follow the text, so Pagefind finds the article by them too.
   */
  article(article: PublishedArticle): SearchRecord {
    const drafts = this.passages(article);
    const content = new ContentWriter();
    content.add(article.title, '');
    const [body] = content.add(article.text.text, '\n\n');
    let separator = '\n\n';
    for (const { s, t, x } of drafts) {
      for (const piece of [s, t, x]) {
        if (!piece) continue;
        content.add(piece, separator);
        separator = '\n';
      }
    }
    const words = new WordPositions(content.text);
    const passages: PassageEntry[] = [];
    for (const { span, i, k, ...pieces } of drafts) {
      const range = span && words.range(body + span[0], body + span[1]);
      if (range)
        passages.push({
          i,
          k,
          w: range.words,
          ...(range.cut ? { c: range.cut } : {}),
          ...content.spans(words, pieces),
        });
    }
    const speakers = [...new Set(drafts.map((draft) => draft.s).filter((name): name is string => !!name))];
    return this.record(article.path, content.text, 'article', article.title, article.language, {
      date: article.published,
      passages,
      speakers,
    });
  }

  /** The people, one record each, and the claims no article stated, {@link CLAIMS_PER_RECORD} to a record. */
  remaining(): SearchRecord[] {
    const people = this.sources.people.map((person) =>
      this.record(
        rootUrls.person(person.id),
        sentence(person.name, person.role, person.affiliation, person.country, ...person.aliases, person.bio),
        'person',
        person.name,
        SITE_LANGUAGE,
      ),
    );
    const unstated = this.sources.claims.filter((claim) => !this.stated.has(claim.id));
    const groups: SearchRecord[] = [];
    for (let start = 0; start < unstated.length; start += CLAIMS_PER_RECORD) {
      groups.push(this.claimsRecord(unstated.slice(start, start + CLAIMS_PER_RECORD), groups.length + 1));
    }
    return [...people, ...groups];
  }

  /** A claims record: each claim's statement, claimant and context, a passage linked to its card. */
  private claimsRecord(claims: readonly ManifestClaim[], number: number): SearchRecord {
    let content = '';
    const drafts: { claim: ManifestClaim; claimant: string; span: [number, number] }[] = [];
    for (const claim of claims) {
      const claimant = this.person(claim.claimant, rootUrls.claim(claim.id)).name;
      // "title · statement · claimant · context": the claimant's name follows the statement and a "·".
      const text = sentence(claim.title, claim.statement, claimant, claim.context);
      drafts.push({ claim, claimant, span: [content.length, content.length + text.length] });
      content += `${text}\n`;
    }
    const words = new WordPositions(content);
    const passages = drafts.flatMap(({ claim, claimant, span }): PassageEntry[] => {
      const range = words.range(span[0], span[1]);
      if (!range) return [];
      const article = this.citedIn.get(claim.id)?.title;
      const [first] = range.words;
      const title = new WordPositions(claim.title).count;
      const statement = new WordPositions(claim.statement).count;
      const name = new WordPositions(claimant).count;
      return [
        {
          i: claim.id,
          k: 'claim',
          w: range.words,
          s: [first + title + 1 + statement + 1, name],
          t: [first, title],
          u: rootUrls.claim(claim.id),
          ...(article ? { a: article } : {}),
        },
      ];
    });
    const speakers = [...new Set(drafts.map((draft) => draft.claimant))];
    return this.record(`${rootUrls.claims()}#claims-${number}`, content, 'claims', 'Claims', SITE_LANGUAGE, {
      passages,
      speakers,
    });
  }

  private record(
    url: string,
    content: string,
    kind: RecordKind,
    title: string,
    language: string,
    { date, passages, speakers = [] }: { date?: string; passages?: PassageEntry[]; speakers?: string[] } = {},
  ): SearchRecord {
    return {
      url,
      content,
      language,
      meta: {
        [META.title]: title,
        [META.record]: kind,
        ...(date ? { [META.date]: date } : {}),
        ...(passages ? { [META.passages]: JSON.stringify(passages) } : {}),
      },
      filters: {
        ...(kind === 'article' ? {} : { [FILTER.card]: [kind] }),
        ...(speakers.length ? { [FILTER.speaker]: speakers } : {}),
      },
    };
  }

  /** The article's quotes, figures and stated claims (each claim once), in reading order. */
  private passages(article: PublishedArticle): PassageDraft[] {
    const drafts: PassageDraft[] = [];
    const claimsHere = new Set<string>();
    for (const annotation of inReadingOrder(article.annotations)) {
      const where = `${article.path}#${annotation.id}`;
      const span = article.text.spans[annotation.id];
      if (annotation.claim) this.cite(annotation.claim, article);
      switch (annotation.kind) {
        case 'quote':
          drafts.push({ i: annotation.id, k: 'quote', span, ...this.quoteWords(annotation, where) });
          break;
        case 'figure':
          drafts.push({ i: annotation.id, k: 'figure', span, ...figureWords(annotation) });
          break;
        case 'person':
          this.person(annotation.ref, where);
          break;
        case 'claim': {
          const claim = this.claim(annotation.ref, where);
          this.stated.add(claim.id);
          if (claimsHere.has(claim.id)) break;
          claimsHere.add(claim.id);
          const claimant = this.person(claim.claimant, where).name;
          drafts.push({
            i: annotation.id,
            k: 'claim',
            span,
            s: claimant,
            t: claim.title,
            x: sentence(claim.statement, claim.context),
          });
          break;
        }
      }
    }
    return drafts;
  }

  /** The speaker, and for a quote answering someone else's claim: the stance, that claim and its claimant. */
  private quoteWords(annotation: AnnotationRecord, where: string): Pick<PassageWords, 's' | 'x'> {
    const speaker = this.person(annotation.ref, where).name;
    if (!annotation.response) return { s: speaker };
    return { s: speaker, x: this.responseWords(annotation.response, where) };
  }

  /** "Disputes the claim · Bike lanes cut crashes by half. · Tomás Lindqvist": found by the claim it answers. */
  private responseWords(response: Response, where: string): string {
    const claim = this.claim(response.claim, where);
    const claimant = this.person(claim.claimant, where).name;
    return sentence(`${STANCES[response.stance].verb} the claim`, claim.title, claimant);
  }

  /** Keeps the earliest article that cites a claim, for the card of a claim no passage states. */
  private cite(claimId: string, article: PublishedArticle): void {
    const published = article.published ?? '';
    const known = this.citedIn.get(claimId);
    if (!known || published < known.published) this.citedIn.set(claimId, { title: article.title, published });
  }

  private person(id: string, where: string): ManifestPerson {
    const person = this.people.get(id);
    if (!person)
      throw new Error(`${where}: unknown person \`${id}\` (was the article rendered before content/people changed?)`);
    return person;
  }

  private claim(id: string, where: string): ManifestClaim {
    const claim = this.claims.get(id);
    if (!claim)
      throw new Error(`${where}: unknown claim \`${id}\` (was the article rendered before content/claims changed?)`);
    return claim;
  }
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value?.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/** What a figure measures, and its value as its card words it when that differs from the text ("Sunday": "October 26, 2025"). */
function figureWords({ text, about, value, unit }: AnnotationRecord): Pick<PassageWords, 't' | 'x'> {
  const valueText = value === undefined ? undefined : formatFigureValue(value, unit);
  return { ...optional('t', about), ...optional('x', valueText !== text ? valueText : undefined) };
}

/** Every record of a site at once: for tests and small sites; the build streams {@link SearchRecords} instead. */
export function searchRecords(articles: Iterable<PublishedArticle>, sources: RecordSources): SearchRecord[] {
  const records = new SearchRecords(sources);
  const made = [...articles].map((article) => records.article(article));
  return [...made, ...records.remaining()];
}
