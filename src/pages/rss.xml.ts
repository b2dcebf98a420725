import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { renderedArticles } from '../collections/articles';
import { SITE_NAME, urls } from '../lib/site';
import { publicUrl } from '../lib/site-refs';

/** `/rss.xml`: every article, newest first, with its description and absolute link. */
export const GET: APIRoute = async () => {
  const articles = await renderedArticles();
  const feedUrl = publicUrl(urls.path('rss.xml'));
  return rss({
    title: SITE_NAME,
    description: 'News with its quotes, figures, people and claims annotated in place.',
    site: publicUrl(urls.home()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(({ entry }) => ({
      title: entry.data.title,
      description: entry.data.description,
      link: publicUrl(urls.article(entry.id)),
      pubDate: new Date(`${entry.data.published}T00:00:00Z`),
      categories: entry.data.tags,
    })),
  });
};
