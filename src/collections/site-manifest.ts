import type { Registry } from '../content/registry';
import type { ArticleData, ClaimData, PersonData } from '../content/schemas';
import { SITE_LANGUAGE } from '../lib/site-language';

/** An article the content check passed and the pipeline rendered. */
export interface ManifestArticle {
  slug: string;
  title: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** The page's `<html lang>`. */
  language: string;
}

/** A person as search describes them. */
export type ManifestPerson = { id: string } & Pick<PersonData, 'name' | 'role' | 'aliases'> &
  Partial<Pick<PersonData, 'affiliation' | 'country' | 'bio'>>;

/** A claim as search describes it; `title` is its name everywhere (see `content/claim-title.ts`). */
export type ManifestClaim = { id: string } & Pick<ClaimData, 'title' | 'statement' | 'claimant'> &
  Partial<Pick<ClaimData, 'context'>>;

/**
 * What the build's outputs after the pages (the search index) need from the content, written
 * by the content layer beside the rendered articles once the check has passed. Those outputs
 * then read the pipeline's results instead of reading and validating the content files again.
 * Lists, not objects keyed by id, so the order is the registry's (ids such as `2025` would
 * reorder an object's keys).
 */
export interface SiteManifest {
  /** By slug. */
  articles: ManifestArticle[];
  /** In the registry's order (by id). */
  people: ManifestPerson[];
  claims: ManifestClaim[];
}

/** The article fields a manifest keeps. */
export function manifestArticle(
  slug: string,
  { title, published }: Pick<ArticleData, 'title' | 'published'>,
): ManifestArticle {
  return { slug, title, published, language: SITE_LANGUAGE };
}

/** The manifest of a checked site: its rendered articles and the people and claims they refer to. */
export function siteManifest(
  articles: readonly ManifestArticle[],
  registry: Pick<Registry, 'people' | 'claims'>,
): SiteManifest {
  return {
    articles: [...articles].sort((a, b) => a.slug.localeCompare(b.slug)),
    people: [...registry.people.values()].map(({ id, data: { name, role, aliases, affiliation, country, bio } }) => ({
      id,
      name,
      role,
      aliases,
      ...(affiliation ? { affiliation } : {}),
      ...(country ? { country } : {}),
      ...(bio ? { bio } : {}),
    })),
    claims: [...registry.claims.values()].map(({ id, data: { title, statement, claimant, context } }) => ({
      id,
      title,
      statement,
      claimant,
      ...(context ? { context } : {}),
    })),
  };
}
