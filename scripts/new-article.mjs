#!/usr/bin/env node
/**
 * `npm run new -- "Headline"`: starts an article at content/articles/<slug>.mdx with valid
 * frontmatter (today's date, a slug from the headline). Never overwrites a file.
 *
 * Options: --slug <kebab-id>  --date <YYYY-MM-DD>  (CONTENT_DIR picks another content folder)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 60;
const USAGE = 'usage: npm run new -- "Headline" [--slug my-slug] [--date YYYY-MM-DD]';

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

/** The new file's text. Strings are written as JSON, which is valid YAML, so any headline is safe. */
export function articleTemplate({ title, date }) {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: "Replace with one or two sentences for lists, feeds and link previews."',
    `published: ${date}`,
    `# updated: ${date}`,
    '# byline: "By Jane Doe"',
    '# credits: "Reuters contributed to this report."',
    '# location: "Kuala Lumpur"',
    'tags: []',
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
      options: { slug: { type: 'string' }, date: { type: 'string' } },
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

  const dir = path.resolve(cwd, contentDir, 'articles');
  const file = path.join(dir, `${slug}.mdx`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, articleTemplate({ title, date }), { flag: 'wx' });
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
    console.log('Next: write the description and the text, then run `npm run dev` to see it.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run new: ${error.message}`);
    process.exit(1);
  }
}
