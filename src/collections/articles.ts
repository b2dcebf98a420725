import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleBodyParts } from '../annotations/article-html';
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';
import { registryEntries } from './registry-entries';
import { relatedArticles } from './related';
import { topicLabels } from './topic-labels';
import { RenderedArticles } from './rendered-articles';
import { siteConfig } from '../site-config';

export interface RenderedArticle {
  entry: CollectionEntry<'articles'>;
  annotations: AnnotationRecord[];
  /** The article's words and where each annotation sits in them (Web Annotation selectors). */
  text: ArticleText;
}

const rendered = new RenderedArticles(siteConfig(process.env, process.cwd()).renderedDir);

let cached: Promise<RenderedArticle[]> | undefined;

/**
 * Every article, newest first, with the annotations the pipeline found in it.
 * Read once per build and shared by the article, person, claim and quote pages.
 */
export function renderedArticles(): Promise<RenderedArticle[]> {
  cached ??= (async () => {
    const entries = await getCollection('articles');
    entries.sort(
      (a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title),
    );
    return entries.map((entry) => {
      const { annotations, text } = rendered.annotations(entry.id);
      return { entry, annotations, text };
    });
  })();
  return cached;
}

/** The article's body as the annotation pipeline rendered it: text, cards and endnotes. */
export function articleBody(slug: string): ArticleBodyParts {
  return rendered.parts(slug);
}

/** A passage of an article that an annotation marks, for deep links and quote lists. */
export interface Passage {
  article: CollectionEntry<'articles'>;
  annotation: AnnotationRecord;
  /** The article's text, for passage links and selectors. */
  text: ArticleText;
}

/** Annotations of one paragraph of one article: what quote-in-context shows together. */
interface ParagraphPassages {
  article: Passage['article'];
  text: ArticleText;
  annotations: AnnotationRecord[];
}

/** Passages grouped by the paragraph they stand in, in reading order, for quote-in-context. */
export function groupByParagraph(passages: Passage[]): ParagraphPassages[] {
  const groups = new Map<string, ParagraphPassages>();
  for (const { article, annotation, text } of passages) {
    const key = `${article.id}\u0000${annotation.context}`;
    const group = groups.get(key) ?? { article, text, annotations: [] };
    group.annotations.push(annotation);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Passages grouped once per build, so a page per claim or person does not rescan every article. */
interface PassageIndex {
  /** Every quote, in article order. */
  quotes: Passage[];
  /** Passages that state or back a claim, by claim id. */
  byClaim: Map<string, Passage[]>;
  /** Mentions and quotes of a person, by person id. */
  byPerson: Map<string, Passage[]>;
  /** Quotes that answer someone else's claim (`disputes=`, …), by that claim's id, newest article first. */
  responsesByClaim: Map<string, Passage[]>;
}

let indexed: Promise<PassageIndex> | undefined;

export function passageIndex(): Promise<PassageIndex> {
  indexed ??= (async () => {
    const index: PassageIndex = { quotes: [], byClaim: new Map(), byPerson: new Map(), responsesByClaim: new Map() };
    const add = (map: Map<string, Passage[]>, key: string, passage: Passage) => {
      const list = map.get(key);
      if (list) list.push(passage);
      else map.set(key, [passage]);
    };
    for (const { entry, annotations, text } of await renderedArticles()) {
      for (const annotation of annotations) {
        const passage = { article: entry, annotation, text };
        if (annotation.kind === 'quote') index.quotes.push(passage);
        if (annotation.claim) add(index.byClaim, annotation.claim, passage);
        if (annotation.person) add(index.byPerson, annotation.person, passage);
        if (annotation.response) add(index.responsesByClaim, annotation.response.claim, passage);
      }
    }
    return index;
  })();
  return indexed;
}

/** An article listed under another as related, with the names of what they share. */
interface RelatedStory {
  article: CollectionEntry<'articles'>;
  score: number;
  /** People's names, claims' titles and topics, in that order: the "Also about …" line. */
  reasons: string[];
}

let related: Promise<Map<string, RelatedStory[]>> | undefined;

/** Related stories of every article by slug, ranked once per build (see related.ts). */
export function relatedStories(): Promise<Map<string, RelatedStory[]>> {
  related ??= (async () => {
    const [articles, { peopleData, claimsData }] = await Promise.all([renderedArticles(), registryEntries()]);
    const bySlug = new Map(articles.map(({ entry }) => [entry.id, entry]));
    const label = topicLabels(articles.map(({ entry }) => entry.data.tags));
    const ranked = relatedArticles(
      articles.map(({ entry, annotations }) => ({
        slug: entry.id,
        date: entry.data.published,
        people: annotations.flatMap((annotation) => (annotation.person ? [annotation.person] : [])),
        claims: annotations.flatMap((annotation) => (annotation.claim ? [annotation.claim] : [])),
        tags: entry.data.tags,
      })),
    ).related;
    const stories = new Map<string, RelatedStory[]>();
    for (const [slug, list] of ranked) {
      stories.set(
        slug,
        list.flatMap(({ slug: other, score, shared }) => {
          const article = bySlug.get(other);
          if (!article) return [];
          const reasons = [
            ...shared.people.map((id) => peopleData.get(id)?.name ?? id),
            ...shared.claims.map((id) => `the claim ${claimsData.get(id)?.title ?? id}`),
            ...shared.tags.map(label),
          ];
          return [{ article, score, reasons }];
        }),
      );
    }
    return stories;
  })();
  return related;
}
