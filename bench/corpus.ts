import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { FIRST_NAMES, LAST_NAMES, ADJECTIVES, PLACES, GOODS } from './vocabulary';

/**
 * Synthetic archives for the benchmark, derived from the seed article: every article has the
 * seed's paragraphs and annotations (6 people, 7 quotes, 10 figures, 8 claims), with its own
 * slug, claims and quote anchors, people drawn from one shared pool, and a few words varied
 * (names, places, goods, an adjective, percentages) so the search index sees a real vocabulary.
 *
 * Each annotated corpus has a plain-Markdown twin: the same frontmatter and text as `.md`,
 * every directive replaced by its label, the same people and no claims.
 */

export interface SeedContent {
  article: string;
  people: Map<string, Record<string, unknown>>;
  claims: Map<string, Record<string, unknown>>;
}

export interface CorpusArticle {
  slug: string;
  title: string;
  /** Quote labels in reading order, for search queries. */
  quotes: string[];
}

export interface Corpus {
  n: number;
  annotatedDir: string;
  plainDir: string;
  articles: CorpusArticle[];
  people: number;
  claims: number;
}

export const PEOPLE_POOL = 60;

export function readSeed(contentDir: string, slug = 'us-china-trade-framework'): SeedContent {
  const readFolder = (kind: string) => {
    const entries = new Map<string, Record<string, unknown>>();
    const dir = path.join(contentDir, kind);
    for (const name of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      entries.set(
        name.replace(/\.yaml$/, ''),
        parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>,
      );
    }
    return entries;
  };
  return {
    article: fs.readFileSync(path.join(contentDir, 'articles', `${slug}.mdx`), 'utf8'),
    people: readFolder('people'),
    claims: readFolder('claims'),
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;
const pad = (i: number) => String(i).padStart(5, '0');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kebab = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface PoolPerson {
  id: string;
  name: string;
  last: string;
  data: Record<string, unknown>;
}

/** The shared pool: unique last names (aliases must not collide), roles taken from the seed people. */
function peoplePool(seed: SeedContent): PoolPerson[] {
  const seedPeople = [...seed.people.values()];
  return Array.from({ length: PEOPLE_POOL }, (_, k) => {
    const first = FIRST_NAMES[k % FIRST_NAMES.length]!;
    const last = LAST_NAMES[k]!;
    const name = `${first} ${last}`;
    const model = seedPeople[k % seedPeople.length]!;
    return {
      id: kebab(name),
      name,
      last,
      data: {
        name,
        role: model.role,
        ...(model.country ? { country: model.country } : {}),
        aliases: [last],
        bio: `${model.role}. ${name} appears in the synthetic benchmark archive, quoted and mentioned across many articles.`,
      },
    };
  });
}

/** Rewrites seed text for one article: names, places, goods, an adjective and percentages. */
function textTransform(seed: SeedContent, cast: Map<string, PoolPerson>, next: () => number): (text: string) => string {
  const names = new Map<string, string>();
  for (const [id, person] of seed.people) {
    const to = cast.get(id)!;
    names.set(String(person.name), to.name);
    for (const alias of (person.aliases as string[] | undefined) ?? []) {
      // "President Trump" is covered by "Trump".
      if (!alias.includes(' ')) names.set(alias, to.last);
    }
  }
  const [city, country] = pick(PLACES, next);
  const words = new Map<string, string>([
    ...names,
    ['Kuala Lumpur, Malaysia', `${city}, ${country}`],
    ['Kuala Lumpur', city],
    ['soybeans', pick(GOODS, next)],
    ['substantial', pick(ADJECTIVES, next)],
  ]);
  const pattern = new RegExp(
    `\\b(${[...words.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})\\b`,
    'g',
  );
  const percent = String(40 + Math.floor(next() * 120));
  return (text) =>
    text
      .replace(pattern, (word) => words.get(word)!)
      .replace(/\b100 percent\b/g, `${percent} percent`)
      .replace(/value=100 unit=percent/g, `value=${percent} unit=percent`);
}

/** Replaces every annotation directive by its label (innermost first), as plain text. */
export function stripDirectives(body: string, personName: (id: string) => string): string {
  const directive = /:(person|quote|figure|claim)(?:\[([^[\]]*)\])?\{([^{}]*)\}/g;
  let previous: string;
  let text = body;
  do {
    previous = text;
    text = text.replace(directive, (_all, kind: string, label: string | undefined, attributes: string) => {
      if (label !== undefined) return label;
      const id = /#([a-z0-9-]+)/.exec(attributes)?.[1];
      return kind === 'person' && id ? personName(id) : '';
    });
  } while (text !== previous);
  return text;
}

function writeYaml(file: string, data: Record<string, unknown>) {
  fs.writeFileSync(file, stringify(data, { lineWidth: 0 }));
}

function publishedDay(i: number): string {
  const day = new Date(Date.UTC(2025, 9, 26) - i * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * Writes `<root>/annotated` (MDX + people + claims) and `<root>/plain` (Markdown + people)
 * with `n` articles each. Returns what the measurements need to know about them.
 */
export function generateCorpus(seed: SeedContent, n: number, root: string): Corpus {
  fs.rmSync(root, { recursive: true, force: true });
  const annotatedDir = path.join(root, 'annotated');
  const plainDir = path.join(root, 'plain');
  for (const dir of [annotatedDir, plainDir]) {
    for (const kind of ['articles', 'people']) fs.mkdirSync(path.join(dir, kind), { recursive: true });
  }
  fs.mkdirSync(path.join(annotatedDir, 'claims'), { recursive: true });

  const pool = peoplePool(seed);
  for (const person of pool) {
    for (const dir of [annotatedDir, plainDir]) writeYaml(path.join(dir, 'people', `${person.id}.yaml`), person.data);
  }
  const nameOf = new Map(pool.map((p) => [p.id, p.name]));

  const seedPeopleIds = [...seed.people.keys()];
  const seedClaimIds = [...seed.claims.keys()].sort((a, b) => b.length - a.length);
  const articles: CorpusArticle[] = [];
  let claims = 0;
  for (let i = 1; i <= n; i++) {
    const next = random(i * 7919);
    // Six different people of the pool play the seed's six.
    const cast = new Map<string, PoolPerson>();
    const taken = new Set<number>();
    for (const id of seedPeopleIds) {
      let k: number;
      do k = Math.floor(next() * pool.length);
      while (taken.has(k));
      taken.add(k);
      cast.set(id, pool[k]!);
    }
    const transform = textTransform(seed, cast, next);
    const claimId = (id: string) => `${id}-${pad(i)}`;

    let source = transform(seed.article);
    for (const [id, person] of cast) {
      source = source.replace(new RegExp(`([#=])${escapeRegExp(id)}\\b`, 'g'), `$1${person.id}`);
    }
    for (const id of seedClaimIds) {
      source = source.replace(new RegExp(`([#=])${escapeRegExp(id)}(?=[\\s}])`, 'g'), `$1${claimId(id)}`);
    }
    // Unique anchors for quotes: `#q00017-3`.
    let quoteNumber = 0;
    source = source.replace(
      /:quote\[([^\]]*)\]\{/g,
      (_all, label: string) => `:quote[${label}]{#q${pad(i)}-${++quoteNumber} `,
    );
    const quotes = [...source.matchAll(/:quote\[([^\]]*)\]/g)].map((m) => m[1]!);

    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
    const data = parse(frontmatter!) as Record<string, unknown>;
    data.title = `${data.title} (report ${i})`;
    data.published = publishedDay(i);
    const head = `---\n${stringify(data, { lineWidth: 0 })}---\n`;
    const slug = `trade-talks-${pad(i)}`;
    fs.writeFileSync(path.join(annotatedDir, 'articles', `${slug}.mdx`), `${head}${body}`);
    fs.writeFileSync(
      path.join(plainDir, 'articles', `${slug}.md`),
      `${head}${stripDirectives(body!, (id) => nameOf.get(id) ?? id)}`,
    );
    articles.push({ slug, title: String(data.title), quotes });

    for (const [id, claim] of seed.claims) {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(claim))
        copy[key] = typeof value === 'string' ? transform(value) : value;
      copy.claimant = cast.get(String(claim.claimant))!.id;
      // Titles name one claim on the site: each report's copy gets its own.
      if (typeof copy.title === 'string') copy.title = `${copy.title} (report ${i})`;
      writeYaml(path.join(annotatedDir, 'claims', `${claimId(id)}.yaml`), copy);
      claims++;
    }
  }
  return { n, annotatedDir, plainDir, articles, people: pool.length, claims };
}
