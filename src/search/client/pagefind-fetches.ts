/**
 * Which of Pagefind's files failed to load. Pagefind swallows a failed index or filter chunk
 * (and a failed metadata file) and answers "no results", so the page cannot tell "nothing
 * matches" from "could not look" by its answer alone. Pagefind runs on the page's thread
 * (`noWorker`, see pagefind-api.ts) and fetches with the global `fetch`, so a wrapper
 * installed before it loads sees every request it makes: each one that is refused, cut off
 * or answered with an error status is recorded here.
 */

/** The kinds of file a search depends on. */
type PagefindFileKind = 'entry' | 'metadata' | 'webassembly' | 'index' | 'filter' | 'fragment';

const KINDS: [RegExp, PagefindFileKind][] = [
  [/\/pagefind-entry\.json$/, 'entry'],
  [/\.pf_meta$/, 'metadata'],
  [/\/wasm\.[^/]+\.pagefind$/, 'webassembly'],
  [/\.pf_index$/, 'index'],
  [/\.pf_filter$/, 'filter'],
  [/\.pf_fragment$/, 'fragment'],
];

/** Failures Pagefind does not recover from without starting again: it loads these once. */
const SETUP_KINDS = new Set<PagefindFileKind>(['entry', 'metadata', 'webassembly']);

interface FailedFetch {
  kind: PagefindFileKind;
  path: string;
}

/** The kind of a Pagefind file, from its path (`/pagefind/index/en_1a2b.pf_index`). */
export function pagefindFileKind(path: string): PagefindFileKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(path))?.[1];
}

const requestUrl = (input: RequestInfo | URL) =>
  new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);

export class PagefindFetches {
  private readonly failures: FailedFetch[] = [];

  /** Wraps the page's `fetch` so that failures of files under `bundlePath` (`/pagefind/`) are recorded. */
  constructor(bundlePath: string) {
    const original = globalThis.fetch.bind(globalThis);
    globalThis.fetch = async (input, init) => {
      const url = requestUrl(input);
      const kind =
        url.origin === location.origin && url.pathname.startsWith(bundlePath)
          ? pagefindFileKind(url.pathname)
          : undefined;
      if (!kind) return original(input, init);
      try {
        const response = await original(input, init);
        if (!response.ok) this.failures.push({ kind, path: url.pathname });
        return response;
      } catch (error) {
        this.failures.push({ kind, path: url.pathname });
        throw error;
      }
    };
  }

  /** A point to count failures from: the failures so far. */
  mark(): number {
    return this.failures.length;
  }

  /** Failures since `mark`. */
  since(mark: number): FailedFetch[] {
    return this.failures.slice(mark);
  }

  /** Whether Pagefind's entry, metadata or WebAssembly ever failed: it cannot search until loaded again. */
  get setupFailed(): boolean {
    return this.failures.some((failure) => SETUP_KINDS.has(failure.kind));
  }

  /** Forgets every failure, when Pagefind is loaded again. */
  clear(): void {
    this.failures.length = 0;
  }
}
