import { Buffer } from 'node:buffer';
import {
  claimRow,
  columnsOf,
  correctionRows,
  dataLicence,
  quoteRow,
  type DataLicence,
  type DataRow,
} from '../exports/open-data';
import { toCsv } from '../exports/csv';
import { statusChanges, type ReviewedClaim, type StatusChangeItem } from '../exports/claim-feeds';
import { lastModified } from '../content/schemas/article';
import { siteRefs } from '../lib/site-refs';
import type { DatasetName } from '../lib/words/data';
import { passageIndex, renderedArticles } from './articles';
import { registryEntries } from './registry-entries';

/** Most bytes a data file may hold: under the 10 MB a spreadsheet import or a host allows, with room. */
export const DATA_FILE_LIMIT = 8 * 1024 * 1024;
/** Status changes per page of the JSON Feed. */
export const FEED_PAGE_SIZE = 1000;

/** One file of a dataset: its rows of one year, or a part of them. */
export interface DataFile {
  dataset: DatasetName;
  /** `2025`, or `2025-2` for a year's second part. */
  name: string;
  year: string;
  rows: DataRow[];
}

export interface OpenData {
  licence: DataLicence;
  files: DataFile[];
  reviewed: ReviewedClaim[];
  changes: StatusChangeItem[];
}

/** A row's size in the larger of its two formats (a CSV field doubles the quotes of JSON lists). */
function rowBytes(dataset: DatasetName, row: DataRow): number {
  return Math.max(Buffer.byteLength(JSON.stringify(row)), Buffer.byteLength(toCsv(columnsOf(dataset), [row])));
}

/** Rows by year, each year cut into parts of at most DATA_FILE_LIMIT bytes. */
export function splitByYear(
  dataset: DatasetName,
  rows: DataRow[],
  yearOf: (row: DataRow) => string,
  limit = DATA_FILE_LIMIT,
): DataFile[] {
  const years = new Map<string, DataRow[]>();
  for (const row of rows) {
    const year = yearOf(row);
    const list = years.get(year);
    if (list) list.push(row);
    else years.set(year, [row]);
  }
  const files: DataFile[] = [];
  for (const year of [...years.keys()].sort()) {
    let part: DataRow[] = [];
    let bytes = 0;
    const flush = () => {
      const index = files.filter((file) => file.dataset === dataset && file.year === year).length;
      files.push({ dataset, year, name: index ? `${year}-${index + 1}` : year, rows: part });
      part = [];
      bytes = 0;
    };
    for (const row of years.get(year)!) {
      const size = rowBytes(dataset, row) + 2048;
      if (part.length && bytes + size > limit) flush();
      part.push(row);
      bytes += size;
    }
    flush();
  }
  return files;
}

const yearOfDay = (key: string) => (row: DataRow) => String(row[key]).slice(0, 4);

let cached: Promise<OpenData> | undefined;

/** Everything `/data/` publishes, from the pipeline's records, computed once per build. */
export function openData(): Promise<OpenData> {
  cached ??= (async () => {
    const licence = dataLicence(process.env.SITE_DATA_LICENSE);
    const { claims, peopleById } = await registryEntries();
    const index = await passageIndex();
    const articles = (await renderedArticles()).map(({ entry }) => entry);
    const withClaimant = claims.map((claim) => ({ claim, claimant: peopleById.get(claim.data.claimant)! }));
    const claimRows = withClaimant.map(({ claim, claimant }) =>
      claimRow(siteRefs, licence, {
        claim,
        claimant,
        passages: index.byClaim.get(claim.id) ?? [],
        responses: index.responsesByClaim.get(claim.id) ?? [],
        people: peopleById,
      }),
    );
    const quoteRows = index.quotes.map((passage) => quoteRow(siteRefs, licence, passage, peopleById));
    const corrections = articles.flatMap((article) => correctionRows(siteRefs, licence, article));
    const files = [
      ...splitByYear('claims', claimRows, yearOfDay('date')),
      ...splitByYear('quotes', quoteRows, yearOfDay('article_published')),
      ...splitByYear('corrections', corrections, yearOfDay('date')),
    ];
    const reviewed = withClaimant.map(({ claim, claimant }) => {
      const first = index.byClaim.get(claim.id)?.[0]?.article.data;
      return { claim, claimant, firstReview: first ? (lastModified(first) ?? first.published) : claim.data.date };
    });
    return { licence, files, reviewed, changes: statusChanges(withClaimant) };
  })();
  return cached;
}
