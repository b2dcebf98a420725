import { getCollection, type CollectionEntry } from 'astro:content';

interface RegistryEntries {
  people: CollectionEntry<'people'>[];
  peopleById: Map<string, CollectionEntry<'people'>>;
  claims: CollectionEntry<'claims'>[];
  claimsById: Map<string, CollectionEntry<'claims'>>;
  /** The same, data only, as the Web Annotation export takes them. */
  peopleData: Map<string, CollectionEntry<'people'>['data']>;
  claimsData: Map<string, CollectionEntry<'claims'>['data']>;
  /** Claims by the id of the person who made them, newest first. */
  claimsByClaimant: Map<string, CollectionEntry<'claims'>[]>;
  /** Staff authors, by id. */
  authors: CollectionEntry<'authors'>[];
  authorsById: Map<string, CollectionEntry<'authors'>>;
}

let cached: Promise<RegistryEntries> | undefined;

/**
 * People, claims and authors, read from the collections once per build and shared by every page:
 * each `getCollection` call walks every entry again, which a page per article or claim
 * would repeat thousands of times.
 */
export function registryEntries(): Promise<RegistryEntries> {
  cached ??= (async () => {
    const [people, claims, authors] = await Promise.all([
      getCollection('people'),
      getCollection('claims'),
      getCollection('authors'),
    ]);
    const claimsByClaimant = new Map<string, CollectionEntry<'claims'>[]>();
    for (const claim of [...claims].sort((a, b) => b.data.date.localeCompare(a.data.date))) {
      const list = claimsByClaimant.get(claim.data.claimant);
      if (list) list.push(claim);
      else claimsByClaimant.set(claim.data.claimant, [claim]);
    }
    return {
      people,
      peopleById: new Map(people.map((person) => [person.id, person])),
      claims,
      claimsById: new Map(claims.map((claim) => [claim.id, claim])),
      peopleData: new Map(people.map((person) => [person.id, person.data])),
      claimsData: new Map(claims.map((claim) => [claim.id, claim.data])),
      claimsByClaimant,
      authors,
      authorsById: new Map(authors.map((author) => [author.id, author])),
    };
  })();
  return cached;
}
