import { z } from 'astro/zod';
import { entityId, httpUrl, isoDay, lineText, paragraphText } from './fields';

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
export const claimStatus = z.preprocess((value, ctx) => {
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

/** `content/claims/<id>.yaml`: one claim, its claimant and where it stands. */
export const claimSchema = z
  .object({
    /** The claim in neutral words. */
    statement: paragraphText,
    /** Person id (a file name in content/people). */
    claimant: entityId,
    /** When the claim was made, `YYYY-MM-DD`. */
    date: isoDay,
    /** Where or how it was made, e.g. "Interview with NBC's Meet the Press". */
    source: lineText,
    status: claimStatus,
    /** The claimant's words, verbatim as they appear in every article that cites the claim. */
    quote: paragraphText.optional(),
    /** A paragraph of background. */
    context: paragraphText.optional(),
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

export type ClaimData = z.output<typeof claimSchema>;
