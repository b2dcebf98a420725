/**
 * CSV as RFC 4180 writes it: one header row, fields separated by commas, a field holding a
 * comma, a double quote or a line break enclosed in double quotes (quotes doubled), CRLF
 * between records. UTF-8, no byte-order mark.
 */
export type CsvValue = string | number | boolean | undefined | null | readonly unknown[] | Record<string, unknown>;

function field(value: CsvValue): string {
  const text =
    value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map((column) => field(column)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
