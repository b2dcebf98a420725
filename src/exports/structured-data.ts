/**
 * schema.org descriptions of our pages as JSON-LD (https://schema.org, Google's structured
 * data guidelines for NewsArticle and ClaimReview). Pure functions: pages pass in content
 * and the URL helpers, and get a `@graph` to publish with `serializeJsonLd`.
 */
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';
import type { ArticleData, AuthorData, ClaimData, PersonData } from '../content/schemas';
import { CLAIM_STATUSES } from '../content/schemas';
import { lastModified, type ChangeEntry } from '../content/schemas/article';
import { passageHref } from './passage-links';
import { SITE_ICON } from '../lib/site-icon';
import { SITE_LANGUAGE } from '../lib/site-language';
import { absoluteUrl, type SiteRefs } from '../lib/urls';

export type JsonLdNode = Record<string, unknown>;

/** Article times (YYYY-MM-DD) and tags, for Open Graph `article:*` tags. */
export interface ArticleTimes {
  published: string;
  modified: string;
  tags: string[];
}

export interface Entry<T> {
  id: string;
  data: T;
}

interface QuotePassage {
  article: Entry<ArticleData>;
  annotation: AnnotationRecord;
  text: ArticleText;
}

const CONTEXT = 'https://schema.org';
const abs = (refs: SiteRefs, path: string) => absoluteUrl(refs.site, path);

/** Stable node ids, so pages refer to the same person or claim the same way. */
export const nodeIds = {
  site: (refs: SiteRefs) => `${abs(refs, refs.urls.home())}#site`,
  publisher: (refs: SiteRefs) => `${abs(refs, refs.urls.home())}#publisher`,
  article: (refs: SiteRefs, slug: string) => `${abs(refs, refs.urls.article(slug))}#article`,
  person: (refs: SiteRefs, id: string) => `${abs(refs, refs.urls.person(id))}#person`,
  author: (refs: SiteRefs, id: string) => `${abs(refs, refs.urls.author(id))}#author`,
  claim: (refs: SiteRefs, id: string) => `${abs(refs, refs.urls.claim(id))}#claim`,
  review: (refs: SiteRefs, id: string) => `${abs(refs, refs.urls.claim(id))}#review`,
};

/** `<script type="application/ld+json">` body that no `</script>` or `<!--` in content can break out of. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function graph(nodes: JsonLdNode[]): JsonLdNode {
  return { '@context': CONTEXT, '@graph': nodes };
}

/** The site's icon as an `ImageObject`: the publisher's logo, and the image of an article without a photograph. */
function siteIconNode(refs: SiteRefs): JsonLdNode {
  const url = abs(refs, refs.urls.path(SITE_ICON.file));
  return { '@type': 'ImageObject', url, contentUrl: url, width: SITE_ICON.size, height: SITE_ICON.size };
}

export function publisherNode(refs: SiteRefs): JsonLdNode {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': nodeIds.publisher(refs),
    name: refs.siteName,
    url: abs(refs, refs.urls.home()),
    logo: siteIconNode(refs),
  };
}

export function websiteNode(refs: SiteRefs): JsonLdNode {
  return {
    '@type': 'WebSite',
    '@id': nodeIds.site(refs),
    name: refs.siteName,
    url: abs(refs, refs.urls.home()),
    inLanguage: SITE_LANGUAGE,
    publisher: { '@id': nodeIds.publisher(refs) },
  };
}

/**
 * Any page without a more specific description: the page, on our site. The not-found page
 * answers at every missing address, so it has no URL of its own (`pageUrl` undefined).
 */
export function webPageNode(
  refs: SiteRefs,
  pageUrl: string | undefined,
  name: string,
  description: string,
): JsonLdNode {
  return {
    '@type': 'WebPage',
    ...(pageUrl ? { '@id': pageUrl, url: pageUrl } : {}),
    name,
    description,
    isPartOf: { '@id': nodeIds.site(refs) },
  };
}

function personNode(refs: SiteRefs, person: Entry<PersonData>, full = false): JsonLdNode {
  const { name, role, bio, affiliation, country, aliases } = person.data;
  return {
    '@type': 'Person',
    '@id': nodeIds.person(refs, person.id),
    name,
    url: abs(refs, refs.urls.person(person.id)),
    jobTitle: role,
    ...(full ? { description: bio } : {}),
    ...(full && aliases.length ? { alternateName: aliases } : {}),
    ...(affiliation ? { affiliation: { '@type': 'Organization', name: affiliation } } : {}),
    ...(full && country ? { nationality: { '@type': 'Country', name: country } } : {}),
  };
}

/** A staff author: their name, their page and, on that page, who they are. */
function authorNode(refs: SiteRefs, author: Entry<AuthorData>, full = false): JsonLdNode {
  const { name, role, bio, links } = author.data;
  return {
    '@type': 'Person',
    '@id': nodeIds.author(refs, author.id),
    name,
    url: abs(refs, refs.urls.author(author.id)),
    ...(full ? { jobTitle: role, description: bio, worksFor: { '@id': nodeIds.publisher(refs) } } : {}),
    ...(full && links.length ? { sameAs: links.map((link) => link.url) } : {}),
  };
}

/** Author page: the author as a ProfilePage's main entity, and the articles they wrote. */
export function authorGraph(refs: SiteRefs, author: Entry<AuthorData>, articles: Entry<ArticleData>[]): JsonLdNode {
  const pageUrl = abs(refs, refs.urls.author(author.id));
  return graph([
    {
      '@type': 'ProfilePage',
      '@id': pageUrl,
      url: pageUrl,
      name: author.data.name,
      mainEntity: { '@id': nodeIds.author(refs, author.id) },
      isPartOf: { '@id': nodeIds.site(refs) },
      ...(articles.length
        ? { hasPart: articles.map((article) => ({ '@id': nodeIds.article(refs, article.id) })) }
        : {}),
    },
    authorNode(refs, author, true),
    publisherNode(refs),
  ]);
}

/** A topic as what an article is `about`: its name and its page. */
interface TopicRef {
  slug: string;
  label: string;
}

function topicThing(refs: SiteRefs, topic: TopicRef): JsonLdNode {
  return { '@type': 'Thing', name: topic.label, url: abs(refs, refs.urls.topic(topic.slug)) };
}

/** Topic page: a collection of the topic's articles. */
export function topicGraph(refs: SiteRefs, topic: TopicRef, articles: Entry<ArticleData>[]): JsonLdNode {
  const pageUrl = abs(refs, refs.urls.topic(topic.slug));
  return graph([
    {
      '@type': 'CollectionPage',
      '@id': pageUrl,
      url: pageUrl,
      name: topic.label,
      about: topicThing(refs, topic),
      isPartOf: { '@id': nodeIds.site(refs) },
      hasPart: articles.map((article) => ({ '@id': nodeIds.article(refs, article.id) })),
    },
  ]);
}

/**
 * Who wrote the article: its staff authors, each a Person with their page; else the people a
 * free-text byline names; else the publisher. Beside staff authors a byline is often not a
 * name ("With reporting by …"), so it stays page text only.
 */
function articleAuthors(refs: SiteRefs, data: ArticleData, authors: Entry<AuthorData>[]): JsonLdNode | JsonLdNode[] {
  const staff = (data.authors ?? []).flatMap((id) => {
    const author = authors.find((candidate) => candidate.id === id);
    return author ? [authorNode(refs, author)] : [];
  });
  if (staff.length) return staff;
  return data.byline ? bylineAuthors(data.byline) : { '@id': nodeIds.publisher(refs) };
}

/** "By Jane Doe and John Roe" → the people named; other bylines are kept as written. */
function bylineAuthors(byline: string): JsonLdNode[] {
  const names = byline
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
  return names.map((name) => ({ '@type': 'Person', name }));
}

function quotationNode(refs: SiteRefs, { article, annotation, text }: QuotePassage): JsonLdNode {
  const speaker = { '@id': nodeIds.person(refs, annotation.person!) };
  return {
    '@type': 'Quotation',
    '@id': abs(refs, refs.urls.article(article.id, annotation.id)),
    text: annotation.text,
    url: abs(refs, passageHref(refs.urls, article, text, annotation)),
    creator: speaker,
    spokenByCharacter: speaker,
    isPartOf: { '@id': nodeIds.article(refs, article.id) },
    ...quotationAbout(refs, annotation),
  };
}

/**
 * What a quote is about: the claim it states (`claim=`) and the claim it answers
 * (`disputes=`, …), by the Claim nodes' ids on the claims' pages.
 */
function quotationAbout(refs: SiteRefs, { claim, response }: AnnotationRecord): JsonLdNode {
  const about = [claim, response?.claim]
    .filter((id): id is string => Boolean(id))
    .map((id) => ({ '@id': nodeIds.claim(refs, id) }));
  if (!about.length) return {};
  return { about: about.length === 1 ? about[0] : about };
}

/** The article's lead photograph as processed for link previews: absolute URL and size. */
export interface ArticleImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string | undefined;
  credit: string;
}

interface ArticleGraphInput {
  article: Entry<ArticleData>;
  annotations: AnnotationRecord[];
  text: ArticleText;
  people: Entry<PersonData>[];
  /** Staff authors; those the article names in `authors` become its `author`. */
  authors?: Entry<AuthorData>[];
  /** The article's topics, for `keywords` and `about` (else its tags as written). */
  topics?: TopicRef[];
  /** The lead photograph, when the article has one. */
  image?: ArticleImage | undefined;
}

/** The lead photograph as schema.org's `ImageObject`. */
function imageObjectNode({ url, width, height, caption, credit }: ArticleImage): JsonLdNode {
  return {
    '@type': 'ImageObject',
    url,
    contentUrl: url,
    width,
    height,
    ...(caption ? { caption } : {}),
    creditText: credit,
  };
}

/** A correction printed on the article, as schema.org's `CorrectionComment`. */
function correctionNode({ date, text }: ChangeEntry): JsonLdNode {
  return { '@type': 'CorrectionComment', text, datePublished: date };
}

/** NewsArticle with the people it mentions and the quotes it carries. */
export function articleGraph(refs: SiteRefs, input: ArticleGraphInput): JsonLdNode {
  const { article, annotations, text, people, authors = [], topics, image } = input;
  const { title, description, published, credits, tags, corrections } = article.data;
  const keywords = topics ? topics.map((topic) => topic.label) : tags;
  const pageUrl = abs(refs, refs.urls.article(article.id));
  const mentioned = people.filter((person) => annotations.some((a) => a.person === person.id));
  const quotes = annotations.filter((a) => a.kind === 'quote');
  const newsArticle: JsonLdNode = {
    '@type': 'NewsArticle',
    '@id': nodeIds.article(refs, article.id),
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    headline: title,
    description,
    datePublished: published,
    dateModified: lastModified(article.data) ?? published,
    inLanguage: SITE_LANGUAGE,
    isAccessibleForFree: true,
    author: articleAuthors(refs, article.data, authors),
    ...(credits ? { creditText: credits } : {}),
    image: image ? imageObjectNode(image) : siteIconNode(refs),
    publisher: { '@id': nodeIds.publisher(refs) },
    isPartOf: { '@id': nodeIds.site(refs) },
    ...(keywords.length ? { keywords } : {}),
    ...(topics?.length ? { about: topics.map((topic) => topicThing(refs, topic)) } : {}),
    mentions: mentioned.map((person) => ({ '@id': nodeIds.person(refs, person.id) })),
    // Corrections only: schema.org has no property for plain updates beyond `dateModified`.
    ...(corrections.length ? { correction: corrections.map(correctionNode) } : {}),
    ...(quotes.length
      ? { hasPart: quotes.map((q) => ({ '@id': abs(refs, refs.urls.article(article.id, q.id)) })) }
      : {}),
  };
  return graph([
    newsArticle,
    publisherNode(refs),
    websiteNode(refs),
    ...mentioned.map((person) => personNode(refs, person)),
    ...quotes.map((annotation) => quotationNode(refs, { article, annotation, text })),
  ]);
}

/** Person page: the person and their quotes. */
export function personGraph(refs: SiteRefs, person: Entry<PersonData>, quotes: QuotePassage[]): JsonLdNode {
  const pageUrl = abs(refs, refs.urls.person(person.id));
  return graph([
    {
      '@type': 'ProfilePage',
      '@id': pageUrl,
      url: pageUrl,
      name: person.data.name,
      mainEntity: { '@id': nodeIds.person(refs, person.id) },
      isPartOf: { '@id': nodeIds.site(refs) },
    },
    personNode(refs, person, true),
    ...quotes.map((quote) => quotationNode(refs, quote)),
  ]);
}

/** Google asks for a `claimReviewed` under 75 characters. */
const CLAIM_REVIEWED_LIMIT = 75;

/** The statement, shortened at a word boundary (with an ellipsis) when it is too long. */
export function shortClaim(statement: string, limit = CLAIM_REVIEWED_LIMIT): string {
  const text = statement.replace(/\s+/g, ' ').trim();
  if (text.length < limit) return text;
  const room = text.slice(0, limit - 1);
  const cut = room.slice(0, room.lastIndexOf(' ')).replace(/[\s,;:.—–-]+$/, '');
  return `${cut || room.slice(0, limit - 2)}…`;
}

/** Ratings on Google's 1–5 scale; `alternateName` is the verdict in words. */
const VERDICT_RATINGS = { false: 1, disputed: 3, supported: 5 } as const;

interface ClaimGraphInput {
  claim: Entry<ClaimData>;
  claimant: Entry<PersonData>;
  /** Passages of articles that state or back the claim; the first is where it appeared. */
  passages: QuotePassage[];
  /** Quotes by others that dispute, support or answer the claim: Quotations `about` it. */
  responses?: QuotePassage[];
}

/** Claim page: the claim, its claimant, where it appeared and, for verdicts, our ClaimReview. */
export function claimGraph(refs: SiteRefs, { claim, claimant, passages, responses = [] }: ClaimGraphInput): JsonLdNode {
  const pageUrl = abs(refs, refs.urls.claim(claim.id));
  const { statement, date, source, status } = claim.data;
  const articles = [...new Map(passages.map((p) => [p.article.id, p])).values()];
  const inArticles = articles.map(({ article, annotation, text }) => ({
    '@type': 'NewsArticle',
    '@id': nodeIds.article(refs, article.id),
    url: abs(refs, passageHref(refs.urls, article, text, annotation)),
    headline: article.data.title,
    datePublished: article.data.published,
    publisher: { '@id': nodeIds.publisher(refs) },
  }));
  const appearance = [...inArticles, ...otherAppearances(claim.data)];
  const claimNode: JsonLdNode = {
    '@type': 'Claim',
    '@id': nodeIds.claim(refs, claim.id),
    url: pageUrl,
    name: claim.data.title,
    text: statement,
    ...(claim.data.quote ? { alternateName: claim.data.quote } : {}),
    // The claimant in full here rather than again beside the claim: Google reads it from the claim.
    author: personNode(refs, claimant),
    datePublished: date,
    description: source,
    ...(appearance.length ? { appearance } : {}),
    // The first appearance is described in full in `appearance`; here it is named by its @id.
    ...(inArticles.length ? { firstAppearance: { '@id': inArticles[0]!['@id'] } } : {}),
  };
  const verdict = CLAIM_STATUSES[status].verdict ? (status as keyof typeof VERDICT_RATINGS) : undefined;
  const firstReview =
    (articles[0] && (lastModified(articles[0].article.data) ?? articles[0].article.data.published)) ?? date;
  const mainNodes: JsonLdNode[] = verdict
    ? [
        {
          '@type': 'ClaimReview',
          '@id': nodeIds.review(refs, claim.id),
          url: pageUrl,
          claimReviewed: shortClaim(statement),
          author: { '@id': nodeIds.publisher(refs) },
          ...reviewDates(claim.data, firstReview),
          reviewRating: {
            '@type': 'Rating',
            ratingValue: VERDICT_RATINGS[verdict],
            bestRating: 5,
            worstRating: 1,
            alternateName: CLAIM_STATUSES[verdict].label,
            ratingExplanation: CLAIM_STATUSES[verdict].meaning,
          },
          // Nested in full: Google reads the claim's author and appearance from here.
          itemReviewed: claimNode,
        },
      ]
    : [claimNode];
  return graph([
    {
      '@type': 'WebPage',
      '@id': pageUrl,
      url: pageUrl,
      name: claim.data.title,
      mainEntity: { '@id': verdict ? nodeIds.review(refs, claim.id) : nodeIds.claim(refs, claim.id) },
      isPartOf: { '@id': nodeIds.site(refs) },
    },
    ...mainNodes,
    publisherNode(refs),
    ...responses.map((response) => quotationNode(refs, response)),
  ]);
}

/**
 * Other times the claim was made, each a `CreativeWork` named by where it was said. Its page
 * elsewhere is `sameAs`, the page that identifies it: every `url` in our JSON-LD is one of
 * our own pages.
 */
function otherAppearances({ appearances }: Pick<ClaimData, 'appearances'>): JsonLdNode[] {
  return appearances.map((a) => ({
    '@type': 'CreativeWork',
    name: a.source,
    datePublished: a.date,
    ...(a.url ? { sameAs: a.url } : {}),
  }));
}

/**
 * When the review was published and last changed: the day of the first change to a verdict
 * (or, when the first status was already a verdict, the claim page's first review, on the
 * day its article was published or last corrected), and the day of the latest change.
 */
export function reviewDates(
  claim: Pick<ClaimData, 'statusHistory' | 'statusUpdated'>,
  firstReview: string,
): { datePublished: string; dateModified?: string } {
  const firstVerdict = claim.statusHistory.findIndex((entry) => CLAIM_STATUSES[entry.status].verdict);
  const datePublished = firstVerdict > 0 ? claim.statusHistory[firstVerdict]!.date : firstReview;
  const modified = claim.statusUpdated;
  if (!modified) return { datePublished };
  return { datePublished, dateModified: modified > datePublished ? modified : datePublished };
}

/**
 * Quotes page: a collection of every quote, by the `@id` of the Quotation its article page
 * describes in full, with its speakers. Repeating each Quotation here cost about 590 bytes
 * a quote: 3.5 MB of the page's 6.7 MB at 1,000 articles.
 */
export function quotesGraph(
  refs: SiteRefs,
  pageUrl: string,
  quotes: QuotePassage[],
  speakers: Entry<PersonData>[],
): JsonLdNode {
  return graph([
    {
      '@type': 'CollectionPage',
      '@id': pageUrl,
      url: pageUrl,
      name: 'Quotes',
      isPartOf: { '@id': nodeIds.site(refs) },
      hasPart: quotes.map((q) => ({ '@id': abs(refs, refs.urls.article(q.article.id, q.annotation.id)) })),
    },
    ...speakers.map((person) => personNode(refs, person)),
  ]);
}
