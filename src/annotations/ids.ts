import { slugOf } from '../lib/slug';

/** Lowercase ASCII slug of the first few words: "very substantial framework" → "very-substantial-framework". */
export const slugWords = (text: string, maxWords = 6): string => slugOf(text, maxWords);

/** Hands out ids unique within one document: `x`, then `x-2`, `x-3`, … */
class IdAllocator {
  private readonly used = new Set<string>();

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** Reserves an id exactly as given; false when it is already taken. */
  claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  /** Reserves `base` or the first free `base-N`. */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

type Place = { line: number; column: number };

/** Why an explicit anchor was refused: not URL-safe, or already used in the article. */
type AnchorRefusal = { reason: 'bad-anchor' } | { reason: 'duplicate-anchor'; first?: Place };

/**
 * The ids of one article's annotations: explicit anchors (`:quote[…]{#deal-quote}` →
 * `deal-quote`, kept exactly, refused when malformed or taken) and derived ids
 * (`quote-very-substantial-framework`, then `-2`, `-3` for repeats).
 */
export class AnnotationIds {
  private readonly allocator = new IdAllocator();
  private readonly anchors = new Map<string, Place>();

  /** Reserves an author's `#anchor` written at `place`, or says why it cannot be used. */
  anchor(anchor: string, place: Place): { id: string } | AnchorRefusal {
    if (!/^[a-z][a-z0-9-]*$/.test(anchor)) return { reason: 'bad-anchor' };
    const first = this.anchors.get(anchor);
    if (first || this.allocator.has(anchor)) return { reason: 'duplicate-anchor', ...(first ? { first } : {}) };
    this.anchors.set(anchor, place);
    this.allocator.claim(anchor);
    return { id: anchor };
  }

  /** `kind-stem`, made unique in the article. */
  derived(kind: string, stem: string): string {
    return this.allocator.unique(`${kind}-${stem}`);
  }
}
