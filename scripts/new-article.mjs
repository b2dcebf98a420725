#!/usr/bin/env node
/**
 * `npm run new -- "Headline"`: starts an article at content/articles/<slug>.mdx with valid
 * frontmatter (today's date, a slug from the headline). Never overwrites a file.
 *
 * Options: --slug <kebab-id>  --date <YYYY-MM-DD>  --author <author-id> (repeat for each)
 *          --tag <topic> (repeat for each)  (CONTENT_DIR picks another content folder)
 * Run with only a headline, it lists the authors and topics that exist, to pick from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
// How topics compare, as the site groups them: case, spaces and hyphens do not matter.
import { topicSlug } from '../src/content/topics.ts';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 60;
const USAGE =
  'usage: npm run new -- "Headline" [--slug my-slug] [--date YYYY-MM-DD] [--author author-id ...] [--tag topic ...]';

/** "Bessent: U.S. & China reach a deal" → "bessent-us-china-reach-a-deal" (at most 60 characters). */
export function slugify(headline) {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG && slug) break;
    slug = next.slice(0, MAX_SLUG);
  }
  return slug;
}

/** Today in the machine's time zone, as the author sees the calendar. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isRealDay(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

const BODY = [
  'Write the article here. Annotate as you go: `:person[Name]{#person-id}`,',
  '`:quote[words as said]{by=person-id}`, `:figure[100 percent]{value=100 unit=percent}` and',
  '`:claim[the passage that states it]{#claim-id}` (README, "Writing an article").',
].join('\n');

/** Parsed YAML of a file, or undefined when it cannot be read (the content check reports it). */
function readYaml(text) {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

/**
 * What an author can pick from: the authors of content/authors (id and name) and the topics
 * the articles already use (most common spelling, with their article count, most used first).
 */
export function contentChoices(contentRoot) {
  const authorsDir = path.join(contentRoot, 'authors');
  const authors = fs.existsSync(authorsDir)
    ? fs
        .readdirSync(authorsDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => {
          const data = readYaml(fs.readFileSync(path.join(authorsDir, name), 'utf8'));
          return { id: name.replace(/\.ya?ml$/, ''), name: typeof data?.name === 'string' ? data.name : '' };
        })
    : [];
  return { authors, topics: topicsInUse(path.join(contentRoot, 'articles')) };
}

function topicsInUse(articlesDir) {
  const topics = new Map();
  const files = fs.existsSync(articlesDir) ? fs.readdirSync(articlesDir).filter((name) => /\.mdx?$/.test(name)) : [];
  for (const name of files) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(path.join(articlesDir, name), 'utf8'));
    const tags = readYaml(frontmatter?.[1] ?? '')?.tags;
    for (const tag of new Set(Array.isArray(tags) ? tags.filter((t) => typeof t === 'string') : [])) {
      const key = topicSlug(tag);
      if (!key) continue;
      const topic = topics.get(key) ?? { spellings: new Map(), count: 0 };
      const spelling = tag.replace(/\s+/g, ' ').trim();
      topic.spellings.set(spelling, (topic.spellings.get(spelling) ?? 0) + 1);
      topic.count++;
      topics.set(key, topic);
    }
  }
  return [...topics.values()]
    .map(({ spellings, count }) => ({ label: [...spellings].sort((a, b) => b[1] - a[1])[0][0], count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Checks `--author` ids against content/authors; an unknown one stops with the list to pick from. */
function pickAuthors(ids, authors) {
  for (const id of ids) {
    if (!authors.some((author) => author.id === id)) {
      const known = authors.length ? authors.map((a) => a.id).join(', ') : 'none yet (add content/authors/<id>.yaml)';
      throw new UsageError(`--author "${id}" is not in content/authors; authors: ${known}`);
    }
  }
  return [...new Set(ids)];
}

/** `# authors: [lena-hart, priya-nair]` with what exists, or the picked ones for real. */
function authorsLine(authors, choices) {
  if (authors.length) return `authors: ${JSON.stringify(authors)}`;
  const ids = choices.map((author) => author.id);
  return ids.length ? `# authors: [${ids.slice(0, 2).join(', ')}]` : '# authors: [jane-doe]';
}

/** The new file's text. Strings are written as JSON, which is valid YAML, so any headline is safe. */
export function articleTemplate({ title, date, authors = [], tags = [], authorChoices = [] }) {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: "Replace with one or two sentences for lists, feeds and link previews."',
    `published: ${date}`,
    `# updated: ${date}`,
    authorsLine(authors, authorChoices),
    '# byline: "By Jane Doe"',
    '# credits: "Reuters contributed to this report."',
    '# location: "Kuala Lumpur"',
    `tags: ${JSON.stringify(tags)}`,
    '---',
    '',
    BODY,
    '',
  ].join('\n');
}

class UsageError extends Error {}

/** Writes the article; returns its path. Throws UsageError with a message for the author. */
export function createArticle(
  args,
  { cwd = process.cwd(), contentDir = process.env.CONTENT_DIR || 'content', now = new Date() } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        date: { type: 'string' },
        author: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError(`${error.message}\n  ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const title = positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (!title)
    throw new UsageError(
      `expected a headline, as in: npm run new -- "Bessent says U.S. and China reached a framework"\n  ${USAGE}`,
    );

  const slug = values.slug ?? slugify(title);
  if (!slug) throw new UsageError(`cannot make a file name from "${title}"; pass one with --slug my-article`);
  if (!KEBAB_ID.test(slug))
    throw new UsageError(`--slug "${slug}" is not lowercase kebab-case; write it like bessent-china-framework`);

  const date = values.date ?? today(now);
  if (!isRealDay(date)) throw new UsageError(`--date "${date}" is not a real date; write it as YYYY-MM-DD`);

  const choices = contentChoices(path.resolve(cwd, contentDir));
  const authors = pickAuthors(values.author ?? [], choices.authors);
  // A topic already in use is written the way it is shown, so spellings do not drift apart.
  const inUse = new Map(choices.topics.map((topic) => [topicSlug(topic.label), topic.label]));
  const spelled = (values.tag ?? []).map((tag) => inUse.get(topicSlug(tag)) ?? tag.replace(/\s+/g, ' ').trim());
  const tags = [...new Set(spelled.filter(Boolean))];

  const dir = path.resolve(cwd, contentDir, 'articles');
  const file = path.join(dir, `${slug}.mdx`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, articleTemplate({ title, date, authors, tags, authorChoices: choices.authors }), {
      flag: 'wx',
    });
  } catch (error) {
    if (error.code === 'EEXIST') {
      throw new UsageError(
        `${path.relative(cwd, file)} already exists and was left as is; choose another headline or pass --slug`,
      );
    }
    throw error;
  }
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const file = createArticle(process.argv.slice(2));
    console.log(`Created ${path.relative(process.cwd(), file)}`);
    const { authors, topics } = contentChoices(path.resolve(process.env.CONTENT_DIR || 'content'));
    if (authors.length) {
      console.log(`Authors (authors: [id, …] or --author id): ${authors.map((a) => `${a.id} (${a.name})`).join(', ')}`);
    }
    if (topics.length) {
      console.log(`Topics in use (tags: […] or --tag): ${topics.map((t) => `${t.label} (${t.count})`).join(', ')}`);
    }
    console.log('Next: write the description and the text, then run `npm run dev` to see it.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run new: ${error.message}`);
    process.exit(1);
  }
}
