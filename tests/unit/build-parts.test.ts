import { describe, expect, it } from 'vitest';
import { checkSameBuild } from '../../src/build/merge';
import { parseRequest } from '../../src/build/cli';
import { defaultPartCount, parsePart, partOf } from '../../src/lib/build-parts';

describe('parts of a build', () => {
  it('reads --part=3/8 and says how to write a wrong one', () => {
    expect(parsePart('3/8')).toEqual({ index: 3, count: 8 });
    expect(() => parsePart('0/8')).toThrow('"0/8" is not a part: write it as <part>/<parts>');
    expect(() => parsePart('9/8')).toThrow(/--part=3\/8/);
    expect(() => parsePart('three')).toThrow(/is not a part/);
  });

  it('puts an article in the same part whatever else the archive holds, and spreads the archive evenly', () => {
    const slugs = Array.from({ length: 3000 }, (_, i) => `trade-talks-${i}`);
    const parts = slugs.map((slug) => partOf(slug, 3));
    expect(slugs.map((slug) => partOf(slug, 3))).toEqual(parts);
    for (const index of [1, 2, 3]) {
      const share = parts.filter((part) => part === index).length / slugs.length;
      expect(share).toBeGreaterThan(0.3);
      expect(share).toBeLessThan(0.37);
    }
  });

  it('builds a small archive as one part and a large one in parts of about 1,000 articles', () => {
    expect(defaultPartCount(1)).toBe(1);
    expect(defaultPartCount(1000)).toBe(1);
    expect(defaultPartCount(10_000)).toBe(10);
    expect(defaultPartCount(10_001)).toBe(11);
  });

  it('reads the command line and refuses what it does not know', () => {
    expect(parseRequest(['--part=2/4', '--from-records'])).toMatchObject({
      mode: 'part',
      part: { index: 2, count: 4 },
      fromRecords: true,
    });
    expect(parseRequest(['--jobs=3', '--parts=5'])).toMatchObject({ mode: 'all', jobs: 3, parts: 5 });
    expect(() => parseRequest(['--jobs=0'])).toThrow('--jobs=0 is not a whole number of at least 1');
    expect(() => parseRequest(['--shard=1/2'])).toThrow(/Unknown option --shard=1\/2; usage: npm run build/);
  });

  it('refuses to merge steps built from different code, settings or content, naming them', () => {
    const versions = { code: 'c', config: 's', manifest: 'm' };
    const step = (name: string, change = {}) => ({ name, inputs: 'i', ms: 1, peak: 1, ...versions, ...change });
    expect(() => checkSameBuild([step('site pages'), step('part 1/2')], versions)).not.toThrow();
    expect(() =>
      checkSameBuild(
        [step('site pages'), step('part 1/2', { manifest: 'other' }), step('part 2/2', { code: 'old' })],
        versions,
      ),
    ).toThrow('part 2/2 was built from other code; part 1/2 was built from other content manifest');
  });
});
