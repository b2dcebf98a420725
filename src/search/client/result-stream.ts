import type { PagefindResultData } from './pagefind-api';
import type { SearchHit } from './passage-hits';

/** Records fetched at once: a few small requests in flight, not a thousand. */
const FETCH_BATCH = 3;
/**
 * Records read at most per page of results: when few passages of the matching articles are
 * of the chosen type or speaker, a page stops here instead of reading the whole archive.
 */
export const RECORDS_PER_PAGE = 12;

/**
 * The results of one search, read progressively: Pagefind ranks whole records (articles,
 * people, claims), and which passages of a record match is known only once its fragment is
 * loaded. Fragments are fetched in rank order, a few at a time, until enough results are in
 * hand, so the first results never wait on every matching article.
 */
export class ResultStream {
  private next = 0;
  private readonly ready: SearchHit[] = [];
  private readonly seen = new Set<string>();
  private unread = 0;

  constructor(
    private readonly records: readonly (() => Promise<PagefindResultData>)[],
    private readonly hitsOf: (data: PagefindResultData) => SearchHit[],
  ) {}

  /** How many records Pagefind matched (articles, people and claims records). */
  get recordCount(): number {
    return this.records.length;
  }

  /** Whether every matching record has been read: the results shown are then all there are. */
  get complete(): boolean {
    return this.next >= this.records.length;
  }

  /** Results found and not yet taken. */
  get pending(): number {
    return this.ready.length;
  }

  /** Whether more results may follow the ones taken. */
  get hasMore(): boolean {
    return this.ready.length > 0 || !this.complete;
  }

  /** How many records could not be read (their fragment failed to load). */
  get failed(): number {
    return this.unread;
  }

  /** How many records have been read, or tried. */
  get read(): number {
    return this.next;
  }

  /**
   * Up to `count` next results, each passage once: records are read until `enough` results
   * are in hand (all of them by default), every record has been read, or
   * {@link RECORDS_PER_PAGE} more have been read.
   */
  async take(count: number, enough = count): Promise<SearchHit[]> {
    const stop = this.next + RECORDS_PER_PAGE;
    while (this.ready.length < enough && !this.complete && this.next < stop) {
      const batch = this.records.slice(this.next, this.next + FETCH_BATCH);
      this.next += batch.length;
      // A fragment that fails is counted, and the others still give their results.
      for (const outcome of await Promise.allSettled(batch.map((load) => load()))) {
        if (outcome.status === 'rejected') {
          this.unread++;
          continue;
        }
        for (const hit of this.hitsOf(outcome.value)) {
          // An article result may land on the passage of a quote result: both are listed.
          const key = `${hit.type} ${hit.url}`;
          if (this.seen.has(key)) continue;
          this.seen.add(key);
          this.ready.push(hit);
        }
      }
    }
    return this.ready.splice(0, count);
  }
}
