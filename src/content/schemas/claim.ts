import { z } from 'astro/zod';
import { entityId, httpUrl, isoDay, lineText, paragraphText } from './fields';
import { latestPublishableDay } from './article';
import { withStatusHistory } from '../claim-history';
import { claimTitle } from '../claim-title';
import { isPastDue } from '../claim-dates';
import { buildDay } from '../../lib/today';

/**
 * What a claim card says about a claim. Only `supported`, `disputed` and `false` are
 * verdicts; every card shows the meaning of its status.
 */
export const CLAIM_STATUSES = {
  stated: {
    label: 'Stated',
    meaning: 'Said on the record, not independently checked.',
    verdict: false,
  },
  pending: {
    label: 'Pending',
    meaning: 'About the future; cannot be checked yet.',
    verdict: false,
  },
  supported: {
    label: 'Supported',
    meaning: 'The evidence cited on this card backs it.',
    verdict: true,
  },
  disputed: {
    label: 'Disputed',
    meaning: 'Contested; both sides are cited on this card.',
    verdict: true,
  },
  false: {
    label: 'False',
    meaning: 'Contradicted by the evidence cited on this card.',
    verdict: true,
  },
} as const;

export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export const claimStatusNames = Object.keys(CLAIM_STATUSES) as [ClaimStatus, ...ClaimStatus[]];

/**
 * A claim's status. YAML reads an unquoted `status: false` as the boolean `false`, which is
 * what the author meant by the status `false`, so it is read as that status. `true` names
 * no status and is refused with a message that says which words to write.
 */
const claimStatus = z.preprocess((value, ctx) => {
  if (value === false) return 'false';
  if (value === true) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      params: { rule: 'boolean-status' },
      fatal: true,
      message: `\`true\` is not a status: write one of the statuses in quotes, ${claimStatusNames.map((name) => `\`"${name}"\``).join(', ')}`,
    });
    return z.NEVER;
  }
  return value;
}, z.enum(claimStatusNames));

export const sourceSchema = z
  .object({
    title: lineText,
    /** http(s) only: a `javascript:` or `data:` link is refused at build time. */
    url: httpUrl,
  })
  .strict();

/**
 * A later change of a claim's status, oldest first in `history`: the day, the new status,
 * the editor's reason and, for a verdict, the evidence.
 */
export const statusChangeSchema = z
  .object({
    /** Day the status changed, `YYYY-MM-DD`. */
    date: isoDay,
    status: claimStatus,
    /** Why it changed, in the editor's words. */
    note: paragraphText,
    /** The evidence; a verdict (supported, disputed, false) needs at least one. */
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

/** Another time the claimant made the same claim, oldest first in `appearances`. */
export const appearanceSchema = z
  .object({
    /** Day it was said again, `YYYY-MM-DD`. */
    date: isoDay,
    /** Where, e.g. "Interview on CNBC". */
    source: lineText,
    /** http(s) only. */
    url: httpUrl.optional(),
  })
  .strict();

/** The fields a claim file may hold, as written. */
export const claimFileSchema = z
  .object({
    /**
     * The claim's short name, unique on the site, e.g. "Framework avoids the 100% tariffs".
     * Optional: without it the title is made from the statement (see `claim-title.ts`).
     */
    title: lineText.optional(),
    /** The claim in neutral words. */
    statement: paragraphText,
    /** Person id (a file name in content/people). */
    claimant: entityId,
    /** When the claim was made, `YYYY-MM-DD`. */
    date: isoDay,
    /**
     * The day an article reported the claim, when the source does not say when it was made
     * (`date` is then the latest day it can have been made). Cards then say "reported on …"
     * rather than presenting that day as the day it was made.
     */
    reported: isoDay.optional(),
    /** A pending claim's day of reckoning, `YYYY-MM-DD`: from then on it can be checked. */
    due: isoDay.optional(),
    /** Where or how it was made, e.g. "Interview with NBC's Meet the Press". */
    source: lineText,
    /**
     * The status as first recorded, on the claim's `date`. Later changes go in `history`;
     * the parsed claim's `status` is the current one.
     */
    status: claimStatus,
    /** The claimant's words, verbatim as they appear in every article that cites the claim. */
    quote: paragraphText.optional(),
    /** A paragraph of background. */
    context: paragraphText.optional(),
    sources: z.array(sourceSchema).default([]),
    /** Dated status changes after the first, oldest first. */
    history: z.array(statusChangeSchema).default([]),
    /** Other times the same claim was made, oldest first. */
    appearances: z.array(appearanceSchema).default([]),
  })
  .strict();

export type ClaimFile = z.output<typeof claimFileSchema>;
export type StatusChange = z.output<typeof statusChangeSchema>;
export type Appearance = z.output<typeof appearanceSchema>;

/**
 * `content/claims/<id>.yaml`: one claim, its claimant and where it stands. Parsing checks
 * the dates of `history` and `appearances` and gives every consumer the claim's `title`
 * (its own or one made from the statement), the current status as `status`, the whole
 * `statusHistory` and the day of the latest change, `statusUpdated`.
 */
export const claimSchema = claimFileSchema
  .superRefine((data, ctx) => checkClaimDates(data, ctx, latestPublishableDay()))
  .transform((claim) => withDerived(claim, buildDay()));

/**
 * The parsed claim's derived fields: its title, its status over time, and `pastDue` when it
 * is still pending after its `due` day (measured against the build day, so the rendered
 * cards change — and the render cache renders them again — on the day it falls due).
 */
function withDerived(claim: ClaimFile, today: string) {
  const parsed: ReturnType<typeof withStatusHistory<ClaimFile>> & { title: string; pastDue?: true } = {
    ...withStatusHistory(claim),
    title: claimTitle(claim),
  };
  if (isPastDue(parsed, today)) parsed.pastDue = true;
  return parsed;
}

export type ClaimData = z.output<typeof claimSchema>;

/**
 * A claim as parsed, validated again as it is: the content collection receives claims the
 * content check has already read, so it checks their shape without deriving anything twice.
 */
export const parsedClaimSchema = claimFileSchema.extend({
  title: lineText,
  pastDue: z.literal(true).optional(),
  statusHistory: z.array(statusEntrySchema()).min(1),
  statusUpdated: isoDay.optional(),
});

/** One entry of `statusHistory`: the first status (no note) or a change. */
function statusEntrySchema() {
  return statusChangeSchema.extend({ note: paragraphText.optional() });
}

const issue = (ctx: z.RefinementCtx, path: (string | number)[], message: string, rule: string, hint: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message, params: { rule, hint } });

/**
 * Status changes and appearances lie between the claim's day and today (UTC+14, as for
 * corrections), each list oldest first, and a change to a verdict cites its evidence.
 */
export function checkClaimDates(data: Pick<ClaimFile, 'date' | 'history' | 'appearances'>, ctx: z.RefinementCtx, today: string): void {
  checkDatedList(data.history, { list: 'history', noun: 'status change', rule: 'claim-history', claimDate: data.date, today }, ctx);
  checkDatedList(data.appearances, { list: 'appearances', noun: 'appearance', rule: 'claim-appearance', claimDate: data.date, today }, ctx);
  data.history.forEach((change, index) => {
    if (CLAIM_STATUSES[change.status].verdict && change.sources.length === 0) {
      issue(ctx, ['history', index, 'status'], `the verdict \`${change.status}\` on ${change.date} cites no sources`, 'claim-verdict-without-source', 'add `sources:` with the title and http(s) link of the evidence under this entry, or record a status that is not a verdict (`stated`, `pending`)');
    }
  });
}

interface DatedListRules {
  list: 'history' | 'appearances';
  noun: string;
  /** Rule id prefix: `<rule>-out-of-order`, `-before-claim`, `-in-future`. */
  rule: string;
  claimDate: string;
  today: string;
}

function checkDatedList(entries: readonly { date: string }[], { list, noun, rule, claimDate, today }: DatedListRules, ctx: z.RefinementCtx): void {
  entries.forEach(({ date }, index) => {
    const path = [list, index, 'date'];
    if (date < claimDate) {
      issue(ctx, path, `${noun} date ${date} is before the claim's \`date\` (${claimDate})`, `${rule}-before-claim`, `give a day on or after ${claimDate}, when the claim was first made`);
    } else if (date > today) {
      issue(ctx, path, `${noun} date ${date} is in the future`, `${rule}-in-future`, `give the day it happened, ${today} at the latest (today in the time zone furthest ahead, UTC+14)`);
    }
    const previous = entries[index - 1];
    if (previous && date < previous.date) {
      issue(ctx, path, `${noun} date ${date} is earlier than the entry above it (${previous.date}); list ${list} oldest first`, `${rule}-out-of-order`, `move this entry up, or add each new entry at the end of \`${list}\``);
    }
  });
}
