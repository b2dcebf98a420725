import type { APIRoute, GetStaticPaths } from 'astro';
import { renderedArticles, type RenderedArticle } from '../../../collections/articles';
import { registryEntries } from '../../../collections/registry-entries';
import { siteRefs } from '../../../lib/site-refs';
import { ANNO_MEDIA_TYPE, annotationCollection } from '../../../exports/web-annotations';
import { buildScope } from '../../../collections/build-scope';

export const getStaticPaths = (async () =>
  (await renderedArticles())
    .filter((article) => buildScope.article(article.entry.id))
    .map((article) => ({
      params: { slug: article.entry.id },
      props: { article },
    }))) satisfies GetStaticPaths;

/** `/articles/<slug>/annotations.jsonld`: the article's annotations as W3C Web Annotations. */
export const GET: APIRoute<{ article: RenderedArticle }> = async ({ props }) => {
  const { entry, annotations, text } = props.article;
  const { peopleData: people, claimsData: claims } = await registryEntries();
  const collection = annotationCollection(siteRefs, { article: entry, annotations, text, people, claims });
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': ANNO_MEDIA_TYPE } });
};
