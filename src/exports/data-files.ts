/**
 * Every file of `/data/`, by its path under `data/`, and what it holds: the datasets as JSON
 * and CSV per year (and part), the ClaimReview feed per year, the JSON Feed of status changes
 * in pages, and an index of all of them. Pure: built from what `openData()` collected.
 */
import { CLAIM_STATUSES } from '../content/schemas';
import type { SiteRefs } from '../lib/urls';
import { absoluteUrl } from '../lib/urls';
import { DATA_WORDS } from '../lib/words/data';
import { claimSearchFeed, statusChangeFeed, type ReviewedClaim, type StatusChangeItem } from './claim-feeds';
import { toCsv } from './csv';
import { columnsOf, dataJson, type DataLicence, type DataRow } from './open-data';
import type { DatasetName } from '../lib/words/data';

interface DataFileInput {
  dataset: DatasetName;
  name: string;
  year: string;
  rows: DataRow[];
}

interface DataCollection {
  licence: DataLicence;
  files: DataFileInput[];
  reviewed: ReviewedClaim[];
  changes: StatusChangeItem[];
}

/** One entry of `/data/index.json` and of the `/data/` page's table. */
interface DataIndexEntry {
  dataset: DatasetName | 'claimreview' | 'status-changes';
  year?: string;
  format: 'json' | 'csv';
  rows: number;
  /** Path under `data/`. */
  path: string;
}

/** ClaimReview claims per file: about 5 MB at the most. */
const REVIEWS_PER_FILE = 10_000;
/** Status changes per page of the JSON Feed. */
const CHANGES_PER_PAGE = 1000;

const chunk = <T>(items: T[], size: number): T[][] =>
  items.length
    ? Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
    : [[]];

function reviewFiles(reviewed: ReviewedClaim[]): { name: string; year: string; claims: ReviewedClaim[] }[] {
  const years = [...new Set(reviewed.map((r) => r.claim.data.date.slice(0, 4)))].sort();
  return years.flatMap((year) =>
    chunk(
      reviewed.filter((r) => r.claim.data.date.startsWith(year)),
      REVIEWS_PER_FILE,
    ).map((claims, part) => ({ name: part ? `${year}-${part + 1}` : year, year, claims })),
  );
}

const feedPath = (page: number) => (page ? `status-changes-${page + 1}.json` : 'status-changes.json');

/** Every file's path under `data/` and its body. */
export function dataFiles(refs: SiteRefs, data: DataCollection): Map<string, string> {
  const { licence } = data;
  const out = new Map<string, string>();
  const index: DataIndexEntry[] = [];
  for (const file of data.files) {
    const json = `${file.dataset}/${file.name}.json`;
    const csv = `${file.dataset}/${file.name}.csv`;
    out.set(json, JSON.stringify(dataJson(refs, licence, file.dataset, file.rows)));
    out.set(csv, toCsv(columnsOf(file.dataset), file.rows));
    index.push({ dataset: file.dataset, year: file.year, format: 'json', rows: file.rows.length, path: json });
    index.push({ dataset: file.dataset, year: file.year, format: 'csv', rows: file.rows.length, path: csv });
  }
  const verdicts = data.reviewed.filter((r) => CLAIM_STATUSES[r.claim.data.status].verdict);
  for (const file of reviewFiles(verdicts)) {
    const body = claimSearchFeed(refs, licence, file.claims);
    const path = `claimreview/${file.name}.json`;
    out.set(path, JSON.stringify(body));
    index.push({ dataset: 'claimreview', year: file.year, format: 'json', rows: body.claims.length, path });
  }
  const pages = chunk(data.changes, CHANGES_PER_PAGE);
  const dataUrl = (path: string) => absoluteUrl(refs.site, refs.urls.data(path));
  pages.forEach((items, page) => {
    const next = page + 1 < pages.length ? dataUrl(feedPath(page + 1)) : undefined;
    const feed = statusChangeFeed(
      refs,
      licence,
      { items, url: dataUrl(feedPath(page)), next },
      {
        title: DATA_WORDS.statusFeedTitle,
        description: DATA_WORDS.statusFeedDescription,
        claimBy: DATA_WORDS.claimBy,
      },
    );
    out.set(feedPath(page), JSON.stringify(feed));
    index.push({ dataset: 'status-changes', format: 'json', rows: items.length, path: feedPath(page) });
  });
  const files = index.map((entry) => ({ ...entry, url: dataUrl(entry.path) }));
  out.set(
    'index.json',
    JSON.stringify({ license: licence.name, license_url: licence.url, documentation: dataUrl(''), files }),
  );
  return out;
}

/** The index entries, for the `/data/` page. */
export function dataIndex(files: Map<string, string>): DataIndexEntry[] {
  return (JSON.parse(files.get('index.json')!) as { files: DataIndexEntry[] }).files;
}
