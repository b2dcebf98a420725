import { describe, expect, it } from 'vitest';
import { claimTitle, titleFromStatement, titleKey } from '../../src/content/claim-title';

describe('a claim’s title', () => {
  it('is the `title:` the editor gave', () => {
    expect(claimTitle({ title: 'Framework averts the tariffs', statement: 'A long statement.' })).toBe(
      'Framework averts the tariffs',
    );
  });

  it('is the whole statement, without its full stop, when that is short', () => {
    expect(titleFromStatement('Port fees will rise next year.')).toBe('Port fees will rise next year');
  });

  it('cuts a long statement at a word, never mid-word, and not on a small word', () => {
    const title = titleFromStatement(
      'A follow-up meeting in Washington will likely take place before Xi visits the U.S. for the G20 summit next fall.',
    );
    expect(title).toBe('A follow-up meeting in Washington will likely take place before Xi…');
    expect(title.length).toBeLessThanOrEqual(73);
    const cut = titleFromStatement(
      'The United States will impose an additional tariff on China from November over the controls.',
      60,
    );
    expect(cut).toBe('The United States will impose an additional tariff on China…');
  });

  it('stops at the end of a first clause long enough to name the claim', () => {
    expect(
      titleFromStatement(
        'The two leaders will decide the final terms, Bessent said, after the talks that set the stage for their meeting.',
      ),
    ).toBe('The two leaders will decide the final terms…');
  });

  it('compares titles without case, spacing or a final full stop', () => {
    expect(titleKey('The Port  is ready.')).toBe(titleKey('the port is ready'));
  });
});
