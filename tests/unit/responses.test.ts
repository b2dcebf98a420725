import { describe, expect, it } from 'vitest';
import { annotate, annotationProblems } from '../helpers/annotate';
import { formatProblem } from '../../src/content/problems';

// In the pipeline fixtures, `framework-avoids-tariffs` is Scott Bessent's claim and
// `both-sides-want-a-deal` Donald Trump's.
const ARTICLE = [
  'Bessent said the very substantial framework :claim[will avoid 100 percent tariffs]{#framework-avoids-tariffs}.',
  '',
  ':person[Trump]{#donald-trump} was less sure: “:quote[Nothing is agreed until it is signed]{#not-agreed by=donald-trump disputes=framework-avoids-tariffs}.”',
].join('\n');

describe('a quote that answers someone else’s claim', () => {
  it('keeps the speaker as its ref and records the claim it answers and how', async () => {
    const { annotations, html } = await annotate(ARTICLE);
    const quote = annotations.find((a) => a.kind === 'quote')!;
    expect(quote).toMatchObject({
      id: 'not-agreed',
      ref: 'donald-trump',
      person: 'donald-trump',
      response: { claim: 'framework-avoids-tariffs', stance: 'disputes' },
    });
    expect(quote.claim).toBeUndefined();
    expect(html).toContain(
      'data-annotation="quote" data-ref="donald-trump" data-responds-to="framework-avoids-tariffs" data-stance="disputes"',
    );
  });

  it('says on the quote’s card, in words, which claim it answers and whose it is', async () => {
    const { html } = await annotate(ARTICLE);
    const card = html.slice(html.indexOf('<div id="card-not-agreed"'));
    expect(card.slice(0, card.indexOf('</div>', card.indexOf('card__response')))).toContain(
      '<p class="card__response"><span class="card__key">Disputes the claim: </span><a href="/claims/framework-avoids-tariffs/">The framework will avoid 100 percent U.S. tariffs on Chinese goods</a> — Scott Bessent</p>',
    );
  });

  it('lists the answering quote, attributed, on the claim’s card in the same article', async () => {
    const { html } = await annotate(ARTICLE);
    const card = html.slice(html.indexOf('<div id="card-claim-framework-avoids-tariffs"'));
    const responses = card.slice(card.indexOf('card__responses'), card.indexOf('</ul>'));
    expect(responses).toContain('Responses in this article');
    expect(responses).toContain(
      '<li>Disputed by <a href="/people/donald-trump/">Donald Trump</a>: <a href="#not-agreed"><q>Nothing is agreed until it is signed</q></a></li>',
    );
  });

  it('may also back the speaker’s own, different claim', async () => {
    const { annotations } = await annotate(
      '“:quote[We want a deal, not that framework]{by=donald-trump claim=both-sides-want-a-deal responds=framework-avoids-tariffs}”',
    );
    expect(annotations[0]).toMatchObject({
      claim: 'both-sides-want-a-deal',
      response: { claim: 'framework-avoids-tariffs', stance: 'responds' },
    });
  });

  it('words each stance', async () => {
    const { html } = await annotate(
      '“:quote[a very substantial framework]{by=donald-trump supports=framework-avoids-tariffs}” and :claim[x]{#framework-avoids-tariffs}',
    );
    expect(html).toContain('<span class="card__key">Supports the claim: </span>');
    expect(html).toContain('<li>Supported by <a href="/people/donald-trump/">');
  });
});

describe('problems with a response', () => {
  const cases = [
    {
      name: 'response to an unknown claim',
      mdx: 'a\n\nTrump: “:quote[no]{by=donald-trump disputes=framework-avoid-tariffs}”',
      message: /Unknown claim `framework-avoid-tariffs`[\s\S]*did you mean `framework-avoids-tariffs`/,
      line: 3,
      column: 9,
      rule: 'unknown-claim',
    },
    {
      name: 'response by the claimant',
      mdx: '“:quote[very substantial framework]{by=scott-bessent supports=framework-avoids-tariffs}”',
      message:
        /Unexpected `supports=framework-avoids-tariffs` on a quote by `scott-bessent`, expected a speaker other than the claimant/,
      hint: /a quote that answers a claim is by someone else; to back the claim with the claimant's own words use `claim=framework-avoids-tariffs`/,
      line: 1,
      column: 2,
      rule: 'response-by-claimant',
    },
    {
      name: 'several responses on one quote',
      mdx: 'x\n\ny :quote[hi]{by=donald-trump disputes=framework-avoids-tariffs responds=framework-avoids-tariffs}',
      message:
        /Unexpected `disputes=` and `responds=` on one `:quote`, expected at most one of `disputes=`, `supports=`, `responds=`/,
      line: 3,
      column: 3,
      rule: 'several-responses',
    },
    {
      name: 'the same claim backed and answered',
      mdx: '“:quote[very substantial framework]{by=scott-bessent claim=framework-avoids-tariffs disputes=framework-avoids-tariffs}”',
      message: /Unexpected `disputes=framework-avoids-tariffs` on a quote by `scott-bessent`/,
      line: 1,
      column: 2,
      rule: 'response-by-claimant',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const problems = await annotationProblems(testCase.mdx);
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(formatProblem(problem)).toMatch(testCase.message);
      if (testCase.hint) expect(problem.hint).toMatch(testCase.hint);
      expect(problem.rule).toBe(testCase.rule);
      expect({ line: problem.line, column: problem.column }).toEqual({ line: testCase.line, column: testCase.column });
      expect(problem.hint).toBeTruthy();
    });
  }

  it('points a claimant quoted against someone else’s claim to the response attributes', async () => {
    const [problem] = await annotationProblems(
      '“:quote[very substantial framework]{by=donald-trump claim=framework-avoids-tariffs}”',
    );
    expect(problem.rule).toBe('speaker-not-claimant');
    expect(problem.hint).toMatch(/to answer someone else's claim use `disputes=`, `supports=` or `responds=`/);
  });
});
