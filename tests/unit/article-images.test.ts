import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/annotations/render-article';
import { splitAtImages } from '../../src/annotations/image-placeholders';
import { leadImageSchema } from '../../src/content/schemas/image';
import { loadRegistry, readRegistry } from '../../src/content/registry';
import { portraitProblems } from '../../src/annotations/lead-image';
import { FIXTURES } from '../helpers/paths';

const CONTENT = path.join(FIXTURES, 'second-site/content');
const FILE = path.join(CONTENT, 'articles/test.mdx');
const registry = loadRegistry(CONTENT, { fresh: true });
const render = (source: string) => renderArticle({ source, file: FILE, registry });

describe('photographs in the text (`::image`)', () => {
  it('become a figure with caption and credit, and a placeholder for the processed picture', () => {
    const { html, images, problems } = render(
      'Before.\n\n::image[Two cyclists in a green lane.]{src=../images/bike-lanes.jpg caption="Harbour Road." credit="Jane Doe"}\n\nAfter.',
    );
    expect(problems).toEqual([]);
    expect(images).toEqual([
      {
        src: '../images/bike-lanes.jpg',
        alt: 'Two cyclists in a green lane.',
        caption: 'Harbour Road.',
        credit: 'Jane Doe',
      },
    ]);
    expect(html).toContain(
      '<figure class="article-figure" data-pagefind-ignore="all"><!--article-image:0--><figcaption class="article-figure__caption">Harbour Road. <span class="article-figure__credit">Photo: Jane Doe</span></figcaption></figure>',
    );
  });

  it('numbers the placeholders in reading order, and the page can split the HTML at them', () => {
    const { html, images } = render(
      '::image[One.]{src=../images/bike-lanes.jpg credit="A"}\n\ntext\n\n::image[Two.]{src=../images/riverton-bridge.jpg credit="B"}',
    );
    expect(images.map((image) => image.alt)).toEqual(['One.', 'Two.']);
    const parts = splitAtImages(html);
    expect(parts.filter((part) => 'image' in part)).toEqual([{ image: 0 }, { image: 1 }]);
    expect(parts.map((part) => ('html' in part ? part.html : '')).join('')).not.toContain('article-image');
  });

  it('reports every missing piece at the directive, with what to write', () => {
    const { problems } = render('text\n\n::image{src=./nowhere.jpg}');
    expect(problems.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'image-missing-alt', line: 3, column: 1 },
      { rule: 'image-missing-credit', line: 3, column: 1 },
      { rule: 'image-not-found', line: 3, column: 1 },
    ]);
    expect(problems[0]!.hint).toContain('::image[what it shows]{src=./bridge.jpg');
    expect(problems[2]!.message).toBe(
      'Unexpected image path `./nowhere.jpg`, expected a file beside the article or in the content folder',
    );
  });

  it('leaves a Markdown image beside the article refused, pointing at `::image`', () => {
    const { problems } = render('![Map](./map.png)');
    expect(problems[0]).toMatchObject({ rule: 'image-beside-article' });
    expect(problems[0]!.hint).toContain('::image[');
  });
});

describe('the lead photograph (`image:` in frontmatter)', () => {
  it('needs alt text and a credit; the caption is optional', () => {
    expect(leadImageSchema.safeParse({ src: './a.jpg', alt: 'A bridge.', credit: 'Jane Doe' }).success).toBe(true);
    const missing = leadImageSchema.safeParse({ src: './a.jpg', alt: '' });
    expect(missing.success).toBe(false);
    const rules = missing.error?.issues.map((issue) => (issue as { params?: { rule?: string } }).params?.rule);
    expect(rules).toEqual(['image-missing-alt', 'image-missing-credit']);
  });
});

describe('a person’s portrait (`image:` in content/people/<id>.yaml)', () => {
  const writePerson = (image: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portrait-'));
    fs.mkdirSync(path.join(dir, 'people'));
    fs.mkdirSync(path.join(dir, 'images'));
    fs.copyFileSync(path.join(CONTENT, 'images/amara-okafor.jpg'), path.join(dir, 'images/amara-okafor.jpg'));
    fs.writeFileSync(
      path.join(dir, 'people/ada.yaml'),
      `name: Ada\nrole: Harbour master\nbio: Harbour master since 2020.\nimage:\n${image}`,
    );
    return dir;
  };

  it('needs alt text and a credit, reported at the person’s file', () => {
    const { problems } = readRegistry(writePerson('  src: ../images/amara-okafor.jpg\n'));
    expect(problems.map(({ rule, file }) => ({ rule, file: path.basename(file) }))).toEqual([
      { rule: 'image-missing-alt', file: 'ada.yaml' },
      { rule: 'image-missing-credit', file: 'ada.yaml' },
    ]);
  });

  it('names a file that exists, at the line of its `src:`', () => {
    const { registry, problems } = readRegistry(
      writePerson('  src: ../images/nobody.jpg\n  alt: Ada at the harbour.\n  credit: Jane Doe\n'),
    );
    expect(problems).toEqual([]);
    expect(portraitProblems(registry)).toMatchObject([{ rule: 'image-not-found', line: 5, field: 'image.src' }]);
    const fine = readRegistry(writePerson('  src: ../images/amara-okafor.jpg\n  alt: Ada.\n  credit: Jane Doe\n'));
    expect(portraitProblems(fine.registry)).toEqual([]);
  });
});
