/** Formatting shared by pages and cards, so a date reads the same everywhere. */

const dayFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });
// Made once: toLocaleString builds a new formatter on every call.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** `2025-10-26` → "October 26, 2025"; `2026-02` → "February 2026". */
export function formatDay(iso: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(iso);
  if (week) return `week of ${dayFormat.format(isoWeekMonday(Number(week[1]), Number(week[2])))}`;
  const parts = iso.split('-').map(Number);
  if (parts.length === 2) return monthFormat.format(new Date(Date.UTC(parts[0]!, parts[1]! - 1, 1)));
  if (parts.length === 1) return String(parts[0]);
  return dayFormat.format(new Date(Date.UTC(parts[0]!, parts[1]! - 1, parts[2]!)));
}

/** A count as a reader reads it: 8000 → "8,000". */
export function formatCount(count: number): string {
  return numberFormat.format(count);
}

const counted = (count: number, one: string) => `${formatCount(count)} ${one}${count === 1 ? '' : 's'}`;

/**
 * "14 quotes and 3 claims · in 9 articles on the site": what a person said across the archive
 * and how many articles mention them.
 */
export function archiveCounts(quotes: number, claims: number, articles: number): string {
  const said = [...(quotes ? [counted(quotes, 'quote')] : []), ...(claims ? [counted(claims, 'claim')] : [])];
  const where = articles ? `in ${counted(articles, 'article')} on the site` : '';
  return [said.join(' and '), where].filter(Boolean).join(' · ');
}

/** Whether a figure value is an ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www`) rather than a number. */
export function isDateValue(value: string): boolean {
  return /^\d{4}-(\d{2}(-\d{2})?|W\d{2})$/.test(value);
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000);
}

/** A figure's machine value in words: "100 percent", "November 1, 2025", "2.5 billion USD". */
export function formatFigureValue(value: string, unit?: string): string {
  if (isDateValue(value)) return formatDay(value);
  // A bare four-digit value with no unit is a year (ISO 8601 allows year precision).
  if (!unit && /^\d{4}$/.test(value)) return value;
  const number = Number(value);
  const shown = Number.isFinite(number) ? numberFormat.format(number) : value;
  return unit ? `${shown} ${unit}` : shown;
}

const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `2025-11-01` → "Nov. 1, 2025": the newsroom's short day, for a status's compact line. */
export function formatShortDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return formatDay(iso);
  return `${AP_MONTHS[month - 1]} ${day}, ${year}`;
}
