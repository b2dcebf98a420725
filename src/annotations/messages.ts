/**
 * Every problem the annotation pipeline reports, in one place: its rule id (declared, with
 * its README entry, in `src/content/rules.ts`), the message ("Unexpected X, expected Y", code in
 * backticks) and a hint that says how to fix it. Wording may change; rule ids do not.
 *
 * The content model (people, claims, frontmatter) reports its own problems with rule ids
 * in `src/content/`, which sits below this layer.
 */
import type { Nodes } from 'mdast';
import { LIMITS } from '../content/limits';
import type { RuleId } from '../content/rules';
import { didYouMean } from '../lib/suggest';
import { idTrouble, shown } from '../lib/shown';
import { ANNOTATION_KINDS, KIND_SPECS, STANCE_ATTRIBUTES, type AnnotationKind, type Stance } from './kinds';

/** One problem before it has a place: which rule, what is wrong, what to do. */
export interface ProblemText {
  rule: RuleId;
  message: string;
  hint: string;
}

/** Records a problem at a node's place (the start of the node, in the article). */
export type Report = (node: Nodes | undefined, problem: ProblemText) => void;

const problem = (rule: RuleId, message: string, hint: string): ProblemText => ({ rule, message, hint });
const example = (kind: AnnotationKind) => KIND_SPECS[kind].example;

// Content safety: links, embedded HTML and MDX code.

const IMAGE_HINT =
  'to publish a photograph beside the article, write `::image[what it shows]{src=./map.png credit="…"}` on its own line; otherwise put the file in public/ and write its site path (`/images/map.png`), or use an https:// URL';

export const unsafeLink = (url: string) =>
  problem(
    'unsafe-link',
    `Unexpected link \`${url.slice(0, 80)}\`, expected an http(s) URL, a site path or a #fragment`,
    'links from content may only use http: or https:; remove the link or point it at a web page',
  );

export const unsafeUrlAttribute = (url: string, attribute: string) =>
  problem(
    'unsafe-link',
    `Unexpected URL \`${url.slice(0, 80)}\` in \`${attribute}\`, expected an http(s) URL or a site path`,
    'links from content may only use http: or https:',
  );

export const imageBesideArticle = (url: string) =>
  problem(
    'image-beside-article',
    `Unexpected image path \`${shown(url, 80)}\`, expected an http(s) URL or a site path`,
    IMAGE_HINT,
  );

export const rawHtml = () =>
  problem(
    'raw-html',
    'Unexpected raw HTML, expected Markdown',
    'write the text in Markdown; raw HTML is not published',
  );

export const rawHtmlAttribute = (attribute: string, element: string) =>
  problem(
    'raw-html',
    `Unexpected \`${attribute}\` on \`<${element}>\``,
    'raw HTML is not published; write the text in Markdown',
  );

export const linkInsideLink = () =>
  problem(
    'link-inside-link',
    'Unexpected link inside a link',
    'a link cannot contain another link; remove one of them',
  );

export const importInArticle = () =>
  problem(
    'import-in-article',
    'Unexpected `import` or `export` in an article, expected text',
    'articles are text and annotations; code is not run from content, remove the statement',
  );

export const expressionInArticle = (code: string) =>
  problem(
    'expression-in-article',
    `Unexpected expression \`{${shown(code, 40)}}\`, expected text`,
    'in MDX `{` starts code, which articles may not run: write a literal brace as `\\{`; attributes of an annotation follow its `]` directly: `:quote[words]{by=person-id}`',
  );

export const forbiddenElement = (element: string) =>
  problem(
    'forbidden-element',
    `Unexpected \`<${element}>\` element, expected article text`,
    'articles may not embed scripts, styles, frames, forms, controls or objects; remove it',
  );

export const componentElement = (element: string) =>
  problem(
    'component-element',
    `Unexpected \`<${shown(element, 40)}>\`, expected a lowercase HTML element`,
    'articles cannot use components or fragments; write the text in Markdown or with a plain HTML element such as `<abbr>`',
  );

export const codeInAttribute = (element: string) =>
  problem(
    'code-in-attribute',
    `Unexpected code in an attribute of \`<${element}>\`, expected a quoted value`,
    'write attribute values in quotes (`title="…"`); code in `{…}` is not run from content',
  );

export const eventHandler = (attribute: string, element: string) =>
  problem(
    'event-handler',
    `Unexpected event handler \`${attribute}\` on \`<${element}>\``,
    'scripts in content are not allowed; remove the attribute',
  );

export const pageAttribute = (attribute: string, element: string) =>
  problem(
    'page-attribute',
    `Unexpected \`${attribute}\` on \`<${element}>\``,
    attribute.toLowerCase() === 'style'
      ? 'inline styles are blocked by the Content-Security-Policy; remove the attribute'
      : 'ids, focus and popovers belong to the page and its annotations; remove the attribute (use `{#anchor}` on a quote or figure for a link target)',
  );

// Directives: ours, near-misses of ours, and the wrong shape.

export const unclosedDirective = (kind: AnnotationKind) =>
  problem(
    'unclosed-directive',
    `Unclosed \`:${kind}\`, expected \`:${kind}[words]{attributes}\` with both brackets closed`,
    `close the \`[\` with \`]\` and the \`{\` with \`}\` on the same paragraph, for example \`${example(kind)}\`; to write the text literally, escape the colon: \`\\:${kind}\``,
  );

export const annotationInsideLink = (kind: AnnotationKind) =>
  problem(
    'annotation-inside-link',
    `Unexpected \`:${kind}\` inside a link, expected the annotation outside it`,
    'an annotation opens a card and cannot sit inside a link; put the link inside the annotation label or next to it',
  );

export const nearMissDirective = (name: string, meant: AnnotationKind) =>
  problem(
    'near-miss-directive',
    `Unexpected directive \`:${shown(name, 40)}\`, expected one of ${ANNOTATION_KINDS.map((k) => `\`:${k}\``).join(', ')}`,
    `did you mean \`:${meant}\`? (${example(meant)}); to keep the text as written, escape the colon: \`\\:${name}\``,
  );

export const blockDirective = (type: 'leafDirective' | 'containerDirective', name: string, kind: AnnotationKind) =>
  problem(
    'block-directive',
    `Unexpected ${type === 'leafDirective' ? 'leaf (`::`)' : 'container (`:::`)'} directive \`${name}\`, expected a text directive with one colon`,
    `write \`${example(kind)}\` inside a sentence`,
  );

// Attributes and labels of one annotation.

const written = (key: string) => (key === 'id' ? '`#id`' : `\`${key}\``);

export const unexpectedAttribute = (
  key: string,
  value: string | null | undefined,
  kind: AnnotationKind,
  allowed: readonly string[],
) =>
  problem(
    'unexpected-attribute',
    `Unexpected attribute \`${shown(key === 'class' ? `.${value}` : key, 40)}\` on \`:${kind}\`, expected ${allowed.map(written).join(', ')}`,
    `${didYouMean(key.slice(0, 40), allowed)}for example \`${example(kind)}\``,
  );

export const emptyAttribute = (key: string, kind: AnnotationKind) =>
  problem(
    'empty-attribute',
    `Unexpected empty \`${key}\` on \`:${kind}\`, expected a value`,
    `for example \`${example(kind)}\``,
  );

export const attributeTooLong = (key: string, length: number, kind: AnnotationKind) =>
  problem(
    'attribute-too-long',
    `Unexpected ${length}-character \`${key}\` on \`:${kind}\`, expected at most ${LIMITS.attribute} characters`,
    key === 'about'
      ? 'say in a few words what the figure measures; background belongs in the text or a claim file'
      : 'ids and values are short: check for a missing quotation mark or `}`',
  );

export const missingAttribute = (key: string, kind: AnnotationKind) =>
  problem(
    'missing-attribute',
    `Missing ${key === 'id' ? '`#id`' : `\`${key}=…\``} on \`:${kind}\``,
    `add it, for example \`${example(kind)}\``,
  );

export const missingLabel = (kind: AnnotationKind) =>
  problem(
    'missing-label',
    `Missing text on \`:${kind}\`, expected the annotated words in \`[…]\``,
    `for example \`${example(kind)}\``,
  );

export const labelOnlyPunctuation = (kind: AnnotationKind, own: string) =>
  problem(
    'label-only-punctuation',
    own
      ? `Unexpected label on \`:${kind}\` whose only words of its own are \`${own}\`, expected words a reader can tap to open its card`
      : `Unexpected label on \`:${kind}\` made only of other annotations, expected words of its own a reader can tap to open its card`,
    'move words into this annotation outside the nested one (`:claim[the bridge would “:quote[open in spring]{by=…}”]{#…}`), or drop the outer annotation when the nested one already cites the claim (`claim=`)',
  );

export const labelTooLong = (length: number, kind: AnnotationKind) =>
  problem(
    'label-too-long',
    `Unexpected ${length}-character label on \`:${kind}\`, expected at most ${LIMITS.label} characters`,
    'annotate the words that matter (a quote, a figure, a name), not whole passages; check for a missing `]`',
  );

// References to people and claims.

export const unusablePerson = (id: string) =>
  problem(
    'unusable-person',
    `Person \`${id}\` cannot be used until its file is fixed`,
    `see the problems reported for content/people/${id}.yaml`,
  );

export const unknownPerson = (id: string, key: 'id' | 'by', known: Iterable<string>) =>
  problem(
    'unknown-person',
    `Unknown person \`${shown(id)}\` in \`${key === 'id' ? '#' : 'by='}${shown(id)}\``,
    `${idTrouble(id)}${didYouMean(id.slice(0, 200), known)}people are the file names in content/people`,
  );

export const unusableClaim = (id: string) =>
  problem(
    'unusable-claim',
    `Claim \`${id}\` cannot be used until its file is fixed`,
    `see the problems reported for content/claims/${id}.yaml`,
  );

export const unknownClaim = (id: string, known: Iterable<string>) =>
  problem(
    'unknown-claim',
    `Unknown claim \`${shown(id)}\``,
    `${idTrouble(id)}${didYouMean(id.slice(0, 200), known)}claims are the file names in content/claims`,
  );

export const speakerNotClaimant = (person: string, claim: string, claimant: string) =>
  problem(
    'speaker-not-claimant',
    `Unexpected speaker \`${person}\` for claim \`${claim}\`, expected its claimant \`${claimant}\``,
    `a quote backs a claim of its own speaker: change \`by=\` or \`claim=\`, or fix \`claimant\` in content/claims/${claim}.yaml; to answer someone else's claim use \`disputes=\`, \`supports=\` or \`responds=\`, for example \`${KIND_SPECS.quote.responseExample}\``,
  );

export const responseByClaimant = (person: string, stance: Stance, claim: string) =>
  problem(
    'response-by-claimant',
    `Unexpected \`${stance}=${claim}\` on a quote by \`${person}\`, expected a speaker other than the claimant`,
    `a quote that answers a claim is by someone else; to back the claim with the claimant's own words use \`claim=${claim}\``,
  );

export const severalResponses = (stances: readonly Stance[]) =>
  problem(
    'several-responses',
    `Unexpected ${stances.map((stance) => `\`${stance}=\``).join(' and ')} on one \`:quote\`, expected at most one of ${STANCE_ATTRIBUTES.map((stance) => `\`${stance}=\``).join(', ')}`,
    `a quote answers one claim in one way: keep the one that fits, for example \`${KIND_SPECS.quote.responseExample}\`; annotate another passage for another claim`,
  );

export const badFigureValue = (value: string) =>
  problem(
    'bad-figure-value',
    `Unexpected figure value \`${shown(value)}\`, expected a number (\`100\`, \`2.5\`) or an ISO date (\`2025-11-01\`)`,
    /^\d{4}-/.test(value)
      ? 'that date does not exist or is not zero-padded: write YYYY-MM-DD with a real day'
      : 'put the words in the label and the machine-readable number in `value=` (no units, commas or currency signs: `value=1500000 unit=USD`)',
  );

export const claimQuoteNotVerbatim = (claimId: string, quote: string, where: string) =>
  problem(
    'claim-quote-not-verbatim',
    `Unexpected claim quote: \`${claimId}\` quotes “${quote}” (${where}), but those words are not in this article`,
    'copy the quote exactly from the article text (same apostrophes, quotation marks and spelling), or remove `quote:` from the claim file',
  );

// Anchors.

export const badAnchor = (anchor: string, kind: AnnotationKind) =>
  problem(
    'bad-anchor',
    `Unexpected anchor \`#${shown(anchor)}\` on \`:${kind}\`, expected lowercase letters, digits and hyphens`,
    'anchors become URLs (`/articles/<slug>/#anchor`); use plain ASCII such as `#deal-quote`',
  );

export const duplicateAnchor = (anchor: string, first?: { line: number; column: number }) =>
  problem(
    'duplicate-anchor',
    `Duplicate id \`#${anchor}\`${first ? ` (first used at ${first.line}:${first.column})` : ''}`,
    'each anchor must be unique in the article; rename one of them',
  );

// Article files and syntax.

export const mdxSyntax = (reason: string, hint: string) => problem('mdx-syntax', `MDX syntax error: ${reason}`, hint);

export const noArticlesFolder = () =>
  problem(
    'no-articles-folder',
    'no `articles/` folder in the content folder',
    'point CONTENT_DIR at the folder that holds articles/, people/ and claims/',
  );

// Warnings: what an editor may have missed. They never stop the build; `npm run check
// -- --strict` fails on them. Each can be silenced with a `check-ignore` comment.

const silence = (rule: RuleId) => `or write \`{/* check-ignore ${rule} */}\` on the line above the paragraph`;

export const unannotatedPerson = (words: string, personId: string) =>
  problem(
    'unannotated-person',
    `Unexpected mention of \`${shown(words, 80)}\` without an annotation, expected \`:person[${shown(words, 80)}]{#${personId}}\` once in the article`,
    `annotate the first mention so readers can open the person's card, ${silence('unannotated-person')}`,
  );

export const unmarkedQuote = (words: string, name: string, personId: string) =>
  problem(
    'unmarked-quote',
    `Unexpected unmarked quotation “${shown(words, 60)}” beside \`${shown(name, 80)}\`, expected \`“:quote[…]{by=${personId}}”\``,
    `mark the quoted words, keeping the quotation marks outside: \`“:quote[${shown(words, 40)}]{by=${personId}}”\`, ${silence('unmarked-quote')} if they are not that person's words`,
  );

export const unannotatedFigure = (words: string) =>
  problem(
    'unannotated-figure',
    `Unexpected figure \`${shown(words, 80)}\` without an annotation, expected \`:figure[${shown(words, 80)}]{value=… unit=… about="…"}\``,
    `this article annotates figures, so readers expect every figure to open a card: annotate it, ${silence('unannotated-figure')}`,
  );

export const pendingPastDue = (claimId: string, due: string) =>
  problem(
    'pending-past-due',
    `Claim \`${claimId}\` is still \`pending\` after its \`due\` day ${due}: its cards say "not yet rechecked"`,
    'check the claim now and add an entry to `history` with its new status and sources, or move `due` to the day it can be checked',
  );

export const unusedClaim = (claimId: string) =>
  problem(
    'unused-claim',
    `Unexpected claim \`${claimId}\` that no article cites, expected \`:claim[…]{#${claimId}}\` in an article`,
    'annotate the passage that makes this claim, or delete the claim file if no article needs it',
  );

// Photographs: `::image[alt]{src=./file.jpg caption="…" credit="…"}` in the text, `image:` in frontmatter.

const IMAGE_EXAMPLE = '`::image[what it shows]{src=./bridge.jpg caption="…" credit="…"}`';

export const imageMissingAlt = () =>
  problem(
    'image-missing-alt',
    'Missing description on `::image`, expected what the photograph shows between `[` and `]`',
    `describe the photograph for readers who cannot see it: ${IMAGE_EXAMPLE}`,
  );

export const imageMissingCredit = () =>
  problem(
    'image-missing-credit',
    'Missing `credit=…` on `::image`, expected who took the photograph',
    `add the photographer or agency: ${IMAGE_EXAMPLE}`,
  );

export const imageMissingSource = () =>
  problem(
    'image-missing-src',
    'Missing `src=…` on `::image`, expected the path of the file',
    `add it: ${IMAGE_EXAMPLE}`,
  );

export const imageUnknownAttribute = (key: string) =>
  problem(
    'image-unknown-attribute',
    `Unexpected attribute \`${shown(key, 40)}\` on \`::image\`, expected \`src\`, \`caption\` or \`credit\``,
    `${didYouMean(key, ['src', 'caption', 'credit']) || 'remove it; '}write ${IMAGE_EXAMPLE}`,
  );

export const imageNotFound = (src: string, where: string) =>
  problem(
    'image-not-found',
    `Unexpected image path \`${shown(src, 80)}\`, expected a file ${where}`,
    'write the path relative to the article (`./bridge.jpg` beside it, `../images/bridge.jpg` in content/images/); names are case-sensitive',
  );

export const imageUnsupportedFormat = (src: string, formats: readonly string[]) =>
  problem(
    'image-unsupported-format',
    `Unexpected image type \`${shown(src, 80)}\`, expected one of ${formats.map((f) => `\`${f}\``).join(', ')}`,
    'save the photograph as JPEG, PNG, WebP or AVIF',
  );
