/** What related-story ranking needs to know about one article. */
export interface RelatedInput {
  slug: string;
  /** `YYYY-MM-DD`: the newer of two equally related articles comes first. */
  date: string;
  /** Ids of the people the article annotates. */
  people: readonly string[];
  /** Ids of the claims the article annotates. */
  claims: readonly string[];
  /** Topics as written in frontmatter; compared without regard to case or outer spaces. */
  tags: readonly string[];
}

/** Why two articles are related: what they share, each list in the order the viewed article has it. */
export interface SharedThings {
  people: string[];
  claims: string[];
  /** The viewed article's spelling of each shared tag. */
  tags: string[];
}

export interface RelatedArticle {
  slug: string;
  score: number;
  shared: SharedThings;
}

export interface RelatedOptions {
  /** Most related articles per article. */
  limit?: number;
  /**
   * An entity in more articles than this says little about any pair of them (a tag on
   * every article), and walking its whole list from each of its articles would make the
   * work quadratic: such entities are skipped.
   */
  maxPostings?: number;
}

export interface RelatedResult {
  related: Map<string, RelatedArticle[]>;
  /** Posting-list entries visited: bounded by `maxPostings` times the entities of all articles. */
  operations: number;
}

type Kind = keyof SharedThings;

/** Points per shared entity: a shared claim says most, a shared person least. */
export const RELATED_WEIGHTS: Readonly<Record<Kind, number>> = { claims: 3, tags: 2, people: 1 };

const KINDS: readonly Kind[] = ['people', 'claims', 'tags'];

export const normaliseTag = (tag: string): string => tag.trim().toLowerCase();

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
  for (const tag of article.tags) if (!keys.tags.has(normaliseTag(tag))) keys.tags.set(normaliseTag(tag), tag);
  return keys;
}

interface Candidate {
  index: number;
  score: number;
  shared: SharedThings;
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
  const postings = new Map<string, number[]>();
  keys.forEach((own, index) => {
    for (const kind of KINDS) {
      for (const key of own[kind].keys()) {
        const list = postings.get(`${kind}\0${key}`);
        if (list) list.push(index);
        else postings.set(`${kind}\0${key}`, [index]);
      }
    }
  });

  let operations = 0;
  const related = new Map<string, RelatedArticle[]>();
  keys.forEach((own, index) => {
    const candidates = new Map<number, Candidate>();
    for (const kind of KINDS) {
      for (const [key, label] of own[kind]) {
        const list = postings.get(`${kind}\0${key}`) ?? [];
        if (list.length > maxPostings) continue;
        for (const other of list) {
          operations++;
          if (other === index) continue;
          let candidate = candidates.get(other);
          if (!candidate) {
            candidate = { index: other, score: 0, shared: { people: [], claims: [], tags: [] } };
            candidates.set(other, candidate);
          }
          candidate.score += RELATED_WEIGHTS[kind];
          candidate.shared[kind].push(label);
        }
      }
    }
    related.set(articles[index]!.slug, best([...candidates.values()], articles, limit));
  });
  return { related, operations };
}

/** Highest score first, then the newer article, then by slug so the order never depends on input order. */
function best(candidates: Candidate[], articles: readonly RelatedInput[], limit: number): RelatedArticle[] {
  const slugOf = (candidate: Candidate) => articles[candidate.index]!.slug;
  return candidates
    .sort(
      (a, b) =>
        b.score - a.score ||
        articles[b.index]!.date.localeCompare(articles[a.index]!.date) ||
        slugOf(a).localeCompare(slugOf(b)),
    )
    .slice(0, limit)
    .map((candidate) => ({ slug: slugOf(candidate), score: candidate.score, shared: candidate.shared }));
}
