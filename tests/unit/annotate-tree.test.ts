import { describe, expect, it } from 'vitest';
import { annotate, annotationProblems } from '../helpers/annotate';
import { formatProblem } from '../../src/content/problems';

describe('annotations render', () => {
  it('turns each kind into a focusable trigger with data hooks and a popover card', async () => {
    const { html, annotations } = await annotate(
      'U.S. Treasury Secretary :person[Scott Bessent]{#scott-bessent} said “:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs}” on :figure[Sunday]{value=2025-10-26} that it :claim[will avoid :figure[100 percent]{value=100 unit=percent} tariffs]{#framework-avoids-tariffs}.',
    );
    expect(annotations.map((a) => [a.kind, a.id, a.ref])).toEqual([
      ['person', 'person-scott-bessent', 'scott-bessent'],
      ['quote', 'quote-very-substantial-framework', 'scott-bessent'],
      ['figure', 'figure-sunday', 'figure-sunday'],
      ['claim', 'claim-framework-avoids-tariffs', 'framework-avoids-tariffs'],
      ['figure', 'figure-100-percent', 'figure-100-percent'],
    ]);
    expect(html).toContain(
      '<span class="annotation annotation--person" id="person-scott-bessent" data-annotation="person" data-ref="scott-bessent"',
    );
    expect(html).toContain(
      '<a class="annotation__trigger" href="#card-person-scott-bessent" aria-describedby="annotation-hint-person">Scott Bessent</a>',
    );
    expect(html).toContain(
      '<div id="card-person-scott-bessent" popover="auto" role="dialog" tabindex="-1" aria-labelledby="card-person-scott-bessent-title"',
    );
    // Every card is repeated in the endnotes, each annotation with its own note target.
    expect(html.match(/ id="note-/g)).toHaveLength(5);
  });

  it('never puts a link inside a link when annotations nest: the words around the inner one are segments', async () => {
    const { html } = await annotate(
      ':claim[will avoid :figure[100 percent]{value=100} tariffs]{#both-sides-want-a-deal}',
    );
    const claim = html.slice(html.indexOf('id="claim-both-sides-want-a-deal"'), html.indexOf('</p>'));
    expect(claim).toContain(
      '<a class="annotation__trigger" href="#card-claim-both-sides-want-a-deal" aria-describedby="annotation-hint-claim">will avoid </a><span class="annotation annotation--figure"',
    );
    // Only the first segment is a stop in the tab order.
    expect(claim).toContain(
      '<a class="annotation__trigger" href="#card-claim-both-sides-want-a-deal" aria-describedby="annotation-hint-claim" tabindex="-1"> tariffs</a>',
    );
    expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
    expect(html).not.toContain('<button');
  });

  it('keeps a footnote reference out of the trigger link', async () => {
    const { html } = await annotate(':claim[both sides want a deal[^1]]{#both-sides-want-a-deal}\n\n[^1]: Remarks.');
    expect(html).toContain(
      'aria-describedby="annotation-hint-claim">both sides want a deal</a><sup><a href="#user-content-fn-1"',
    );
  });

  it('makes a long passage its own trigger, a link that wraps like the text, with no marker after it', async () => {
    const { html } = await annotate(
      'He said “:quote[No, I am not, and I am also anticipating a deferral]{by=scott-bessent}” today.',
    );
    // Only the empty margin note (shown from 1200 px) follows the words.
    expect(html).toMatch(
      /aria-describedby="annotation-hint-quote">No, I am not, and I am also anticipating a deferral<\/a><\/span><a class="margin-note margin-note--quote" href="#card-quote-[a-z-]+" tabindex="-1" data-note="1" data-margin="[^"<>]+" aria-hidden="true"><\/a>” today\./,
    );
    expect(html).not.toContain('annotation__marker');
  });

  it('takes the label of a bare person mention from the person file', async () => {
    const { annotations, html } = await annotate('Then :person{#donald-trump} spoke.');
    expect(annotations[0]!.text).toBe('Donald Trump');
    expect(html).toContain('>Donald Trump</a>');
  });

  it('keeps directives that are not ours as the text the author wrote', async () => {
    const { html, annotations } = await annotate(
      'They met at 10:30 and ended at 12:15. Note:this stays, as does ratio 3:2 and :abc[x]{y=z}.',
    );
    expect(annotations).toHaveLength(0);
    expect(html).toContain(
      '<p>They met at 10:30 and ended at 12:15. Note:this stays, as does ratio 3:2 and :abc[x]{y=z}.</p>',
    );
  });

  it('makes repeated ids unique and keeps explicit anchors', async () => {
    const { annotations } = await annotate(
      ':person{#scott-bessent} and :person[Bessent]{#scott-bessent}, :quote[a]{#first-quote by=scott-bessent}.',
    );
    expect(annotations.map((a) => a.id)).toEqual(['person-scott-bessent', 'person-scott-bessent-2', 'first-quote']);
  });

  it('records the paragraph around each annotation for quote-in-context', async () => {
    const { annotations } = await annotate('First paragraph.\n\nHe said “:quote[hello there]{by=donald-trump}” twice.');
    expect(annotations[0]).toMatchObject({
      context: 'He said “hello there” twice.',
      contextOffset: 9,
      line: 3,
      column: 10,
    });
  });

  it('escapes text from content and builds card links under the base path', async () => {
    const { html } = await annotate(
      `:person[Bessent]{#scott-bessent} :figure[x]{value=1 about='"><img src=x onerror=alert(1)>'}`,
      { base: '/news/' },
    );
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<p class="card__title" id="card-figure-x-title"><span class="card__kind">Figure: </span>">&#x3C;img src=x onerror=alert(1)></p>',
    );
    expect(html).toContain('href="/news/people/scott-bessent/"');
  });

  it('gives site paths written in the article the base path, and leaves other links alone', async () => {
    const { html } = await annotate(
      'See [all quotes](/quotes/), <abbr title="x"><a href="/people/">people</a></abbr>, [a web page](https://example.com/a) and [a note](#n).',
      { base: '/news/' },
    );
    expect(html).toContain('href="/news/quotes/"');
    expect(html).toContain('href="/news/people/"');
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('href="#n"');
  });

  it('puts a bare person mention’s name into the context of every annotation in its paragraph', async () => {
    const { annotations } = await annotate(':person[Bessent]{#scott-bessent} met :person{#donald-trump}.');
    expect(annotations.map((a) => a.context)).toEqual(['Bessent met Donald Trump.', 'Bessent met Donald Trump.']);
  });
});

describe('annotation errors name the place and say what to do', () => {
  const cases: { name: string; mdx: string; message: RegExp; line: number; column: number; rule: string }[] = [
    {
      name: 'near-miss directive name',
      mdx: 'Hello\n:persn[Scott]{#scott-bessent}',
      message: /Unexpected directive `:persn`.*\n.*did you mean `:person`/,
      line: 2,
      column: 1,
      rule: 'near-miss-directive',
    },
    {
      name: 'unknown person id',
      mdx: 'Said :person[Bessent]{#scot-bessent}.',
      message: /Unknown person `scot-bessent`[\s\S]*did you mean `scott-bessent`/,
      line: 1,
      column: 6,
      rule: 'unknown-person',
    },
    {
      name: 'unknown speaker',
      mdx: '“:quote[hi]{by=trump}”',
      message: /Unknown person `trump` in `by=trump`[\s\S]*did you mean `donald-trump`/,
      line: 1,
      column: 2,
      rule: 'unknown-person',
    },
    {
      name: 'unknown claim id',
      mdx: 'It :claim[will avoid tariffs]{#framework-avoid-tariffs}.',
      message: /Unknown claim `framework-avoid-tariffs`[\s\S]*did you mean `framework-avoids-tariffs`/,
      line: 1,
      column: 4,
      rule: 'unknown-claim',
    },
    {
      name: 'missing required attribute',
      mdx: 'a\n\nsaid “:quote[hello]{claim=both-sides-want-a-deal}”',
      message: /Missing `by=…` on `:quote`/,
      line: 3,
      column: 7,
      rule: 'missing-attribute',
    },
    {
      name: 'missing id on a person',
      mdx: 'Hi :person[Scott Bessent] there',
      message: /Missing `#id` on `:person`/,
      line: 1,
      column: 4,
      rule: 'missing-attribute',
    },
    {
      name: 'unknown attribute',
      mdx: ':figure[100 percent]{value=100 units=percent}',
      message: /Unexpected attribute `units` on `:figure`[\s\S]*did you mean `unit`/,
      line: 1,
      column: 1,
      rule: 'unexpected-attribute',
    },
    {
      name: 'figure value that is not a number or date',
      mdx: 'cost :figure[$4m]{value=4m}',
      message: /Unexpected figure value `4m`, expected a number/,
      line: 1,
      column: 6,
      rule: 'bad-figure-value',
    },
    {
      name: 'impossible figure date',
      mdx: 'on :figure[Feb. 30]{value=2026-02-30}',
      message: /Unexpected figure value `2026-02-30`[\s\S]*date does not exist/,
      line: 1,
      column: 4,
      rule: 'bad-figure-value',
    },
    {
      name: 'empty label',
      mdx: 'x :quote[]{by=scott-bessent}',
      message: /Missing text on `:quote`/,
      line: 1,
      column: 3,
      rule: 'missing-label',
    },
    {
      name: 'claim quote not verbatim in the article',
      mdx: 'He spoke of a :claim[framework that avoids tariffs]{#framework-avoids-tariffs}.',
      message:
        /`framework-avoids-tariffs` quotes “very substantial framework” \(.*framework-avoids-tariffs\.yaml:6:8\), but those words are not in this article/,
      line: 1,
      column: 15,
      rule: 'claim-quote-not-verbatim',
    },
    {
      name: 'duplicate explicit ids',
      mdx: ':quote[a]{#q by=scott-bessent}\n\n:quote[b]{#q by=scott-bessent}',
      message: /Duplicate id `#q` \(first used at 1:1\)/,
      line: 3,
      column: 1,
      rule: 'duplicate-anchor',
    },
    {
      name: 'quote attributed to someone other than the claimant',
      mdx: '“:quote[very substantial framework]{by=donald-trump claim=framework-avoids-tariffs}”',
      message:
        /Unexpected speaker `donald-trump` for claim `framework-avoids-tariffs`, expected its claimant `scott-bessent`/,
      line: 1,
      column: 2,
      rule: 'speaker-not-claimant',
    },
    {
      name: 'leaf directive of our name',
      mdx: '::person{#scott-bessent}',
      message: /Unexpected leaf \(`::`\) directive `person`/,
      line: 1,
      column: 1,
      rule: 'block-directive',
    },
    {
      name: 'empty attribute',
      mdx: 'x :quote[hi]{by=""}',
      message: /Unexpected empty `by` on `:quote`, expected a value/,
      line: 1,
      column: 3,
      rule: 'empty-attribute',
    },
    {
      name: 'anchor that is not URL-safe',
      mdx: ':quote[a]{#Deal by=scott-bessent}',
      message: /Unexpected anchor `#Deal` on `:quote`/,
      line: 1,
      column: 1,
      rule: 'bad-anchor',
    },
    {
      name: 'javascript: link',
      mdx: 'see [x](javascript:alert(1))',
      message: /Unexpected link `javascript:alert\(1\)`/,
      line: 1,
      column: 5,
      rule: 'unsafe-link',
    },
    {
      name: 'script element',
      mdx: 'a\n\n<script>{"alert(1)"}</script>',
      message: /Unexpected `<script>` element/,
      line: 3,
      column: 1,
      rule: 'forbidden-element',
    },
    {
      name: 'event handler attribute',
      mdx: '<img src="/x.png" onError="alert(1)" />',
      message: /Unexpected event handler `onError`/,
      line: 1,
      column: 1,
      rule: 'event-handler',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const [problem] = await annotationProblems(testCase.mdx);
      expect(formatProblem(problem)).toMatch(testCase.message);
      expect(problem.rule).toBe(testCase.rule);
      expect({ line: problem.line, column: problem.column }).toEqual({ line: testCase.line, column: testCase.column });
      expect(problem.hint).toBeTruthy();
    });
  }

  it('lists every problem, not only the first', async () => {
    const problems = await annotationProblems(':person{#nobody} and :figure[x]{value=abc}');
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/articles\/test\.mdx:1:1: Unknown person `nobody`/),
      expect.stringMatching(/^content\/articles\/test\.mdx:1:22: Unexpected figure value `abc`/),
    ]);
  });
});
