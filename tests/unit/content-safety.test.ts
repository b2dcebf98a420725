import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankFrontmatter, parseArticleBody } from '../../src/annotations/parse-article';
import { ContentError, formatProblem } from '../../src/content/problems';
import { readRegistry } from '../../src/content/registry';
import { idTrouble, shown } from '../../src/lib/shown';
import { annotate, annotationProblems } from '../helpers/annotate';

describe('the pipeline refuses code and invalid nesting from content', () => {
  const cases: { name: string; mdx: string; message: RegExp; line: number; column: number; rule: string }[] = [
    {
      name: 'an expression',
      mdx: 'Built in {new Date().getFullYear()}.',
      message: /Unexpected expression `\{new Date\(\)\.getFullYear\(\)\}`/,
      line: 1,
      column: 10,
      rule: 'expression-in-article',
    },
    {
      name: 'JSX inside an expression',
      mdx: 'a\n\n{<script>{"alert(1)"}</script>}',
      message: /Unexpected expression/,
      line: 3,
      column: 1,
      rule: 'expression-in-article',
    },
    {
      name: 'an import',
      mdx: "import x from 'node:fs'\n\ntext",
      message: /Unexpected `import` or `export`/,
      line: 1,
      column: 1,
      rule: 'import-in-article',
    },
    {
      name: 'an export',
      mdx: 'export const x = 1\n\ntext',
      message: /Unexpected `import` or `export`/,
      line: 1,
      column: 1,
      rule: 'import-in-article',
    },
    {
      name: 'code in a JSX attribute',
      mdx: 'see <a href={"javascript:alert(1)"}>x</a>',
      message: /Unexpected code in an attribute of `<a>`/,
      line: 1,
      column: 5,
      rule: 'code-in-attribute',
    },
    {
      name: 'a spread attribute',
      mdx: 'see <a {...{ href: "javascript:alert(1)" }}>x</a>',
      message: /Unexpected code in an attribute of `<a>`/,
      line: 1,
      column: 5,
      rule: 'code-in-attribute',
    },
    {
      name: 'an inline style',
      mdx: 'see <span style="color:red">x</span>',
      message: /Unexpected `style` on `<span>`[\s\S]*Content-Security-Policy/,
      line: 1,
      column: 5,
      rule: 'page-attribute',
    },
    {
      name: 'an id that could clash with a card',
      mdx: 'see <span id="card-person-scott-bessent">x</span>',
      message: /Unexpected `id` on `<span>`/,
      line: 1,
      column: 5,
      rule: 'page-attribute',
    },
    {
      name: 'a popover attribute',
      mdx: 'see <span popover="auto">x</span>',
      message: /Unexpected `popover` on `<span>`/,
      line: 1,
      column: 5,
      rule: 'page-attribute',
    },
    {
      name: 'a component',
      mdx: 'see <Chart /> here',
      message: /Unexpected `<Chart>`, expected a lowercase HTML element/,
      line: 1,
      column: 5,
      rule: 'component-element',
    },
    {
      name: 'a form control',
      mdx: 'press <button>me</button>',
      message: /Unexpected `<button>` element/,
      line: 1,
      column: 7,
      rule: 'forbidden-element',
    },
    {
      name: 'an annotation inside a link',
      mdx: 'see [:person[Bessent]{#scott-bessent}](https://example.org)',
      message: /Unexpected `:person` inside a link/,
      line: 1,
      column: 6,
      rule: 'annotation-inside-link',
    },
    {
      name: 'an image beside the article',
      mdx: 'the map\n\n![Map of the route](./map.png)',
      message: /Unexpected image path `\.\/map\.png`/,
      line: 3,
      column: 1,
      rule: 'image-beside-article',
    },
    {
      name: 'an <img> beside the article',
      mdx: 'the map <img src="images/map.png" alt="Map" />',
      message: /Unexpected image path `images\/map\.png`/,
      line: 1,
      column: 9,
      rule: 'image-beside-article',
    },
    {
      name: 'a photograph without src',
      mdx: 'the map\n\n::image[Map of the route]{credit="Jane Doe"}',
      message: /Missing `src=…` on `::image`/,
      line: 3,
      column: 1,
      rule: 'image-missing-src',
    },
    {
      name: 'a photograph with an unknown attribute',
      mdx: '::image[Map of the route]{src=./map.jpg credit="Jane Doe" captoin="x"}',
      message: /Unexpected attribute `captoin` on `::image`/,
      line: 1,
      column: 1,
      rule: 'image-unknown-attribute',
    },
    {
      name: 'a photograph in a format the build does not process',
      mdx: '::image[Map of the route]{src=./map.gif credit="Jane Doe"}',
      message: /Unexpected image type `\.\/map\.gif`/,
      line: 1,
      column: 1,
      rule: 'image-unsupported-format',
    },
    {
      name: 'a photograph outside the content folder',
      mdx: '::image[Passwords]{src=../../../../etc/x.jpg credit="Jane Doe"}',
      message: /Unexpected image path `\.\.\/\.\.\/\.\.\/\.\.\/etc\/x\.jpg`, expected a file inside the content folder/,
      line: 1,
      column: 1,
      rule: 'image-not-found',
    },
    {
      name: 'a link inside a link',
      mdx: 'see [<a href="https://a.example">x</a>](https://example.org)',
      message: /Unexpected link inside a link/,
      line: 1,
      column: 6,
      rule: 'link-inside-link',
    },
    {
      name: 'an unclosed label',
      mdx: 'said “:quote[very substantial{by=scott-bessent}”',
      message: /Unclosed `:quote`/,
      line: 1,
      column: 7,
      rule: 'unclosed-directive',
    },
    {
      name: 'an unclosed label at the end of a paragraph',
      mdx: 'said :quote[very substantial',
      message: /Unclosed `:quote`/,
      line: 1,
      column: 6,
      rule: 'unclosed-directive',
    },
    {
      name: 'an enormous attribute',
      mdx: `:figure[x]{value=1 about="${'a'.repeat(301)}"}`,
      message: /Unexpected 301-character `about` on `:figure`, expected at most 300/,
      line: 1,
      column: 1,
      rule: 'attribute-too-long',
    },
    {
      name: 'an enormous label',
      mdx: `:quote[${'word '.repeat(500)}]{by=scott-bessent}`,
      message: /Unexpected 2499-character label on `:quote`/,
      line: 1,
      column: 1,
      rule: 'label-too-long',
    },
    {
      name: 'raw HTML in an attribute',
      mdx: 'see <span dangerouslySetInnerHTML="x">y</span>',
      message: /Unexpected `dangerouslySetInnerHTML` on `<span>`/,
      line: 1,
      column: 5,
      rule: 'raw-html',
    },
    {
      name: 'a javascript: URL in an attribute',
      mdx: 'see <a href="javascript:alert(1)">x</a>',
      message: /Unexpected URL `javascript:alert\(1\)` in `href`/,
      line: 1,
      column: 5,
      rule: 'unsafe-link',
    },
    {
      name: 'a container directive of our name',
      mdx: ':::quote\nwords\n:::',
      message: /Unexpected container \(`:::`\) directive `quote`/,
      line: 1,
      column: 1,
      rule: 'block-directive',
    },
    {
      name: 'a zero-width joiner in an id',
      mdx: ':person{#scott\u200dbessent}',
      message: /Unknown person `scott\\u\{200D\}bessent`[\s\S]*invisible characters[\s\S]*did you mean `scott-bessent`/,
      line: 1,
      column: 1,
      rule: 'unknown-person',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const [problem] = await annotationProblems(testCase.mdx);
      const printed = formatProblem(problem);
      expect(printed).toMatch(testCase.message);
      expect(problem.rule).toBe(testCase.rule);
      expect(printed).toContain(` [${testCase.rule}]`);
      expect({ line: problem.line, column: problem.column }).toEqual({ line: testCase.line, column: testCase.column });
      expect(problem.hint).toBeTruthy();
      // Printed, the problem names its place first, the way editors and terminals link it.
      expect(printed.startsWith(`content/articles/test.mdx:${testCase.line}:${testCase.column}: `)).toBe(true);
    });
  }

  it('publishes an image from an https URL or a site path as written', async () => {
    const { html } = await annotate('![Map](https://example.org/map.png) and ![Route](/images/route.png)');
    expect(html).toContain('<img src="https://example.org/map.png" alt="Map">');
    expect(html).toContain('<img src="/images/route.png" alt="Route">');
  });

  it('keeps MDX comments and nested annotations, and the HTML stays valid', async () => {
    const { annotations, html } = await annotate(
      '{/* editor note */}\n\n:quote[a :figure[1]{value=1} b]{by=scott-bessent} with <abbr title="x">PA</abbr>.',
    );
    expect(annotations.map((a) => a.kind)).toEqual(['quote', 'figure']);
    expect(html).not.toMatch(/<button[^>]*>(?:(?!<\/button>).)*<button/s);
  });
});

describe('messages show what the author cannot see', () => {
  it('reveals invisible characters and shortens long values', () => {
    expect(shown('nora\u200dvance')).toBe('nora\\u{200D}vance');
    expect(shown('x'.repeat(1000))).toMatch(/^x{80}… \(1000 characters\)$/);
    expect(idTrouble('nora-v\u0430nce')).toContain('`а` (U+0430)');
    expect(idTrouble('nora-vance')).toBe('');
  });

  it('never prints a direction override from content to the terminal', () => {
    expect(formatProblem({ file: 'a.mdx', line: 1, column: 2, message: 'Unknown `\u202egnp.exe`' })).toBe(
      'a.mdx:1:2: Unknown `\\u{202E}gnp.exe`',
    );
  });

  it('points Astro’s error location at the content file and drops the build stack', () => {
    const error = new ContentError([
      { file: 'content/people/x.yaml', line: 3, column: 5, message: 'bad', hint: 'fix it' },
    ]);
    expect(error.loc).toEqual({ file: path.resolve('content/people/x.yaml'), line: 3, column: 5 });
    expect(error.stack).toBe('');
    expect(error.message).toBe('1 content problem:\ncontent/people/x.yaml:3:5: bad\n  hint: fix it');
  });
});

describe('articles are parsed as Astro parses them', () => {
  it('blanks the frontmatter but keeps every line and column', () => {
    const source = '---\ntitle: A\n---\n\nText :person{#x}';
    const blanked = blankFrontmatter(source);
    expect(blanked).toHaveLength(source.length);
    expect(blanked.split('\n')).toHaveLength(5);
    expect(blanked.trim()).toBe('Text :person{#x}');
    const { tree } = parseArticleBody('a.mdx', source);
    expect(tree!.children[0]!.position!.start).toMatchObject({ line: 5, column: 1 });
  });

  it('reports an MDX syntax error with its place and a hint', () => {
    const { problem } = parseArticleBody('a.mdx', '---\ntitle: A\n---\n\nIf a <3 b then');
    expect(problem).toMatchObject({
      line: 5,
      column: 7,
      rule: 'mdx-syntax',
      message: expect.stringMatching(/^MDX syntax error: Unexpected character/),
    });
    expect(problem!.hint).toContain('`\\<`');
  });

  it('uses GitHub-flavoured Markdown like the build (autolinks are links)', () => {
    const { tree } = parseArticleBody('a.mdx', 'see www.example.org');
    expect(JSON.stringify(tree)).toContain('"url":"http://www.example.org"');
  });
});

describe('aliases are compared as readers see them', () => {
  it('treats case, Unicode composition and invisible characters as the same name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aliases-'));
    fs.mkdirSync(path.join(dir, 'people'));
    fs.writeFileSync(path.join(dir, 'people/a.yaml'), 'name: A\nrole: r\nbio: b\naliases: [José]\n');
    fs.writeFileSync(path.join(dir, 'people/b.yaml'), 'name: B\nrole: r\nbio: b\naliases: ["JOSE\u0301\u200d"]\n');
    const { problems } = readRegistry(dir);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('is also a name or alias of `a`')]);
    fs.rmSync(dir, { recursive: true });
  });
});
