/** Lowercase ASCII slug of the first few words: "very substantial framework" → "very-substantial-framework". */
export function slugWords(text: string, maxWords = 6): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** Hands out ids unique within one document: `x`, then `x-2`, `x-3`, … */
export class IdAllocator {
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
