import { Buffer } from 'node:buffer';
import type { DatasetName } from '../lib/words/data';
import { toCsv } from './csv';
import { columnsOf, type DataRow } from './open-data';

/** Most bytes a data file may hold: under the 10 MB a spreadsheet import or a host allows, with room. */
export const DATA_FILE_LIMIT = 8 * 1024 * 1024;

/** One file of a dataset: its rows of one year, or a part of them. */
export interface DataFile {
  dataset: DatasetName;
  /** `2025`, or `2025-2` for a year's second part. */
  name: string;
  year: string;
  rows: DataRow[];
}

/** A row's size in the larger of its two formats (a CSV field doubles the quotes of JSON lists). */
function rowBytes(dataset: DatasetName, row: DataRow): number {
  return Math.max(Buffer.byteLength(JSON.stringify(row)), Buffer.byteLength(toCsv(columnsOf(dataset), [row])));
}

/** Rows by year, each year cut into parts of at most DATA_FILE_LIMIT bytes. */
export function splitByYear(
  dataset: DatasetName,
  rows: DataRow[],
  yearOf: (row: DataRow) => string,
  limit = DATA_FILE_LIMIT,
): DataFile[] {
  const years = new Map<string, DataRow[]>();
  for (const row of rows) {
    const year = yearOf(row);
    const list = years.get(year);
    if (list) list.push(row);
    else years.set(year, [row]);
  }
  const files: DataFile[] = [];
  for (const year of [...years.keys()].sort()) {
    let part: DataRow[] = [];
    let bytes = 0;
    const flush = () => {
      const index = files.filter((file) => file.dataset === dataset && file.year === year).length;
      files.push({ dataset, year, name: index ? `${year}-${index + 1}` : year, rows: part });
      part = [];
      bytes = 0;
    };
    for (const row of years.get(year)!) {
      const size = rowBytes(dataset, row) + 2048;
      if (part.length && bytes + size > limit) flush();
      part.push(row);
      bytes += size;
    }
    flush();
  }
  return files;
}
