/**
 * `unannotated-figure`: a number with a unit, a currency or a percent in prose (`100
 * percent`, `25%`, `$1.5 billion`, `12 million tonnes`, `3.4 km`, `2 million`) that no
 * `:figure` covers, reported only in articles that annotate figures at all. Numbers alone,
 * dates, years and durations (`90 days`) are not figures here; numbers inside links and
 * inside annotations other than `:claim` are skipped.
 */
import { unannotatedFigure } from './messages';
import type { MissedContext, MissedFinding } from './missed-people';
import { isPlainProse } from './missed-text';

const RULE = 'unannotated-figure';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:thousand|million|billion|trillion|bn)`;
const UNIT = [
  'percent',
  'per cent',
  'percentage points?',
  'tonnes?',
  'tons?',
  'kilograms?',
  'kg',
  'grams?',
  'km',
  'kilomet(?:er|re)s?',
  'miles?',
  'met(?:er|re)s?',
  'feet',
  'ft',
  'barrels?',
  'bushels?',
  'acres?',
  'hectares?',
  'degrees?',
  '°[CF]',
  'mph',
  'km/h',
  '[kMG]Wh?',
  'dollars?',
  'euros?',
  'yuan',
  'yen',
  'pounds?',
  'lbs?',
].join('|');

/** `$1.5 billion`, `25%`, `100 percent`, `12 million tonnes`, `3.4 km`, `2 million`. */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:US)?[$€£¥]\s?(?:${NUMBER})(?:\s+${SCALE})?|(?:${NUMBER})(?:\s?%|(?:\s+${SCALE})?[\s-](?:${UNIT})|\s+${SCALE})(?![\p{L}\p{N}]))`,
  'gu',
);

/** Figures written in the article's prose without a `:figure` around them. */
export function missedFigures({ blocks, places, annotations }: MissedContext): MissedFinding[] {
  if (!annotations.some((record) => record.kind === 'figure')) return [];
  const findings: MissedFinding[] = [];
  for (const block of blocks) {
    if (block.ignored.has(RULE) || block.ignored.has('*')) continue;
    for (const piece of block.pieces.filter(isPlainProse)) {
      for (const match of piece.value.matchAll(FIGURE)) {
        const start = piece.index + match.index;
        findings.push({ ...places.span(block, start, start + match[0].length), problem: unannotatedFigure(match[0]) });
      }
    }
  }
  return findings;
}
