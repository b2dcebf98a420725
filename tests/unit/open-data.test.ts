import { Buffer } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/exports/csv';
import { DATA_FILE_LIMIT, splitByYear } from '../../src/exports/data-split';
import { columnsOf, dataLicence } from '../../src/exports/open-data';

describe('CSV', () => {
  it('is RFC 4180: quotes what needs it, doubles quotes, CRLF, one header row', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        { a: 'plain', b: 'with, comma', c: 'say "hi"\nthen' },
        { a: 1, b: true, c: [1, 2] },
      ],
    );
    expect(csv).toBe('a,b,c\r\nplain,"with, comma","say ""hi""\nthen"\r\n1,true,"[1,2]"\r\n');
    expect(parse(csv, { columns: true })).toEqual([
      { a: 'plain', b: 'with, comma', c: 'say "hi"\nthen' },
      { a: '1', b: 'true', c: '[1,2]' },
    ]);
  });
});

describe('data files at the size of a large archive', () => {
  it('split a year of 40,000 quotes into parts, none near 10 MB in JSON or CSV', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      id: `quote-${i}`,
      words: `“A quotation, with commas and "quotes", number ${i}” `.repeat(4),
      article_published: i < 30_000 ? '2025-03-01' : '2026-01-02',
      passage_url: `https://news.example.org/articles/story-${i}/#quote-${i}:~:text=a%20quotation`,
      license: 'CC BY 4.0 https://creativecommons.org/licenses/by/4.0/',
    }));
    const files = splitByYear('quotes', rows, (row) => String(row.article_published).slice(0, 4));
    expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['2025', '2025-2', '2026']));
    expect(files.reduce((sum, file) => sum + file.rows.length, 0)).toBe(rows.length);
    for (const file of files) {
      const json = Buffer.byteLength(JSON.stringify({ items: file.rows }));
      const csv = Buffer.byteLength(toCsv(columnsOf('quotes'), file.rows));
      expect(Math.max(json, csv)).toBeLessThanOrEqual(DATA_FILE_LIMIT);
    }
  });
});

describe('the data licence', () => {
  it('is CC BY 4.0 unless SITE_DATA_LICENSE names another, and refuses one it cannot link', () => {
    expect(dataLicence(undefined)).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(dataLicence('CC0 1.0').url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(dataLicence('Our licence <https://example.org/licence>')).toEqual({
      name: 'Our licence',
      url: 'https://example.org/licence',
    });
    expect(() => dataLicence('whatever')).toThrow(/SITE_DATA_LICENSE="whatever".*Name <https:/);
  });
});
