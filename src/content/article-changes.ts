/**
 * An article's corrections and updates as readers see them: one list, newest first, each
 * entry named in words, and the correction that heads the article.
 */
import type { ArticleData, ChangeEntry } from './schemas/article';

export { lastModified } from './schemas/article';

type ChangeKind = 'correction' | 'update';

export interface ArticleChange extends ChangeEntry {
  kind: ChangeKind;
}

/** What each kind is called on the page and in the feed. */
export const CHANGE_LABELS: Record<ChangeKind, string> = { correction: 'Correction', update: 'Update' };

/** Id of the article's "Corrections and updates" section, the target of every link to it. */
export const CHANGES_SECTION_ID = 'corrections-and-updates';

type Changes = Pick<ArticleData, 'corrections' | 'updates'>;

/** Every correction and update, newest first; on the same day, the one listed later first. */
export function changesNewestFirst({ corrections, updates }: Changes): ArticleChange[] {
  const all = [
    ...corrections.map((entry) => ({ ...entry, kind: 'correction' as const })),
    ...updates.map((entry) => ({ ...entry, kind: 'update' as const })),
  ];
  return all
    .map((change, order) => ({ change, order }))
    .sort((a, b) => b.change.date.localeCompare(a.change.date) || b.order - a.order)
    .map(({ change }) => change);
}

/** The entry with the latest day; of several on that day, the one listed last. */
export function latestEntry(entries: readonly ChangeEntry[]): ChangeEntry | undefined {
  return entries.reduce<ChangeEntry | undefined>((latest, entry) => (latest && latest.date > entry.date ? latest : entry), undefined);
}

/** The correction shown under the headline: the latest one. */
export function latestCorrection({ corrections }: Changes): ChangeEntry | undefined {
  return latestEntry(corrections);
}

/** One correction with the article it corrects, for the site-wide list. */
export interface ArticleCorrection {
  article: { id: string; data: Pick<ArticleData, 'title'> };
  correction: ChangeEntry;
}

/**
 * Every correction of every article, newest first; on the same day, in the order the
 * articles come (newest article first), then the later-listed correction first.
 */
export function allCorrectionsNewestFirst(articles: { id: string; data: ArticleData }[]): ArticleCorrection[] {
  const all = articles.flatMap((article) => [...article.data.corrections].reverse().map((correction) => ({ article, correction })));
  // Array.prototype.sort is stable: ties keep the order built above.
  return all.sort((a, b) => b.correction.date.localeCompare(a.correction.date));
}
