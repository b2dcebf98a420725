import type { APIRoute, GetStaticPaths } from 'astro';
import { renderedArticles, type RenderedArticle } from '../../../lib/articles';
import { registryEntries } from '../../../lib/registry-entries';
import { siteRefs } from '../../../lib/site-refs';
import { ANNO_MEDIA_TYPE, annotationCollection } from '../../../lib/web-annotations';

export const getStaticPaths = (async () =>
  (await renderedArticles()).map((article) => ({ params: { slug: article.entry.id }, props: { article } }))) satisfies GetStaticPaths;

/** `/articles/<slug>/annotations.jsonld`: the article's annotations as W3C Web Annotations. */
export const GET: APIRoute<{ article: RenderedArticle }> = async ({ props }) => {
  const { entry, annotations, text } = props.article;
  const registry = await registryEntries();
  const people = new Map([...registry.peopleById].map(([id, person]) => [id, person.data]));
  const claims = new Map([...registry.claimsById].map(([id, claim]) => [id, claim.data]));
  const collection = annotationCollection(siteRefs, { article: entry, annotations, text, people, claims });
  return new Response(JSON.stringify(collection, null, 2), { headers: { 'Content-Type': ANNO_MEDIA_TYPE } });
};
