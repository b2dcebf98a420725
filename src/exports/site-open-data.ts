import { claimRow, correctionRows, dataLicence, quoteRow, type DataLicence, type DataRow } from './open-data';
import { splitByYear, type DataFile } from './data-split';
import { statusChanges, type ReviewedClaim, type StatusChangeItem } from './claim-feeds';
import { lastModified } from '../content/schemas/article';
import { siteRefs } from '../lib/site-refs';
import { passageIndex, renderedArticles } from '../collections/articles';
import { registryEntries } from '../collections/registry-entries';

interface OpenData {
  licence: DataLicence;
  files: DataFile[];
  reviewed: ReviewedClaim[];
  changes: StatusChangeItem[];
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
