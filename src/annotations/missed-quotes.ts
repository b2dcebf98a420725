/**
 * `unmarked-quote`: words in typographic quotation marks (“…”) in a sentence that names a
 * known person (name or alias) or holds a `:person` annotation, with no `:quote` inside the
 * marks. The person nearest the opening mark is the one suggested as the speaker.
 *
 * Not reported: quoted titles (every word capitalised but small words, no closing
 * punctuation: NBC's “Meet the Press”), quotes in links, straight quotes ("…").
 */
import { unmarkedQuote } from './messages';
import { mentionsIn, type MissedContext, type MissedFinding } from './missed-people';
import { pieceAt, type ProseBlock } from './missed-text';

interface Span {
  start: number;
  end: number;
}

/** A person in a sentence: named, or annotated with `:person` (which may have no words). */
interface Speaker {
  index: number;
  personId: string;
  name: string;
}

const RULE = 'unmarked-quote';
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr Prof Gen Sen Rep Gov St Jr Sr Inc Co Corp Ltd No vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(
    ' ',
  ),
);

/** Each “…” pair of a text (an opening mark without its closing one is left alone). */
function quotePairs(text: string): Span[] {
  const pairs: Span[] = [];
  for (const match of text.matchAll(/“[^“”]*”/g))
    pairs.push({ start: match.index, end: match.index + match[0].length });
  return pairs;
}

/** Whether a sentence can end at this full stop: not after `U.S.`, `Nov.` or `Mr.`. */
function endsSentence(text: string, stop: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(0, stop))?.[1] ?? '';
  return !/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) && !ABBREVIATIONS.has(word);
}

/** The sentence around a quotation: between sentence ends outside every quotation. */
function sentenceAround(text: string, quote: Span, pairs: Span[]): Span {
  const sentence = { start: 0, end: text.length };
  for (const match of text.matchAll(/[.!?]+[”’")\]]*\s+(?=[^\p{Ll}])/gu)) {
    const end = match.index + match[0].length;
    if (pairs.some((pair) => pair.start < end && end < pair.end) || !endsSentence(text, match.index)) continue;
    if (end <= quote.start) sentence.start = end;
    else return { ...sentence, end };
  }
  return sentence;
}

/** “Meet the Press”: a title in quotation marks, not someone's words. */
function isTitle(words: string): boolean {
  const list = words.trim().split(/\s+/);
  if (!list[0] || /[.,;:!?…]$/u.test(words.trim())) return false;
  return list.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && SMALL_WORDS.has(word)));
}

/** Everyone a block names (outside links) or annotates with `:person`. */
function speakersOf(block: ProseBlock, context: MissedContext): Speaker[] {
  const named = mentionsIn(block.text, context.registry)
    .filter((mention) => !pieceAt(block, mention.start)?.inLink)
    .map(({ start, personId, words }) => ({ index: start, personId, name: words }));
  const annotated = block.marks
    .filter((mark) => mark.kind === 'person' && mark.ref)
    .map(({ index, ref }) => ({ index, personId: ref, name: context.registry.people.get(ref)?.data.name ?? ref }));
  return [...named, ...annotated];
}

/** The speaker nearest the opening mark, in the quotation's sentence but not inside it. */
function nearestSpeaker(speakers: Speaker[], sentence: Span, quote: Span): Speaker | undefined {
  const outside = ({ index }: Speaker) =>
    index >= sentence.start && index < sentence.end && (index < quote.start || index >= quote.end);
  const distance = (speaker: Speaker) => Math.abs(speaker.index - quote.start);
  return speakers.filter(outside).sort((a, b) => distance(a) - distance(b))[0];
}

function isMarked(block: ProseBlock, quote: Span): boolean {
  const inside = (index: number) => index > quote.start && index < quote.end;
  return (
    block.marks.some((mark) => mark.kind === 'quote' && inside(mark.index)) ||
    block.pieces.some((piece) => piece.around.some((a) => a.kind === 'quote') && inside(piece.index))
  );
}

/** Quotations in a block attributed to a known person and not marked as `:quote`. */
function missedInBlock(block: ProseBlock, context: MissedContext): MissedFinding[] {
  const pairs = quotePairs(block.text);
  if (!pairs.length) return [];
  const speakers = speakersOf(block, context);
  const findings: MissedFinding[] = [];
  for (const quote of pairs) {
    const words = block.text.slice(quote.start + 1, quote.end - 1);
    if (!words.trim() || isTitle(words) || isMarked(block, quote) || pieceAt(block, quote.start)?.inLink) continue;
    const nearest = nearestSpeaker(speakers, sentenceAround(block.text, quote, pairs), quote);
    if (!nearest) continue;
    findings.push({
      ...context.places.span(block, quote.start, quote.end),
      problem: unmarkedQuote(words, nearest.name, nearest.personId),
    });
  }
  return findings;
}

/** Every unmarked quotation of the article that a known person is named beside. */
export function missedQuotes(context: MissedContext): MissedFinding[] {
  return context.blocks
    .filter((block) => !block.ignored.has(RULE) && !block.ignored.has('*'))
    .flatMap((block) => missedInBlock(block, context));
}
