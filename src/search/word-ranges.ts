/**
 * Where a stretch of text sits among the whitespace-separated words of a record's content:
 * Pagefind collapses whitespace in what it stores, and the search page splits the stored
 * content on whitespace, so word positions survive where character offsets would not.
 */
interface WordRange {
  /** `[first word, word count]`. */
  words: [number, number];
  /** Characters of the first and last word outside the stretch (`“very` of `“very …”`), when any. */
  cut?: [number, number];
}

export class WordPositions {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string) {
    for (const match of text.matchAll(/\S+/g)) {
      this.starts.push(match.index);
      this.ends.push(match.index + match[0].length);
    }
  }

  /** Number of words in the text. */
  get count(): number {
    return this.starts.length;
  }

  /**
   * The words that overlap `[start, end)` (UTF-16 offsets), or `undefined` when the stretch
   * holds no word.
   */
  range(start: number, end: number): WordRange | undefined {
    const first = this.firstEndingAfter(start);
    let last = first;
    while (last < this.starts.length && this.starts[last]! < end) last++;
    if (last === first) return undefined;
    const lead = Math.max(0, start - this.starts[first]!);
    const trail = Math.max(0, this.ends[last - 1]! - end);
    return { words: [first, last - first], ...(lead || trail ? { cut: [lead, trail] } : {}) };
  }

  /** Index of the first word that ends after `offset` (binary search: words are in order). */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ends[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
