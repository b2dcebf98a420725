import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { AnnotationRecord } from '../annotations/kinds';

export interface RenderedArticle {
  entry: CollectionEntry<'articles'>;
  annotations: AnnotationRecord[];
  Content: Awaited<ReturnType<typeof render>>['Content'];
}

let cached: Promise<RenderedArticle[]> | undefined;

/**
 * Every article, newest first, with the annotations the pipeline found in it.
 * Rendered once per build and shared by the article, person, claim and quote pages.
 */
export function renderedArticles(): Promise<RenderedArticle[]> {
  cached ??= (async () => {
    const entries = await getCollection('articles');
    entries.sort(
      (a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title),
    );
    return Promise.all(
      entries.map(async (entry) => {
        const { Content, remarkPluginFrontmatter } = await render(entry);
        const annotations = (remarkPluginFrontmatter.annotations ?? []) as AnnotationRecord[];
        return { entry, annotations, Content };
      }),
    );
  })();
  return cached;
}

/** A passage of an article that an annotation marks, for deep links and quote lists. */
export interface Passage {
  article: CollectionEntry<'articles'>;
  annotation: AnnotationRecord;
}

export async function passagesWhere(test: (annotation: AnnotationRecord) => boolean): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const { entry, annotations } of await renderedArticles()) {
    for (const annotation of annotations) if (test(annotation)) passages.push({ article: entry, annotation });
  }
  return passages;
}

/** Passages grouped once per build, so a page per claim or person does not rescan every article. */
export interface PassageIndex {
  /** Every quote, in article order. */
  quotes: Passage[];
  /** Passages that state or back a claim, by claim id. */
  byClaim: Map<string, Passage[]>;
  /** Mentions and quotes of a person, by person id. */
  byPerson: Map<string, Passage[]>;
}

let indexed: Promise<PassageIndex> | undefined;

export function passageIndex(): Promise<PassageIndex> {
  indexed ??= (async () => {
    const index: PassageIndex = { quotes: [], byClaim: new Map(), byPerson: new Map() };
    const add = (map: Map<string, Passage[]>, key: string, passage: Passage) => {
      const list = map.get(key);
      if (list) list.push(passage);
      else map.set(key, [passage]);
    };
    for (const { entry, annotations } of await renderedArticles()) {
      for (const annotation of annotations) {
        const passage = { article: entry, annotation };
        if (annotation.kind === 'quote') index.quotes.push(passage);
        if (annotation.claim) add(index.byClaim, annotation.claim, passage);
        if (annotation.person) add(index.byPerson, annotation.person, passage);
      }
    }
    return index;
  })();
  return indexed;
}
