import { topicSlug } from '../content/topics';

/** What related-story ranking needs to know about one article. */
export interface RelatedInput {
  slug: string;
  /** `YYYY-MM-DD`: the newer of two equally related articles comes first. */
  date: string;
  /** Ids of the people the article annotates. */
  people: readonly string[];
  /** Ids of the claims the article annotates. */
  claims: readonly string[];
  /** Topics as written in frontmatter; compared as topics are (`topicSlug`: case, spaces, hyphens, dots, accents). */
  tags: readonly string[];
}

/** Why two articles are related: what they share, each list in the order the viewed article has it. */
interface SharedThings {
  people: string[];
  claims: string[];
  /** The viewed article's spelling of each shared tag. */
  tags: string[];
}

interface RelatedArticle {
  slug: string;
  score: number;
  shared: SharedThings;
}

interface RelatedOptions {
  /** Most related articles per article. */
  limit?: number;
  /**
   * An entity in more articles than this says little about any pair of them (a tag on
   * every article), and walking its whole list from each of its articles would make the
   * work quadratic: such entities are skipped.
   */
  maxPostings?: number;
}

interface RelatedResult {
  related: Map<string, RelatedArticle[]>;
  /** Posting-list entries visited: bounded by `maxPostings` times the entities of all articles. */
  operations: number;
}

type Kind = keyof SharedThings;

/** Points per shared entity: a shared claim says most, a shared person least. */
const RELATED_WEIGHTS: Readonly<Record<Kind, number>> = { claims: 3, tags: 2, people: 1 };

const KINDS: readonly Kind[] = ['people', 'claims', 'tags'];

/**
 * Skip an entity found in more than 20% of the archive, or in more than 200 articles; in
 * an archive of fewer than 50 articles every entity shared by up to 10 articles counts.
 */
export function defaultMaxPostings(articleCount: number): number {
  return Math.min(200, Math.max(10, Math.floor(articleCount * 0.2)));
}

/** One article's entities of each kind, deduplicated, as keys of the inverted index. */
function entityKeys(article: RelatedInput): Record<Kind, Map<string, string>> {
  const keys = {
    people: new Map<string, string>(),
    claims: new Map<string, string>(),
    tags: new Map<string, string>(),
  };
  for (const id of article.people) keys.people.set(id, id);
  for (const id of article.claims) keys.claims.set(id, id);
  for (const tag of article.tags) {
    // Folded as topic pages fold them: `tarrant-bay` and `Tarrant Bay` are one topic.
    const key = topicSlug(tag);
    if (key && !keys.tags.has(key)) keys.tags.set(key, tag);
  }
  return keys;
}

/** One entity of an article with the articles that have it (the index's posting list). */
interface Posting {
  kind: Kind;
  key: string;
  /** The article's own spelling, for tags. */
  label: string;
  articles: number[];
}

/** The inverted index (entity → articles), read back as each article's own postings. */
function postingsByArticle(keys: Record<Kind, Map<string, string>>[]): Posting[][] {
  const index = new Map<string, number[]>();
  return keys.map((own, article) =>
    KINDS.flatMap((kind) =>
      [...own[kind]].map(([key, label]) => {
        const id = `${kind}\0${key}`;
        const articles = index.get(id) ?? [];
        if (!articles.length) index.set(id, articles);
        articles.push(article);
        return { kind, key, label, articles };
      }),
    ),
  );
}

/**
 * Up to `limit` related articles for every article, ranked by shared claims, topics and
 * people, then by recency. An inverted index (entity → articles) means each article only
 * meets the articles it shares something with; no pair of articles is compared otherwise.
 */
export function relatedArticles(articles: readonly RelatedInput[], options: RelatedOptions = {}): RelatedResult {
  const limit = options.limit ?? 5;
  const maxPostings = options.maxPostings ?? defaultMaxPostings(articles.length);
  const keys = articles.map(entityKeys);
  // Every list is complete once the index is built: the lists are shared, not copied.
  const postings = postingsByArticle(keys).map((own) => own.filter(({ articles }) => articles.length <= maxPostings));
  const scores = new Float64Array(articles.length);
  const touched: number[] = [];
  let operations = 0;
  const related = new Map<string, RelatedArticle[]>();
  postings.forEach((own, index) => {
    touched.length = 0;
    for (const { kind, articles: list } of own) {
      for (const other of list) {
        operations++;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + RELATED_WEIGHTS[kind];
      }
    }
    const best = bestOf(touched, scores, articles, limit);
    related.set(
      articles[index]!.slug,
      best.map((other) => ({ slug: articles[other]!.slug, score: scores[other]!, shared: shared(own, other) })),
    );
    for (const other of touched) scores[other] = 0;
  });
  return { related, operations };
}

/** What the viewed article shares with `other`, from its own postings (so skipped entities never show). */
function shared(own: Posting[], other: number): SharedThings {
  const things: SharedThings = { people: [], claims: [], tags: [] };
  for (const { kind, label, articles } of own) if (articles.includes(other)) things[kind].push(label);
  return things;
}

/**
 * The `limit` best candidates: highest score first, then the newer article, then by slug so
 * the order never depends on input order. One pass, keeping a short sorted list.
 */
function bestOf(candidates: number[], scores: Float64Array, articles: readonly RelatedInput[], limit: number) {
  // Plain code-unit order: ISO days and ASCII slugs sort right, far faster than localeCompare.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const before = (a: number, b: number) =>
    scores[a]! - scores[b]! ||
    order(articles[a]!.date, articles[b]!.date) ||
    order(articles[b]!.slug, articles[a]!.slug);
  const best: number[] = [];
  for (const candidate of candidates) {
    if (best.length === limit && before(candidate, best[limit - 1]!) <= 0) continue;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && before(candidate, best[at - 1]!) > 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}
