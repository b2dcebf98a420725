import type { CollectionEntry } from 'astro:content';
import { groupTopics, topicSlug, type Topic } from '../content/topics';
import { renderedArticles, type RenderedArticle } from './articles';

/** Someone or something that appears in a topic's articles, and in how many of them. */
interface TopicCount {
  id: string;
  /** Articles of the topic it appears in. */
  articles: number;
}

/** A topic page: its articles newest first, and the people and claims they annotate. */
interface TopicPage extends Topic<RenderedArticle> {
  /** By article count, then id. */
  people: TopicCount[];
  claims: TopicCount[];
}

/** Ids annotated in each article, counted once per article, most frequent first. */
function countAcross(
  articles: readonly RenderedArticle[],
  idsOf: (article: RenderedArticle) => (string | undefined)[],
): TopicCount[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const id of new Set(idsOf(article))) {
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, articles]) => ({ id, articles }))
    .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id));
}

let cached: Promise<TopicPage[]> | undefined;

/** Every topic of the site, sorted by label, computed once per build. */
export function topicPages(): Promise<TopicPage[]> {
  cached ??= (async () => {
    const articles = await renderedArticles();
    return groupTopics(articles, ({ entry }) => entry.data.tags).map((topic) => ({
      ...topic,
      people: countAcross(topic.members, ({ annotations }) => annotations.map((a) => a.person)),
      claims: countAcross(topic.members, ({ annotations }) => annotations.map((a) => a.claim)),
    }));
  })();
  return cached;
}

let labels: Promise<Map<string, string>> | undefined;

/** Each topic's label by slug, made once per build rather than once per article page. */
function topicLabels(): Promise<Map<string, string>> {
  labels ??= topicPages().then((topics) => new Map(topics.map((topic) => [topic.slug, topic.label])));
  return labels;
}

/** An article's topics as links show them: slug and label, in the article's order. */
export async function articleTopics(tags: readonly string[]): Promise<{ slug: string; label: string }[]> {
  const bySlug = await topicLabels();
  const slugs = [...new Set(tags.map(topicSlug).filter(Boolean))];
  return slugs.map((slug) => ({ slug, label: bySlug.get(slug) ?? slug }));
}

/** Articles that name each author, newest first (the order of `renderedArticles`). */
let byAuthor: Promise<Map<string, CollectionEntry<'articles'>[]>> | undefined;

export function articlesByAuthor(): Promise<Map<string, CollectionEntry<'articles'>[]>> {
  byAuthor ??= (async () => {
    const map = new Map<string, CollectionEntry<'articles'>[]>();
    for (const { entry } of await renderedArticles()) {
      for (const id of new Set(entry.data.authors ?? [])) {
        const list = map.get(id);
        if (list) list.push(entry);
        else map.set(id, [entry]);
      }
    }
    return map;
  })();
  return byAuthor;
}
