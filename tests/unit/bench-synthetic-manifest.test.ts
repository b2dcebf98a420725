import { describe, expect, it } from 'vitest';
import { multiplyEntries, renumber } from '../../bench/synthetic-manifest';

describe('bench synthetic manifest', () => {
  it('renumbers articles in slugs, claim ids and quote anchors, and nothing else', () => {
    const text =
      '{"slug":"trade-talks-00017","claim":"tariff-threat-00017","href":"/articles/trade-talks-00017/#q00017-3","published":"2025-10-26","digest":"a00017ff","value":12345}';
    expect(renumber(text, 0, 1000)).toBe(text.replace(/00017/g, '000017').replace('a000017ff', 'a00017ff'));
    const third = renumber(text, 2, 1000);
    expect(third).toContain('"slug":"trade-talks-002017"');
    expect(third).toContain('"claim":"tariff-threat-002017"');
    expect(third).toContain('#q002017-3');
    // Dates, digests and other numbers stay as they were.
    expect(third).toContain('"published":"2025-10-26"');
    expect(third).toContain('"digest":"a00017ff"');
    expect(third).toContain('"value":12345');
  });

  it('copies every entry once per copy, each copy with its own numbers', () => {
    const entries = [{ slug: 'trade-talks-00001' }, { slug: 'trade-talks-00002' }];
    expect(multiplyEntries(entries, 3, 2).map((e) => e.slug)).toEqual([
      'trade-talks-000001',
      'trade-talks-000002',
      'trade-talks-000003',
      'trade-talks-000004',
      'trade-talks-000005',
      'trade-talks-000006',
    ]);
  });
});
