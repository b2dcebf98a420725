import { describe, expect, it } from 'vitest';
import { ADDED_SENTENCE, appendSentenceToParagraph, changeClaimStatus, otherStatus } from '../../bench/corpus-edit';

const article = `---
title: A title.
description: Ends with a full stop.
---

import Something from './x';

## A heading.

- a list item.

The first paragraph says :quote[something]{#q1 by=a}.

The second paragraph.
`;

describe('warm rebuild: one sentence more in one article', () => {
  it('appends the sentence to the first prose paragraph after the frontmatter, and nothing else', () => {
    const edited = appendSentenceToParagraph(article, 'More words.');
    expect(edited).toContain('The first paragraph says :quote[something]{#q1 by=a}. More words.\n');
    expect(edited.replace(' More words.', '')).toBe(article);
  });

  it('uses a plain sentence by default, with no annotation syntax', () => {
    expect(appendSentenceToParagraph(article)).toContain(ADDED_SENTENCE);
    expect(ADDED_SENTENCE).not.toMatch(/[:[\]{}]/);
  });

  it('refuses an article without a prose paragraph', () => {
    expect(() => appendSentenceToParagraph('---\ntitle: x.\n---\n\n## Only a heading.\n')).toThrow(
      /no prose paragraph/,
    );
  });
});

describe('warm rebuild: one claim status changed', () => {
  const claim =
    'statement: A claim.\nclaimant: someone\nstatus: stated\nhistory:\n  - date: 2025-10-27\n    status: pending\n';

  it('changes only the top-level status, to another valid status of the same kind', () => {
    const { text, from, to } = changeClaimStatus(claim);
    expect([from, to]).toEqual(['stated', 'pending']);
    expect(text).toBe(claim.replace('status: stated', 'status: pending'));
  });

  it('keeps verdicts verdicts, and reads `false` in quotes', () => {
    expect(otherStatus('supported')).toBe('disputed');
    expect(otherStatus('pending')).toBe('stated');
    expect(changeClaimStatus('status: disputed\n').text).toBe('status: supported\n');
    expect(changeClaimStatus('status: "false"\n').to).toBe('supported');
  });

  it('refuses a claim without a known status', () => {
    expect(() => changeClaimStatus('statement: x\n')).toThrow(/no top-level/);
    expect(() => changeClaimStatus('status: maybe\n')).toThrow(/not a claim status/);
  });
});
