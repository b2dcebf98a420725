import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ArticleImageRecord } from '../annotations/article-images';
import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleFile } from '../content/article-files';
import type { ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';

/** Bumped when what an entry or a rendered article holds changes shape, so older caches are ignored. */
const FORMAT = 2;

/** Entries are spread over this many files, so a one-article edit rewrites one of them. */
const SHARDS = 16;

/** Written while rendered files are being replaced; a cache found with it is not trusted. */
const WRITING_MARKER = 'writing';

/** The folders and file whose contents decide how an article renders. */
const CODE_PATHS = ['src/annotations', 'src/content', 'src/lib', 'package-lock.json'];

/** What an earlier build made of one article, apart from its HTML (which stays in the rendered folder). */
interface CachedArticle {
  /** Source, file, settings, code version and the people's names. */
  key: string;
  /** Registry entries (`person:<id>`, `claim:<id>`) and photographs the output read. */
  dependencies: string[];
  /** Hash of those dependencies as they were. */
  dependencyKey: string;
  /** The rendered files' digest, for the content store. */
  digest: string;
  images: ArticleImageRecord[];
  warnings: ContentProblem[];
  /** Claims the article cites, for the unused-claim check. */
  cites: string[];
  annotations: number;
}

interface Shard {
  format: number;
  entries: Record<string, CachedArticle>;
}

interface RenderCacheSettings {
  base: string;
  site?: string;
  /** See {@link codeVersion}. */
  code: string;
}

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** Every file under a path, sorted, so the hash does not depend on the order of the disk. */
function filesUnder(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => path.join(target, name))
    .filter((file) => fs.statSync(file).isFile());
}

/**
 * A hash of the pipeline's code (src/annotations, src/content, src/lib) and of the locked
 * dependency versions: any change there renders every article again.
 */
export function codeVersion(root: string, paths: readonly string[] = CODE_PATHS): string {
  const hash = createHash('sha256').update(String(FORMAT));
  for (const file of paths.flatMap((part) => filesUnder(path.join(root, part)))) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The registry entries and photographs an article's output depends on, read from its annotations. */
export function dependenciesOf(
  annotations: readonly AnnotationRecord[],
  images: readonly ArticleImageRecord[],
  registry: Registry,
): string[] {
  const people = new Set<string>();
  const claims = new Set<string>();
  for (const record of annotations) {
    if (record.kind === 'person' || record.kind === 'quote') people.add(record.ref);
    if (record.kind === 'claim' || registry.claims.has(record.ref)) claims.add(record.ref);
    if (record.person) people.add(record.person);
    if (record.claim) claims.add(record.claim);
    if (record.response) claims.add(record.response.claim);
  }
  for (const id of claims) {
    const claimant = registry.claims.get(id)?.data.claimant;
    if (claimant) people.add(claimant);
  }
  return [
    ...[...people].sort().map((id) => `person:${id}`),
    ...[...claims].sort().map((id) => `claim:${id}`),
    ...images.map(({ src }) => `image:${src}`),
  ];
}

/**
 * Rendered articles kept between builds, keyed by content hash. An article is reused when
 * its source, its file, the base path and site, the pipeline's code, the people's names
 * (which the missed-person warnings look for) and every registry entry and photograph its
 * output read are as they were; a claim's new status renders only the articles that cite it.
 * The HTML and annotations stay in the rendered-articles folder; the cache keeps the rest
 * of each result in {@link SHARDS} files, rewritten only when one of their entries changed.
 */
export class RenderCache {
  private readonly shards = new Map<number, Shard>();
  private readonly dirty = new Set<number>();
  private readonly seen = new Set<string>();
  private readonly entryHashes = new WeakMap<Registry, Map<string, string>>();
  private readonly sharedKeys = new WeakMap<Registry, string>();
  /** False when an earlier build stopped while replacing rendered files: its entries may not match them. */
  private readonly trusted: boolean;
  /** Whether the writing marker is on disk. */
  private writing = false;
  /** Slugs rendered and reused by this build, in the order they came. */
  readonly rendered: string[] = [];
  readonly reused: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly settings: RenderCacheSettings,
    private readonly warn: (message: string) => void,
  ) {
    this.writing = fs.existsSync(path.join(dir, WRITING_MARKER));
    this.trusted = !this.writing;
  }

  /** The earlier result for an article, when nothing its output depends on has changed. */
  reuse(article: ArticleFile, registry: Registry, renderedFiles: ReadonlySet<string>): CachedArticle | undefined {
    this.seen.add(article.slug);
    const cached = this.shard(article.slug).entries[article.slug];
    if (!cached || !renderedFiles.has(article.slug)) return undefined;
    if (cached.key !== this.articleKey(article, registry)) return undefined;
    if (cached.dependencyKey !== this.dependencyKey(cached.dependencies, article, registry)) return undefined;
    this.reused.push(article.slug);
    return cached;
  }

  /** Records a fresh render; call before its files are written. */
  remember(
    article: ArticleFile,
    registry: Registry,
    result: Omit<CachedArticle, 'key' | 'dependencies' | 'dependencyKey'> & { dependencies: string[] },
  ): void {
    this.rendered.push(article.slug);
    this.seen.add(article.slug);
    this.markWriting();
    const shard = this.shardIndex(article.slug);
    this.shard(article.slug).entries[article.slug] = {
      ...result,
      key: this.articleKey(article, registry),
      dependencyKey: this.dependencyKey(result.dependencies, article, registry),
    };
    this.dirty.add(shard);
  }

  /** Writes the changed shards, drops articles that are gone, and clears the writing mark. */
  save(): void {
    for (let index = 0; index < SHARDS; index++) {
      const shard = this.shards.get(index) ?? this.load(index);
      for (const slug of Object.keys(shard.entries)) {
        if (this.seen.has(slug)) continue;
        delete shard.entries[slug];
        this.dirty.add(index);
      }
      if (!this.dirty.has(index)) continue;
      const file = this.shardFile(index);
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(shard));
      fs.renameSync(`${file}.tmp`, file);
    }
    this.dirty.clear();
    if (this.writing) fs.rmSync(path.join(this.dir, WRITING_MARKER), { force: true });
    this.writing = false;
  }

  /** `Rendered 12 articles, reused 9,988 from the cache`. */
  summary(): string {
    const count = (n: number) => n.toLocaleString('en-US');
    const { length: rendered } = this.rendered;
    return `Rendered ${count(rendered)} article${rendered === 1 ? '' : 's'}, reused ${count(this.reused.length)} from the cache`;
  }

  private markWriting(): void {
    if (this.writing) return;
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, WRITING_MARKER), '');
    this.writing = true;
  }

  private articleKey(article: ArticleFile, registry: Registry): string {
    return sha256(this.sharedKey(registry), article.file, article.source);
  }

  /** Settings, code and everyone's names and aliases: what every article's output reads. */
  private sharedKey(registry: Registry): string {
    let key = this.sharedKeys.get(registry);
    if (!key) {
      const names = [...registry.people.values()].map(({ id, data }) => [id, data.name, data.aliases]);
      const { base, site = '', code } = this.settings;
      key = sha256(String(FORMAT), base, site, code, process.cwd(), JSON.stringify(names));
      this.sharedKeys.set(registry, key);
    }
    return key;
  }

  private dependencyKey(dependencies: readonly string[], article: ArticleFile, registry: Registry): string {
    let hashes = this.entryHashes.get(registry);
    if (!hashes) this.entryHashes.set(registry, (hashes = new Map()));
    const parts = dependencies.map((dependency) => {
      if (dependency.startsWith('image:')) return imageState(dependency.slice('image:'.length), article.file);
      let hash = hashes.get(dependency);
      if (hash === undefined) {
        const [kind, id] = [
          dependency.slice(0, dependency.indexOf(':')),
          dependency.slice(dependency.indexOf(':') + 1),
        ];
        const entry = kind === 'person' ? registry.people.get(id) : registry.claims.get(id);
        hash = entry ? sha256(JSON.stringify(entry.data)) : 'missing';
        hashes.set(dependency, hash);
      }
      return hash;
    });
    return sha256(...dependencies, ...parts);
  }

  private shardIndex(slug: string): number {
    return parseInt(createHash('sha1').update(slug).digest('hex').slice(0, 2), 16) % SHARDS;
  }

  private shardFile(index: number): string {
    return path.join(this.dir, `articles-${index.toString(16).padStart(2, '0')}.json`);
  }

  private shard(slug: string): Shard {
    const index = this.shardIndex(slug);
    return this.shards.get(index) ?? this.load(index);
  }

  /** Reads one shard; a missing, unreadable or outdated one counts as empty, and so does an untrusted cache. */
  private load(index: number): Shard {
    const file = this.shardFile(index);
    let shard: Shard = { format: FORMAT, entries: {} };
    if (!this.trusted) this.dirty.add(index);
    else if (fs.existsSync(file)) {
      try {
        const read = JSON.parse(fs.readFileSync(file, 'utf8')) as Shard;
        if (read?.format === FORMAT && read.entries && typeof read.entries === 'object') shard = read;
      } catch (error) {
        this.warn(`Ignored the render cache file ${file}: ${(error as Error).message}`);
      }
    }
    this.shards.set(index, shard);
    return shard;
  }
}

/** Whether a photograph's file is there and unchanged: its problems come from the disk, not the source. */
function imageState(src: string, articleFile: string): string {
  const stat = fs.statSync(path.resolve(path.dirname(articleFile), src), { throwIfNoEntry: false });
  return stat ? `${stat.isFile()}:${stat.size}:${stat.mtimeMs}` : 'missing';
}
