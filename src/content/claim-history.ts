/**
 * Where a claim stands over time. A claim file records the status as first recorded and
 * later changes in `history`; everything that shows a status reads the parsed claim, whose
 * `status` is the current one, so the file stays the one source of truth.
 */
import type { ClaimFile, ClaimStatus, StatusChange } from './schemas/claim';

/** One step of a claim's status: the first (dated with the claim, no note) or a change. */
export interface StatusEntry {
  date: string;
  status: ClaimStatus;
  /** Why it changed, in the editor's words; absent on the first entry. */
  note?: string;
  sources: StatusChange['sources'];
}

interface StatusHistory {
  /** The current status: that of the latest change, or the first one when nothing changed. */
  status: ClaimStatus;
  /** The first status, then each change, oldest first. */
  statusHistory: StatusEntry[];
  /** Day of the latest change, when there is one. */
  statusUpdated?: string;
}

/**
 * The parsed claim: the file's fields, with `status` the current status, the whole
 * `statusHistory`, and `statusUpdated` when the status ever changed.
 */
export function withStatusHistory<T extends Pick<ClaimFile, 'date' | 'status' | 'history'>>(claim: T): Omit<T, 'status'> & StatusHistory {
  const first: StatusEntry = { date: claim.date, status: claim.status, sources: [] };
  const statusHistory = [first, ...claim.history];
  const latest = claim.history.at(-1);
  return {
    ...claim,
    status: latest?.status ?? claim.status,
    statusHistory,
    ...(latest ? { statusUpdated: latest.date } : {}),
  };
}

/** Whether the claim's status changed after it was first recorded. */
export function hasStatusChanges(claim: Pick<StatusHistory, 'statusHistory'>): boolean {
  return claim.statusHistory.length > 1;
}
