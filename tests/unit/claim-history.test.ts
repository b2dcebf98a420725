import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { hasStatusChanges } from '../../src/content/claim-history';
import { checkClaimDates, claimFileSchema, claimSchema, parsedClaimSchema } from '../../src/content/schemas/claim';
import { describeCaseWording } from '../helpers/hostile';

/**
 * The hostile cases about claim histories and appearances: each fixture lists its rule id and
 * place; the words an author reads are checked here, one case per rule.
 */
const MESSAGES: Record<string, string> = {
  'claim-history-out-of-order':
    'status change date 2026-07-01 is earlier than the entry above it (2026-09-30); list history oldest first',
  'claim-history-before-claim': "status change date 2026-04-30 is before the claim's `date` (2026-05-04)",
  'claim-history-in-future': 'status change date 2999-01-01 is in the future',
  'claim-verdict-without-source': 'the verdict `false` on 2026-09-30 cites no sources',
  'claim-appearance-out-of-order':
    'appearance date 2026-05-20 is earlier than the entry above it (2026-06-12); list appearances oldest first',
  'claim-appearance-before-claim': "appearance date 2026-04-01 is before the claim's `date` (2026-05-04)",
  'claim-appearance-in-future': 'appearance date 2999-01-01 is in the future',
};
describeCaseWording(
  'status changes and appearances in a claim file are checked with their place and rule',
  MESSAGES,
  (file) => file.startsWith('claims/'),
);

const claim = {
  statement: 'The channel reopens by autumn.',
  claimant: 'nora-vance',
  date: '2026-05-04',
  source: 'Remarks',
  status: 'pending',
};
const evidence = [{ title: 'Port notice', url: 'https://example.org/notice' }];
const change = (date: string, status: string, sources: unknown[] = evidence) => ({
  date,
  status,
  note: 'New facts.',
  sources,
});

/** Issues of the date checks alone, against a fixed "today". */
function dateIssues(data: Record<string, unknown>, today = '2026-12-01') {
  const parsed = claimFileSchema.parse({ ...claim, ...data });
  const issues: { path: (string | number)[]; message: string; rule: string }[] = [];
  const ctx = {
    addIssue: (issue: z.IssueData) => {
      const { rule } = (issue as unknown as { params: { rule: string } }).params;
      issues.push({ path: issue.path ?? [], message: issue.message ?? '', rule });
    },
    path: [],
  } as unknown as z.RefinementCtx;
  checkClaimDates(parsed, ctx, today);
  return issues;
}

describe('the claim date rules', () => {
  it('accept changes and appearances from the claim’s day to today, in order', () => {
    expect(
      dateIssues({
        history: [change('2026-05-04', 'stated', []), change('2026-12-01', 'false')],
        appearances: [
          { date: '2026-05-04', source: 'Radio' },
          { date: '2026-12-01', source: 'TV' },
        ],
      }),
    ).toEqual([]);
  });

  it('take today as the day in UTC+14, as corrections do', () => {
    expect(dateIssues({ history: [change('2026-12-02', 'false')] }, '2026-12-01')).toEqual([
      expect.objectContaining({
        path: ['history', 0, 'date'],
        rule: 'claim-history-in-future',
        message: 'status change date 2026-12-02 is in the future',
      }),
    ]);
  });

  it('name each rule and place each problem at the entry', () => {
    expect(dateIssues({ history: [change('2026-06-01', 'disputed'), change('2026-05-20', 'stated', [])] })).toEqual([
      {
        path: ['history', 1, 'date'],
        rule: 'claim-history-out-of-order',
        message:
          'status change date 2026-05-20 is earlier than the entry above it (2026-06-01); list history oldest first',
      },
    ]);
    expect(dateIssues({ appearances: [{ date: '2026-05-01', source: 'Radio' }] })).toEqual([
      {
        path: ['appearances', 0, 'date'],
        rule: 'claim-appearance-before-claim',
        message: "appearance date 2026-05-01 is before the claim's `date` (2026-05-04)",
      },
    ]);
  });

  it('ask a change to a verdict for its evidence, and not a change to a status that is no verdict', () => {
    expect(
      dateIssues({ history: [change('2026-06-01', 'supported', []), change('2026-06-02', 'pending', [])] }),
    ).toEqual([
      {
        path: ['history', 0, 'status'],
        rule: 'claim-verdict-without-source',
        message: 'the verdict `supported` on 2026-06-01 cites no sources',
      },
    ]);
  });
});

describe('the parsed claim', () => {
  it('is unchanged for a claim without history, apart from a one-entry history', () => {
    const data = claimSchema.parse(claim);
    expect(data).toMatchObject({
      status: 'pending',
      history: [],
      appearances: [],
      statusHistory: [{ date: '2026-05-04', status: 'pending', sources: [] }],
    });
    expect(data).not.toHaveProperty('statusUpdated');
    expect(hasStatusChanges(data)).toBe(false);
  });

  it('gives the latest change as `status`, every step in `statusHistory` and the day of the change', () => {
    const data = claimSchema.parse({
      ...claim,
      history: [change('2026-06-01', 'stated', []), change('2026-09-30', 'false')],
    });
    expect(data.status).toBe('false');
    expect(data.statusUpdated).toBe('2026-09-30');
    expect(data.statusHistory.map((entry) => [entry.date, entry.status])).toEqual([
      ['2026-05-04', 'pending'],
      ['2026-06-01', 'stated'],
      ['2026-09-30', 'false'],
    ]);
    expect(data.statusHistory[2]).toEqual({
      date: '2026-09-30',
      status: 'false',
      note: 'New facts.',
      sources: evidence,
    });
    expect(hasStatusChanges(data)).toBe(true);
  });

  it('passes the content collection’s schema unchanged, so the collection shows what the check read', () => {
    const data = claimSchema.parse({
      ...claim,
      history: [change('2026-09-30', 'false')],
      appearances: [{ date: '2026-06-01', source: 'Radio', url: 'https://example.org/r' }],
    });
    expect(parsedClaimSchema.parse(data)).toEqual(data);
  });

  it('refuses unsafe links and unknown fields in entries', () => {
    const result = claimSchema.safeParse({
      ...claim,
      appearances: [{ date: '2026-06-01', source: 'Radio', url: 'javascript:alert(1)', by: 'x' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['appearances.0.url', 'appearances.0']),
    );
  });
});
