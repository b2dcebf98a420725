/**
 * An article's inline annotations as a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/), so annotation clients can anchor them.
 *
 * Positions count over the DOM `textContent` of the article's `.article__text` element (the
 * words of the article, without its cards and endnotes; see `rehype-article-text.ts`), named
 * by a CssSelector that the TextPositionSelector refines. Positions are UTF-16 code units, as
 * the DOM counts them. The TextQuoteSelector's words occur in the article's text, and so in
 * the document's: clients that match quotes over the whole page (Hypothesis) find them too.
 */
import { noteId } from '../annotations/endnotes';
import type { AnnotationRecord } from '../annotations/kinds';
import { ARTICLE_TEXT_CLASS, type ArticleText } from '../annotations/rehype-article-text';
import type { ArticleData, ClaimData, PersonData } from '../content/schemas';
import { CLAIM_STATUSES } from '../content/schemas';
import { formatFigureValue } from '../lib/format';
import { SITE_LANGUAGE } from '../lib/site-language';
import { absoluteUrl, type SiteRefs } from '../lib/urls';
import type { Entry } from './structured-data';
import { scopedPositionSelector, textQuoteSelector } from './text-selectors';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

interface AnnotationSource {
  article: Entry<ArticleData>;
  annotations: AnnotationRecord[];
  text: ArticleText;
  people: Map<string, PersonData>;
  claims: Map<string, ClaimData>;
}

interface Body {
  type: string;
  [key: string]: unknown;
}

const MOTIVATIONS = { person: 'identifying', quote: 'identifying', figure: 'describing', claim: 'describing' } as const;

function textualBody(value: string, purpose: string): Body {
  return { type: 'TextualBody', value, format: 'text/plain', language: SITE_LANGUAGE, purpose };
}

/** A page of ours as a body; a SpecificResource, because only those carry a `purpose`. */
function linkBody(url: string, purpose: string): Body {
  return { type: 'SpecificResource', purpose, source: { id: url, type: 'Text', format: 'text/html' } };
}

function claimBodies(refs: SiteRefs, claimId: string, claims: Map<string, ClaimData>): Body[] {
  const claim = claims.get(claimId)!;
  return [
    textualBody(`Claim (${CLAIM_STATUSES[claim.status].label}): ${claim.statement}`, 'describing'),
    linkBody(absoluteUrl(refs.site, refs.urls.claim(claimId)), 'linking'),
  ];
}

/** What the annotation says: the person, quote, figure or claim, with its card's URL. */
function bodies(refs: SiteRefs, record: AnnotationRecord, source: AnnotationSource): Body[] {
  const { people, claims, article } = source;
  const person = record.person ? people.get(record.person)! : undefined;
  switch (record.kind) {
    case 'person':
      return [
        textualBody(`${person!.name}, ${person!.role}`, 'identifying'),
        linkBody(absoluteUrl(refs.site, refs.urls.person(record.person!)), 'identifying'),
      ];
    case 'quote':
      return [
        textualBody(`Quote by ${person!.name}, ${person!.role}`, 'identifying'),
        linkBody(absoluteUrl(refs.site, refs.urls.person(record.person!)), 'identifying'),
        ...(record.claim ? claimBodies(refs, record.claim, claims) : []),
      ];
    case 'figure':
      return [
        textualBody(
          `Figure: ${formatFigureValue(record.value!, record.unit)}${record.about ? ` (${record.about})` : ''}`,
          'describing',
        ),
        { ...textualBody(record.value!, 'tagging'), format: 'text/plain' },
        // Figures have no page of their own: their card is the endnote in the article.
        linkBody(absoluteUrl(refs.site, refs.urls.article(article.id, noteId(record.id))), 'describing'),
        ...(record.claim ? claimBodies(refs, record.claim, claims) : []),
      ];
    case 'claim':
      return claimBodies(refs, record.claim!, claims);
  }
}

export function annotationCollection(refs: SiteRefs, source: AnnotationSource) {
  const { article, annotations, text } = source;
  const collectionUrl = absoluteUrl(refs.site, refs.urls.articleAnnotations(article.id));
  const pageUrl = absoluteUrl(refs.site, refs.urls.article(article.id));
  // What the page shows before the article's text, where a quote's words could also occur.
  const before = `${article.data.title} ${article.data.description}`;
  const items = annotations.map((record) => {
    const span = text.spans[record.id];
    if (!span)
      throw new Error(`Annotation #${record.id} of "${article.id}" was not found in the rendered article text`);
    const [start, end] = span;
    return {
      id: `${collectionUrl}#${record.id}`,
      type: 'Annotation',
      motivation: MOTIVATIONS[record.kind],
      created: `${article.data.published}T00:00:00Z`,
      body: bodies(refs, record, source),
      target: {
        type: 'SpecificResource',
        source: pageUrl,
        // Equivalent ways to find the passage: by its words, by position in the article's
        // text, by its element id.
        selector: [
          textQuoteSelector(text.text, start, end, before),
          scopedPositionSelector(`.${ARTICLE_TEXT_CLASS}`, start, end),
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: record.id },
        ],
      },
    };
  });
  return {
    '@context': ANNO_CONTEXT,
    id: collectionUrl,
    type: 'AnnotationCollection',
    label: `Annotations of “${article.data.title}”`,
    total: items.length,
    ...(items.length
      ? {
          first: { id: `${collectionUrl}#page-1`, type: 'AnnotationPage', partOf: collectionUrl, startIndex: 0, items },
        }
      : {}),
  };
}
