import fs from 'node:fs';
import path from 'node:path';

/**
 * A synthetic content manifest of a large archive, made from the records a real build of a
 * small one left (`<cache>/records`: the content records and the rendered articles): every
 * article, its links and its claims copied `times` over with new numbers, the people and
 * authors shared. It lets the site-wide step and the merge run at 100,000 articles without
 * building 100,000 articles. Articles are numbered in their slugs, claim ids and quote
 * anchors as the bench's corpus numbers them (`trade-talks-00017`, `…-00017`, `#q00017-3`);
 * copy `k` of article `i` is article `i + k × n`, written with six digits.
 */

/** An article's number where the corpus writes it: after `<word>-` (slugs, claim ids) or `q` (quote anchors). */
const ARTICLE_NUMBER = /(?<=[a-z]-|q)(\d{5})(?!\d)/g;

/** Renumbers every article number in `text` for copy `copy` of an archive of `n` articles. */
export function renumber(text: string, copy: number, n: number): string {
  return text.replace(ARTICLE_NUMBER, (digits) => String(Number(digits) + copy * n).padStart(6, '0'));
}

/** The entries of `list` renumbered for every copy, `times` copies in all. */
export function multiplyEntries<T>(list: readonly T[], times: number, n: number): T[] {
  const texts = list.map((entry) => JSON.stringify(entry));
  const out: T[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const text of texts) out.push(JSON.parse(renumber(text, copy, n)) as T);
  }
  return out;
}

/** Renumbers the lists of an object that hold articles or claims; other fields stay as they are. */
function multiplyObject(
  value: Record<string, unknown>,
  lists: readonly string[],
  times: number,
  n: number,
  sortBy?: string,
) {
  const out: Record<string, unknown> = { ...value };
  for (const key of lists) {
    const list = value[key];
    if (!Array.isArray(list)) throw new Error(`the records have no list "${key}"`);
    const copies = multiplyEntries(list as Record<string, unknown>[], times, n);
    if (sortBy) copies.sort((a, b) => String(a[sortBy]).localeCompare(String(b[sortBy])));
    out[key] = copies;
  }
  return out;
}

/** Writes a JSON object list by list, so a 100,000-article manifest never has to be one string. */
function writeJsonStreamed(file: string, value: Record<string, unknown>) {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '{');
    Object.entries(value).forEach(([key, field], i) => {
      fs.writeSync(fd, `${i ? ',' : ''}${JSON.stringify(key)}:`);
      if (!Array.isArray(field)) {
        fs.writeSync(fd, JSON.stringify(field));
        return;
      }
      fs.writeSync(fd, '[');
      field.forEach((entry, j) => fs.writeSync(fd, `${j ? ',' : ''}${JSON.stringify(entry)}`));
      fs.writeSync(fd, ']');
    });
    fs.writeSync(fd, '}');
  } finally {
    fs.closeSync(fd);
  }
}

const RECORDS = 'content-records.json';
const RENDERED = 'rendered-articles';
const SITE_MANIFEST = 'site.manifest.json';

/**
 * Writes into `to` the records of `from` (a records folder of `n` articles) multiplied
 * `times`: the content records, the site manifest and each article's annotation records,
 * renumbered; each article's rendered HTML is linked to its original (the site-wide pages
 * and the merge read the records, not the HTML).
 */
export function multiplyRecords(
  from: string,
  to: string,
  n: number,
  times: number,
): { articles: number; claims: number } {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.join(to, RENDERED), { recursive: true });
  const records = JSON.parse(fs.readFileSync(path.join(from, RECORDS), 'utf8')) as Record<string, unknown[]>;
  if (records.articles?.length !== n) {
    throw new Error(
      `${from} holds ${records.articles?.length ?? 0} articles, not ${n}; build the ${n}-article corpus first`,
    );
  }
  const multiplied = multiplyObject(records, ['articles', 'links', 'claims'], times, n, undefined);
  for (const key of ['articles', 'links'])
    (multiplied[key] as { slug: string }[]).sort((a, b) => a.slug.localeCompare(b.slug));
  writeJsonStreamed(path.join(to, RECORDS), multiplied);
  const manifest = JSON.parse(fs.readFileSync(path.join(from, RENDERED, SITE_MANIFEST), 'utf8')) as Record<
    string,
    unknown
  >;
  writeJsonStreamed(
    path.join(to, RENDERED, SITE_MANIFEST),
    multiplyObject(manifest, ['articles', 'claims'], times, n, undefined),
  );
  const slugs = (records.articles as { slug: string }[]).map(({ slug }) => slug);
  for (const slug of slugs) {
    const json = fs.readFileSync(path.join(from, RENDERED, `${slug}.json`), 'utf8');
    const html = path.join(from, RENDERED, `${slug}.html`);
    for (let copy = 0; copy < times; copy++) {
      const name = renumber(slug, copy, n);
      fs.writeFileSync(path.join(to, RENDERED, `${name}.json`), renumber(json, copy, n));
      fs.linkSync(html, path.join(to, RENDERED, `${name}.html`));
    }
  }
  return { articles: n * times, claims: (records.claims?.length ?? 0) * times };
}
