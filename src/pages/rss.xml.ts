import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { ArticleData, ChangeEntry } from '../content/schemas/article';
import { lastModified, latestCorrection, latestEntry } from '../content/article-changes';
import { formatDay } from '../lib/format';
import { renderedArticles } from '../collections/articles';
import { registryEntries } from '../collections/registry-entries';
import { articleTopics } from '../collections/topics';
import { SITE_NAME, urls } from '../lib/site';
import { publicUrl } from '../lib/site-refs';

/** Text for the HTML of `content:encoded` (the feed library escapes it again as XML). */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const midnightUtc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Corrected <day>: …" for the latest correction, else the latest update, else the day. */
function changeLine(correction: ChangeEntry | undefined, update: ChangeEntry | undefined, modified: string): string {
  if (correction) return `Corrected ${formatDay(correction.date)}: ${escapeHtml(correction.text)}`;
  if (update) return `Updated ${formatDay(update.date)}: ${escapeHtml(update.text)}`;
  return `Updated ${formatDay(modified)}.`;
}

/**
 * What marks a corrected or updated article in the feed. RSS 2.0 has no element for "changed
 * since published", so it gets three signals, each read by a different kind of reader:
 * - a `Corrected` or `Updated` category, which every reader shows or can filter on;
 * - the item's text (`content:encoded`, which readers prefer over `description`) followed
 *   by "Corrected <day>: …", so the correction is read where the article is; `description`
 *   stays the article's own, as on its page;
 * - `atom:updated` (RFC 4287) in the Atom namespace the feed already declares, which
 *   readers that merge Atom and RSS fields use as the item's modified time.
 */
function changeMarks(data: ArticleData, topics: string[]): Partial<RSSFeedItem> {
  const modified = lastModified(data);
  if (!modified) return {};
  const correction = latestCorrection(data);
  const lines = [escapeHtml(data.description), changeLine(correction, latestEntry(data.updates), modified)];
  return {
    categories: [...topics, correction ? 'Corrected' : 'Updated'],
    content: lines.map((line) => `<p>${line}</p>`).join(''),
    customData: `<atom:updated>${midnightUtc(modified).toISOString().replace('.000Z', 'Z')}</atom:updated>`,
  };
}

const escapeXml = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

/**
 * Who wrote the item, as Dublin Core `dc:creator` (RSS's own `author` must be an e-mail
 * address): each staff author's name, or else the free-text byline without its "By".
 */
function creators(data: ArticleData, names: Map<string, string>): string {
  const staff = (data.authors ?? []).flatMap((id) => names.get(id) ?? []);
  const all = staff.length ? staff : data.byline ? [data.byline.replace(/^by\s+/i, '')] : [];
  return all.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('');
}

/** Items in the feed: feed readers poll it often, so it holds the latest news, not the archive. */
const FEED_ITEMS = 50;

/** `/rss.xml`: the latest articles, newest first, with description, absolute link, authors and topics. */
export const GET: APIRoute = async () => {
  const articles = (await renderedArticles()).slice(0, FEED_ITEMS);
  const names = new Map((await registryEntries()).authors.map((author) => [author.id, author.data.name]));
  const feedUrl = publicUrl(urls.path('rss.xml'));
  return rss({
    title: SITE_NAME,
    description: 'News with its quotes, figures, people and claims annotated in place.',
    site: publicUrl(urls.home()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>en</language><atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all(
      articles.map(async ({ entry }) => {
        const topics = (await articleTopics(entry.data.tags)).map((topic) => topic.label);
        const marks = changeMarks(entry.data, topics);
        return {
          title: entry.data.title,
          description: entry.data.description,
          link: publicUrl(urls.article(entry.id)),
          pubDate: midnightUtc(entry.data.published),
          categories: topics,
          ...marks,
          customData: creators(entry.data, names) + (marks.customData ?? ''),
        };
      }),
    ),
  });
};
