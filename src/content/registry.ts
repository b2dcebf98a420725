import fs from 'node:fs';
import path from 'node:path';
import { authorSchema, claimSchema, personSchema, type AuthorData, type ClaimData, type PersonData } from './schemas';
import { KEBAB_ID } from './schemas/fields';
import { ContentError, displayPath, type ContentProblem } from './problems';
import { controlCharacterProblems, escapedControlCharacterProblems } from './control-characters';
import { parseYamlSource, type YamlSource } from './yaml-source';
import { describeZodIssues } from './zod-problems';
import { didYouMean } from '../lib/suggest';
import { titleKey } from './claim-title';
import { shown, stripInvisible } from '../lib/shown';
import { ZodEffects, type z } from 'astro/zod';

export interface Entry<T> {
  id: string;
  /** Absolute path of the YAML file. */
  file: string;
  data: T;
  source: YamlSource;
}

/** People and claims by id: what annotations may refer to; authors: what articles' `authors` may name. */
export interface Registry {
  people: Map<string, Entry<PersonData>>;
  claims: Map<string, Entry<ClaimData>>;
  /** Staff authors that articles name in `authors` (absent where only annotations are checked). */
  authors?: Map<string, Entry<AuthorData>>;
  /**
   * Ids whose file exists but has problems of its own (reported there): references to them
   * are not "unknown", and `npm run check` says so instead of suggesting another id.
   */
  unusable?: { people: Set<string>; claims: Set<string>; authors?: Set<string> };
}

const YAML_EXTENSIONS = ['.yaml', '.yml'];

/** Lists `*.yaml` files of a folder, sorted, reporting names that cannot be ids. */
export function listEntryFiles(
  dir: string,
  extensions: readonly string[],
  problems: ContentProblem[],
): { id: string; file: string }[] {
  if (!fs.existsSync(dir)) return [];
  const files: { id: string; file: string }[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const ext = path.extname(name);
    if (!extensions.includes(ext)) continue;
    const id = name.slice(0, -ext.length);
    const file = path.join(dir, name);
    if (!KEBAB_ID.test(id)) {
      problems.push({
        file: displayPath(file),
        line: 1,
        column: 1,
        message: `file name \`${shown(id)}\` is not a usable id`,
        hint: 'rename the file to lowercase kebab-case ASCII (letters a-z, digits, single hyphens), e.g. `scott-bessent.yaml`; invisible characters such as zero-width joiners or direction marks count too',
        rule: 'bad-file-name',
      });
      continue;
    }
    files.push({ id, file });
  }
  return files;
}

/** The fields of an object schema, also under refinements and transforms. */
function objectShape(schema: z.ZodTypeAny): z.ZodRawShape {
  const inner = schema instanceof ZodEffects ? schema.sourceType() : schema;
  return (inner as z.AnyZodObject).shape ?? {};
}

function readEntries<T extends z.ZodTypeAny>(
  dir: string,
  schema: T,
  problems: ContentProblem[],
  unusable: Set<string> = new Set(),
): Map<string, Entry<z.output<T>>> {
  const entries = new Map<string, Entry<z.output<T>>>();
  const seen = new Map<string, string>();
  const knownFields = Object.keys(objectShape(schema));
  for (const { id, file } of listEntryFiles(dir, YAML_EXTENSIONS, problems)) {
    const shown = displayPath(file);
    if (seen.has(id)) {
      problems.push({
        file: shown,
        line: 1,
        column: 1,
        message: `duplicate id \`${id}\`: ${seen.get(id)} has the same name`,
        hint: 'keep one of the two files (.yaml and .yml count as the same id)',
        rule: 'duplicate-id',
      });
      continue;
    }
    seen.set(id, shown);
    unusable.add(id);
    const text = fs.readFileSync(file, 'utf8');
    const source = parseYamlSource(text);
    const controlCharacters = controlCharacterProblems(text, shown);
    problems.push(...(controlCharacters.length ? controlCharacters : escapedControlCharacterProblems(source, shown)));
    if (source.errors.length) {
      for (const error of source.errors) {
        problems.push({ file: shown, line: error.line, column: error.column, message: `invalid YAML: ${error.message}`, hint: 'fix the YAML syntax; quote text that contains `: ` or starts with a special character', rule: 'invalid-yaml' });
      }
      continue;
    }
    if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
      problems.push({ file: shown, line: 1, column: 1, message: 'expected a mapping of fields (`name: …`)', hint: `allowed fields: ${knownFields.join(', ')}`, rule: 'not-a-mapping' });
      continue;
    }
    const parsed = schema.safeParse(source.data);
    if (!parsed.success) {
      for (const issue of describeZodIssues(parsed.error, knownFields)) {
        const place = source.placeOf(issue.path);
        problems.push({ file: shown, ...place, field: issue.path.join('.'), message: issue.message, hint: issue.hint, rule: issue.rule });
      }
      continue;
    }
    unusable.delete(id);
    entries.set(id, { id, file, data: parsed.data, source });
  }
  return entries;
}

/** How names compare: case, Unicode composition and invisible characters do not make two names differ. */
function nameKey(name: string): string {
  return stripInvisible(name).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Checks that need more than one file: claimants exist, aliases are not shared. */
function crossCheck(registry: Registry, problems: ContentProblem[]): void {
  const nameOwners = new Map<string, string>();
  for (const person of registry.people.values()) {
    const names = [person.data.name, ...person.data.aliases];
    person.data.aliases.forEach((alias, index) => {
      const key = nameKey(alias);
      const owner = nameOwners.get(key);
      if (owner && owner !== person.id) {
        problems.push({
          file: displayPath(person.file),
          ...person.source.placeOf(['aliases', index]),
          field: `aliases.${index}`,
          message: `alias "${alias}" is also a name or alias of \`${owner}\``,
          hint: 'an alias must point at one person; remove it from one of the two files',
          rule: 'shared-alias',
        });
      }
    });
    for (const name of names) {
      if (!nameOwners.has(nameKey(name))) nameOwners.set(nameKey(name), person.id);
    }
  }
  for (const claim of registry.claims.values()) {
    if (!registry.people.has(claim.data.claimant) && !registry.unusable?.people.has(claim.data.claimant)) {
      problems.push({
        file: displayPath(claim.file),
        ...claim.source.placeOf(['claimant']),
        field: 'claimant',
        message: `unknown person \`${claim.data.claimant}\``,
        hint: `${didYouMean(claim.data.claimant, registry.people.keys())}the claimant must be a file name in content/people`,
        rule: 'unknown-claimant',
      });
    }
  }
}

/**
 * Every claim's title names it alone: a second claim with the same title (its own or one
 * made from its statement) is refused at its `title:`, or its `statement:` when it has none.
 */
function checkClaimTitles(claims: Registry['claims'], problems: ContentProblem[]): void {
  const owners = new Map<string, string>();
  for (const claim of claims.values()) {
    const key = titleKey(claim.data.title);
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, claim.id);
      continue;
    }
    const field = claim.source.data && typeof claim.source.data === 'object' && 'title' in claim.source.data ? 'title' : 'statement';
    problems.push({
      file: displayPath(claim.file),
      ...claim.source.placeOf([field]),
      field,
      message: `the claim's title "${claim.data.title}" is also the title of \`${owner}\``,
      hint: field === 'title' ? 'give this claim a title of its own: a few words that tell it apart from the other' : 'add a `title:` of its own to this claim: a few words that tell it apart from the other, whose statement begins the same way',
      rule: 'duplicate-claim-title',
    });
  }
}

/** Reads and validates people, claims and authors, collecting every problem instead of stopping. */
export function readRegistry(contentDir: string): { registry: Registry; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const unusable = { people: new Set<string>(), claims: new Set<string>(), authors: new Set<string>() };
  const registry: Registry = {
    people: readEntries(path.join(contentDir, 'people'), personSchema, problems, unusable.people),
    claims: readEntries(path.join(contentDir, 'claims'), claimSchema, problems, unusable.claims),
    authors: readEntries(path.join(contentDir, 'authors'), authorSchema, problems, unusable.authors),
    unusable,
  };
  crossCheck(registry, problems);
  checkClaimTitles(registry.claims, problems);
  return { registry, problems };
}

const cache = new Map<string, Registry>();

/**
 * The validated registry; throws a {@link ContentError} listing every problem.
 * Cached per folder for a build; pass `fresh` while authoring so edits are seen.
 */
export function loadRegistry(contentDir: string, { fresh = false } = {}): Registry {
  const cached = cache.get(contentDir);
  if (cached && !fresh) return cached;
  const { registry, problems } = readRegistry(contentDir);
  if (problems.length) throw new ContentError(problems);
  cache.set(contentDir, registry);
  return registry;
}
