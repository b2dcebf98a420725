import { groupTopics, topicSlug } from '../content/topics';

/**
 * The one way a topic is named on every page: its label as `groupTopics` chooses it over the
 * site's articles (newest first, as `renderedArticles` lists them), looked up for any
 * spelling of one of its tags. Topic links, topic pages and "Also about …" all read it.
 */
export function topicLabels(tagsNewestFirst: readonly (readonly string[])[]): (tag: string) => string {
  const labels = new Map(groupTopics(tagsNewestFirst, (tags) => tags).map((topic) => [topic.slug, topic.label]));
  return (tag) => labels.get(topicSlug(tag)) ?? tag;
}
