/**
 * The days a claim's status holds as of, and when a pending claim falls due. Every status is
 * shown with the day it holds as of, so a reader can tell a fresh status from a stale one.
 */
import type { ClaimStatus } from './schemas/claim';
import { formatDay, formatShortDay } from '../lib/format';

export interface ClaimDays {
  date: string;
  /** Set when the source does not say when the claim was made: the day it was reported. */
  reported?: string | undefined;
  status: ClaimStatus;
  statusUpdated?: string | undefined;
  /** The day a pending claim becomes checkable. */
  due?: string | undefined;
}

/** The day the current status was recorded: its latest change, else the day it was reported or made. */
function statusAsOf(claim: ClaimDays): string {
  return claim.statusUpdated ?? claim.reported ?? claim.date;
}

/** Whether a pending claim's `due` day has passed on `today` (both `YYYY-MM-DD`) and nobody rechecked it. */
export function isPastDue(claim: ClaimDays, today: string): boolean {
  return claim.status === 'pending' && claim.due !== undefined && claim.due < today;
}

/** What a late pending claim's status means instead of "About the future; cannot be checked yet." */
export const PAST_DUE_MEANING = 'Its day has passed; it can be checked now and has not been yet.';

/** One part of a status's dated line: words, or a day shown as a `<time>`. */
export type WhenPart = string | { day: string; text: string };

/**
 * What follows a status's name: "· as of Oct. 26, 2025", "· updated November 20, 2025" after
 * a change, "· as of Oct. 26, 2025 · due Nov. 1, 2025" while a pending claim waits, and
 * "· Due Nov. 1, 2025 — not yet rechecked" once that day has passed.
 */
export function statusWhen(claim: ClaimDays & { pastDue?: true | undefined }): WhenPart[] {
  if (claim.pastDue && claim.due) return ['· ', { day: claim.due, text: `Due ${formatShortDay(claim.due)}` }, ' — not yet rechecked'];
  const asOf = claim.statusUpdated
    ? ['· updated ', { day: claim.statusUpdated, text: formatDay(claim.statusUpdated) }]
    : ['· as of ', { day: statusAsOf(claim), text: formatShortDay(statusAsOf(claim)) }];
  const due = claim.status === 'pending' && claim.due ? [' · due ', { day: claim.due, text: formatShortDay(claim.due) }] : [];
  return [...asOf, ...due];
}

/** "October 26, 2025", or "reported October 26, 2025" when the source does not say when it was made. */
export function claimMadeOn(claim: Pick<ClaimDays, 'date' | 'reported'>): WhenPart[] {
  return claim.reported
    ? ['reported ', { day: claim.reported, text: formatDay(claim.reported) }, ' (when it was first said is not given)']
    : [{ day: claim.date, text: formatDay(claim.date) }];
}
