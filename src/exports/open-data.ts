/**
 * The open data of `/data/`: one row per claim, quote and correction, with the same facts the
 * pages show, for data desks and other software. Pure: the data pages pass in the pipeline's
 * records (claims, people, the passages of the rendered articles) and get rows, which
 * `toCsv` and JSON.stringify publish. Column names and meanings are `DATA_COLUMNS`.
 */
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';
import { CLAIM_STATUSES, type ArticleData, type ClaimData, type PersonData } from '../content/schemas';
import { absoluteUrl, type SiteRefs } from '../lib/urls';
import { DATA_COLUMNS, type DatasetName } from '../lib/words/data';
import type { CsvValue } from './csv';
import { passageHref } from './passage-links';
import type { Entry } from './structured-data';

export type DataRow = Record<string, CsvValue>;

/** A passage of a rendered article, as the collections give it. */
interface DataPassage {
  article: Entry<ArticleData>;
  annotation: AnnotationRecord;
  text: ArticleText;
}

/** `CC BY 4.0`, with the deed's address: every file and every CSV row names it. */
export interface DataLicence {
  name: string;
  url: string;
}

const LICENCES: Record<string, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0 1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL 1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/**
 * The data licence from `SITE_DATA_LICENSE`: a name the site knows (`CC BY 4.0`, `CC BY-SA 4.0`,
 * `CC0 1.0`, `ODbL 1.0`), or `Name <https://…>` for any other; CC BY 4.0 when unset.
 */
export function dataLicence(setting: string | undefined): DataLicence {
  const text = setting?.trim() || 'CC BY 4.0';
  const custom = /^(.+?)\s*<(https?:\/\/[^>\s]+)>$/.exec(text);
  if (custom) return { name: custom[1]!, url: custom[2]! };
  const url = LICENCES[text];
  if (!url) {
    throw new Error(
      `SITE_DATA_LICENSE="${text}" is not a licence the site knows; use one of ${Object.keys(LICENCES).join(', ')}, or write it as "Name <https://licence-url>"`,
    );
  }
  return { name: text, url };
}

const licenceCell = (licence: DataLicence) => `${licence.name} ${licence.url}`;
const abs = (refs: SiteRefs, path: string) => absoluteUrl(refs.site, path);

const passageUrl = (refs: SiteRefs, { article, annotation, text }: DataPassage) =>
  abs(refs, passageHref(refs.urls, article, text, annotation));

interface ClaimDataInput {
  claim: Entry<ClaimData>;
  claimant: Entry<PersonData>;
  /** Passages that state or back the claim. */
  passages: DataPassage[];
  /** Quotes by others that answer it. */
  responses: DataPassage[];
  people: ReadonlyMap<string, Entry<PersonData>>;
}

export function claimRow(refs: SiteRefs, licence: DataLicence, input: ClaimDataInput): DataRow {
  const { claim, claimant, passages, responses, people } = input;
  const data = claim.data;
  const inArticles = [...new Map(passages.map((p) => [p.article.id, p])).values()].map((p) => ({
    date: p.article.data.published,
    source: p.article.data.title,
    url: passageUrl(refs, p),
  }));
  return {
    id: claim.id,
    title: data.title,
    statement: data.statement,
    claimant_id: claimant.id,
    claimant_name: claimant.data.name,
    date: data.date,
    source: data.source,
    quote: data.quote ?? '',
    status: data.status,
    status_label: CLAIM_STATUSES[data.status].label,
    status_date: data.statusUpdated ?? data.date,
    is_verdict: CLAIM_STATUSES[data.status].verdict,
    status_history: data.statusHistory.map(({ date, status, note, sources }) => ({
      date,
      status,
      note: note ?? '',
      sources,
    })),
    sources: data.sources,
    appearances: [
      ...inArticles,
      ...data.appearances.map((a) => ({ date: a.date, source: a.source, url: a.url ?? '' })),
    ],
    responses: responses.map((r) => ({
      speaker: people.get(r.annotation.person ?? '')?.data.name ?? r.annotation.person,
      stance: r.annotation.response!.stance,
      words: r.annotation.text,
      url: passageUrl(refs, r),
    })),
    url: abs(refs, refs.urls.claim(claim.id)),
    embed_url: abs(refs, refs.urls.claimEmbed(claim.id)),
    license: licenceCell(licence),
  };
}

export function quoteRow(
  refs: SiteRefs,
  licence: DataLicence,
  passage: DataPassage,
  people: ReadonlyMap<string, Entry<PersonData>>,
): DataRow {
  const { article, annotation } = passage;
  const claimId = annotation.claim ?? annotation.response?.claim ?? '';
  const stance = annotation.claim ? 'states' : (annotation.response?.stance ?? '');
  return {
    id: annotation.id,
    words: annotation.text,
    speaker_id: annotation.person ?? '',
    speaker_name: people.get(annotation.person ?? '')?.data.name ?? '',
    article_slug: article.id,
    article_title: article.data.title,
    article_published: article.data.published,
    article_url: abs(refs, refs.urls.article(article.id)),
    passage_url: passageUrl(refs, passage),
    claim_id: claimId,
    stance,
    license: licenceCell(licence),
  };
}

/** One row per correction and update, in the article's order (oldest first). */
export function correctionRows(refs: SiteRefs, licence: DataLicence, article: Entry<ArticleData>): DataRow[] {
  const row = (kind: 'correction' | 'update', { date, text }: { date: string; text: string }) => ({
    article_slug: article.id,
    article_title: article.data.title,
    article_url: abs(refs, refs.urls.article(article.id)),
    kind,
    date,
    text,
    license: licenceCell(licence),
  });
  return [
    ...article.data.corrections.map((entry) => row('correction', entry)),
    ...article.data.updates.map((entry) => row('update', entry)),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export const columnsOf = (dataset: DatasetName) => Object.keys(DATA_COLUMNS[dataset]);

/** Rows a JSON file holds, with the licence and where the data comes from. */
export function dataJson(refs: SiteRefs, licence: DataLicence, dataset: DatasetName, rows: DataRow[]) {
  return {
    license: licence.name,
    license_url: licence.url,
    publisher: { name: refs.siteName, url: abs(refs, refs.urls.home()) },
    documentation: abs(refs, refs.urls.data()),
    dataset,
    count: rows.length,
    items: rows,
  };
}
