import type { Root, Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { displayPath, type ContentProblem } from '../content/problems';
import type { Registry } from '../content/registry';
import { isIsoDateValue } from '../content/schemas';
import { didYouMean, editDistance } from '../lib/suggest';
import { siteUrls } from '../lib/urls';
import { cardElement, endnoteItem, kindHintId, KIND_LABELS, type CardContext } from './cards';
import { IdAllocator, slugWords } from './ids';
import { ANNOTATION_KINDS, KIND_SPECS, isAnnotationKind, type AnnotationKind, type AnnotationRecord } from './kinds';
import { FORBIDDEN_ELEMENTS, URL_ATTRIBUTES, isAllowedContentUrl, isPathBesideArticle } from './safe-content';
import { LIMITS } from '../content/limits';
import { idTrouble, shown } from '../lib/shown';

type Directive = TextDirective | LeafDirective | ContainerDirective;
type Place = { line: number; column: number };

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The result of annotating one article: its annotations in reading order, or what is wrong. */
export interface AnnotateResult {
  annotations: AnnotationRecord[];
  problems: ContentProblem[];
}

function placeOf(node: { position?: { start: Place } } | undefined): Partial<Place> {
  return node?.position ? { line: node.position.start.line, column: node.position.start.column } : {};
}

function sourceText(node: Nodes, file: VFile): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return String(file.value).slice(start, end);
}

/** A directive name that is not ours but probably meant to be (`:persn`, `:Quote`). */
function nearMiss(name: string): AnnotationKind | undefined {
  const lower = name.toLowerCase();
  for (const kind of ANNOTATION_KINDS) {
    if (lower === kind) return kind;
    if (name.length >= 3 && editDistance(lower, kind) <= (kind.length > 5 ? 2 : 1)) return kind;
    if (lower === `${kind}s`) return kind;
  }
  return undefined;
}

function hasInteractive(children: readonly Nodes[]): boolean {
  return children.some(
    (child) =>
      (child.type === 'textDirective' && isAnnotationKind(child.name)) ||
      child.type === 'link' ||
      child.type === 'linkReference' ||
      child.type === 'mdxJsxTextElement' ||
      ('children' in child && hasInteractive(child.children as Nodes[])),
  );
}

/** An MDX expression that is only a comment (block or line comments, nothing else). */
function isComment(code: string): boolean {
  return !code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim();
}

function insideLink(ancestors: readonly Nodes[]): boolean {
  return ancestors.some(
    (ancestor) =>
      ancestor.type === 'link' ||
      ancestor.type === 'linkReference' ||
      ((ancestor.type === 'mdxJsxTextElement' || ancestor.type === 'mdxJsxFlowElement') && (ancestor.name ?? '').toLowerCase() === 'a'),
  );
}

/**
 * `:quote[abc{by=x}` or `:quote[abc`: remark-directive sees a bare `:quote` and leaves the
 * rest as text, so a missing `]` shows up as a directive with nothing, followed by `[` or `{`.
 */
function unclosed(node: TextDirective, parent: Parent): boolean {
  if (node.children.length || Object.keys(node.attributes ?? {}).length) return false;
  const next = parent.children[parent.children.indexOf(node) + 1];
  return Boolean(next && ((next.type === 'text' && /^[[{]/.test(next.value)) || next.type === 'mdxTextExpression'));
}

/** Longest label (in characters) that is wrapped in its trigger button; see renderInline. */
const MAX_BUTTON_LABEL = 32;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Finds, validates and rewrites the annotation directives of one MDX (or Markdown) tree.
 * Every problem is collected with its place; nothing stops at the first one, so
 * `npm run check` can list them all; the build stops on any of them.
 */
export function annotateTree(tree: Root, file: VFile, registry: Registry, base = '/'): AnnotateResult {
  const problems: ContentProblem[] = [];
  const shownFile = file.path ? displayPath(file.path) : '<article>';
  const report = (node: Nodes | undefined, message: string, hint?: string) =>
    problems.push({ file: shownFile, ...placeOf(node), message, hint });

  const context: CardContext = { registry, urls: siteUrls(base) };
  const ids = new IdAllocator();
  const annotations: AnnotationRecord[] = [];
  const citations = new Map<string, Directive>();
  const explicitIds = new Map<string, Place>();

  // Pass 1: content safety (links, embedded HTML/JSX) and restoring directives that are not ours.
  const restore: { node: Directive; parent: Parent }[] = [];
  const found: { node: TextDirective; ancestors: Parent[] }[] = [];
  visitParents(tree, (node, ancestors) => {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition':
        if (!isAllowedContentUrl(node.url)) {
          report(node, `Unexpected link \`${node.url.slice(0, 80)}\`, expected an http(s) URL, a site path or a #fragment`, 'links from content may only use http: or https:; remove the link or point it at a web page');
        } else if (node.type === 'image' && isPathBesideArticle(node.url)) {
          report(node, IMAGE_BESIDE_ARTICLE(node.url), IMAGE_HINT);
        }
        break;
      case 'html':
        report(node, 'Unexpected raw HTML, expected Markdown', 'write the text in Markdown; raw HTML is not published');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsx(node, report);
        if (insideLink(ancestors) && (node.name ?? '').toLowerCase() === 'a') {
          report(node, 'Unexpected link inside a link', 'a link cannot contain another link; remove one of them');
        }
        break;
      case 'mdxjsEsm':
        report(node, 'Unexpected `import` or `export` in an article, expected text', 'articles are text and annotations; code is not run from content, remove the statement');
        return 'skip';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // `{/* note */}` comments are fine; anything else would run as code during the build.
        if (!isComment(node.value)) {
          report(node, `Unexpected expression \`{${shown(node.value, 40)}}\`, expected text`, 'in MDX `{` starts code, which articles may not run: write a literal brace as `\\{`; attributes of an annotation follow its `]` directly: `:quote[words]{by=person-id}`');
        }
        return 'skip';
      case 'textDirective':
      case 'leafDirective':
      case 'containerDirective': {
        const parent = ancestors[ancestors.length - 1] as Parent;
        if (node.type === 'textDirective' && isAnnotationKind(node.name)) {
          if (unclosed(node, parent)) {
            report(node, `Unclosed \`:${node.name}\`, expected \`:${node.name}[words]{attributes}\` with both brackets closed`, `close the \`[\` with \`]\` and the \`{\` with \`}\` on the same paragraph, for example \`${KIND_SPECS[node.name].example}\`; to write the text literally, escape the colon: \`\\:${node.name}\``);
            return 'skip';
          }
          if (insideLink(ancestors)) {
            report(node, `Unexpected \`:${node.name}\` inside a link, expected the annotation outside it`, 'an annotation opens a card and cannot sit inside a link; put the link inside the annotation label or next to it');
            return 'skip';
          }
          found.push({ node, ancestors: ancestors as Parent[] });
          break;
        }
        const meant = nearMiss(node.name);
        if (meant && node.type === 'textDirective') {
          report(node, `Unexpected directive \`:${shown(node.name, 40)}\`, expected one of ${ANNOTATION_KINDS.map((k) => `\`:${k}\``).join(', ')}`, `did you mean \`:${meant}\`? (${KIND_SPECS[meant].example}); to keep the text as written, escape the colon: \`\\:${node.name}\``);
        } else if (isAnnotationKind(node.name) || meant) {
          const kind = meant ?? node.name;
          report(node, `Unexpected ${node.type === 'leafDirective' ? 'leaf (`::`)' : 'container (`:::`)'} directive \`${node.name}\`, expected a text directive with one colon`, `write \`${KIND_SPECS[kind as AnnotationKind].example}\` inside a sentence`);
        }
        restore.push({ node, parent });
        return 'skip';
      }
    }
    return undefined;
  });

  // Directives that are not ours go back to the text the author wrote (`Note:this` stays as is).
  for (const { node, parent } of restore) {
    const index = parent.children.indexOf(node as never);
    if (index < 0) continue;
    const raw = sourceText(node, file) ?? `:${node.name}${toString(node)}`;
    const replacement: RootContent =
      node.type === 'textDirective'
        ? { type: 'text', value: raw }
        : { type: 'paragraph', children: [{ type: 'text', value: raw }] };
    parent.children.splice(index, 1, replacement as never);
  }

  // Pass 2: our annotations, in reading order (outer before inner).
  for (const { node, ancestors } of found) {
    const record = readAnnotation(node, ancestors);
    if (record) annotations.push(record);
  }

  // A claim card's quote must appear word for word in every article that cites it.
  const articleText = collapse(toString(tree));
  for (const [claimId, node] of citations) {
    const claim = registry.claims.get(claimId)!;
    if (claim.data.quote && !articleText.includes(collapse(claim.data.quote))) {
      const where = claim.source.placeOf(['quote']);
      report(node, `Unexpected claim quote: \`${claimId}\` quotes “${claim.data.quote}” (${displayPath(claim.file)}:${where.line}:${where.column}), but those words are not in this article`, 'copy the quote exactly from the article text (same apostrophes, quotation marks and spelling), or remove `quote:` from the claim file');
    }
  }

  if (annotations.length) appendCardsAndEndnotes(tree, annotations, context);
  return { annotations, problems };

  function readAnnotation(node: TextDirective, ancestors: Parent[]): AnnotationRecord | undefined {
    const kind = node.name as AnnotationKind;
    const spec = KIND_SPECS[kind];
    const attributes = node.attributes ?? {};
    const allowed = [...spec.required, ...spec.optional];
    let ok = true;
    const fail = (message: string, hint?: string) => {
      report(node, message, hint);
      ok = false;
    };

    for (const [key, value] of Object.entries(attributes)) {
      if (!allowed.includes(key)) {
        const written = key === 'class' ? `.${value}` : key;
        fail(`Unexpected attribute \`${shown(written, 40)}\` on \`:${kind}\`, expected ${allowed.map((a) => (a === 'id' ? '`#id`' : `\`${a}\``)).join(', ')}`, `${didYouMean(key.slice(0, 40), allowed)}for example \`${spec.example}\``);
      } else if (value === null || value === undefined || value.trim() === '') {
        fail(`Unexpected empty \`${key}\` on \`:${kind}\`, expected a value`, `for example \`${spec.example}\``);
      } else if (value.length > LIMITS.attribute) {
        fail(`Unexpected ${value.length}-character \`${key}\` on \`:${kind}\`, expected at most ${LIMITS.attribute} characters`, key === 'about' ? 'say in a few words what the figure measures; background belongs in the text or a claim file' : 'ids and values are short: check for a missing quotation mark or `}`');
      }
    }
    for (const key of spec.required) {
      if (attributes[key] === undefined) {
        const written = key === 'id' ? '`#id`' : `\`${key}=…\``;
        fail(`Missing ${written} on \`:${kind}\``, `add it, for example \`${spec.example}\``);
      }
    }
    const label = collapse(toString(node));
    if (spec.labelRequired && !label) {
      fail(`Missing text on \`:${kind}\`, expected the annotated words in \`[…]\``, `for example \`${spec.example}\``);
    } else if (label.length > LIMITS.label) {
      fail(`Unexpected ${label.length}-character label on \`:${kind}\`, expected at most ${LIMITS.label} characters`, 'annotate the words that matter (a quote, a figure, a name), not whole passages; check for a missing `]`');
    }
    if (!ok) return undefined;

    const personOf = (key: 'id' | 'by'): string | undefined => {
      const id = attributes[key]!;
      if (registry.people.has(id)) return id;
      if (registry.unusable?.people.has(id)) {
        fail(`Person \`${id}\` cannot be used until its file is fixed`, `see the problems reported for content/people/${id}.yaml`);
        return undefined;
      }
      fail(`Unknown person \`${shown(id)}\` in \`${key === 'id' ? '#' : 'by='}${shown(id)}\``, `${idTrouble(id)}${didYouMean(id.slice(0, 200), registry.people.keys())}people are the file names in content/people`);
      return undefined;
    };
    const claimOf = (id: string | undefined): string | undefined => {
      if (id === undefined) return undefined;
      if (registry.claims.has(id)) {
        if (!citations.has(id)) citations.set(id, node);
        return id;
      }
      if (registry.unusable?.claims.has(id)) {
        fail(`Claim \`${id}\` cannot be used until its file is fixed`, `see the problems reported for content/claims/${id}.yaml`);
        return undefined;
      }
      fail(`Unknown claim \`${shown(id)}\``, `${idTrouble(id)}${didYouMean(id.slice(0, 200), registry.claims.keys())}claims are the file names in content/claims`);
      return undefined;
    };

    let person: string | undefined;
    let claim: string | undefined;
    let value: string | undefined;
    if (kind === 'person') person = personOf('id');
    if (kind === 'quote') {
      person = personOf('by');
      claim = claimOf(attributes.claim ?? undefined);
      const claimant = claim && registry.claims.get(claim)!.data.claimant;
      if (person && claimant && claimant !== person) {
        fail(`Unexpected speaker \`${person}\` for claim \`${claim}\`, expected its claimant \`${claimant}\``, `a quote backs a claim of its own speaker: change \`by=\` or \`claim=\`, or fix \`claimant\` in content/claims/${claim}.yaml`);
      }
    }
    if (kind === 'claim') claim = claimOf(attributes.id!);
    if (kind === 'figure') {
      value = attributes.value!.trim();
      if (!NUMBER.test(value) && !isIsoDateValue(value)) {
        const looksLikeDate = /^\d{4}-/.test(value);
        fail(`Unexpected figure value \`${shown(value)}\`, expected a number (\`100\`, \`2.5\`) or an ISO date (\`2025-11-01\`)`, looksLikeDate ? 'that date does not exist or is not zero-padded: write YYYY-MM-DD with a real day' : 'put the words in the label and the machine-readable number in `value=` (no units, commas or currency signs: `value=1500000 unit=USD`)');
      }
      claim = claimOf(attributes.claim ?? undefined);
    }
    if (!ok) return undefined;

    // The anchor id: explicit for quotes and figures (`#id`), otherwise derived and made unique.
    let id: string;
    if (spec.idMeans === 'anchor' && attributes.id) {
      const explicit = attributes.id;
      const earlier = explicitIds.get(explicit);
      if (!/^[a-z][a-z0-9-]*$/.test(explicit)) {
        fail(`Unexpected anchor \`#${shown(explicit)}\` on \`:${kind}\`, expected lowercase letters, digits and hyphens`, 'anchors become URLs (`/articles/<slug>/#anchor`); use plain ASCII such as `#deal-quote`');
        return undefined;
      }
      if (earlier || ids.has(explicit)) {
        fail(`Duplicate id \`#${explicit}\`${earlier ? ` (first used at ${earlier.line}:${earlier.column})` : ''}`, 'each anchor must be unique in the article; rename one of them');
        return undefined;
      }
      explicitIds.set(explicit, placeOf(node) as Place);
      ids.claim(explicit);
      id = explicit;
    } else {
      const stem = kind === 'person' ? person! : kind === 'claim' ? claim! : slugWords(label) || String(annotations.length + 1);
      id = ids.unique(`${kind}-${stem}`);
    }

    if (kind === 'person' && node.children.length === 0) {
      node.children = [{ type: 'text', value: registry.people.get(person!)!.data.name }];
    }

    const block = [...ancestors].reverse().find((ancestor) => BLOCK_TYPES.has(ancestor.type));
    const contextText = collapse(toString(block ?? node));
    const text = collapse(toString(node));
    const record: AnnotationRecord = {
      id,
      kind,
      number: annotations.length + 1,
      ref: kind === 'person' || kind === 'quote' ? person! : kind === 'claim' ? claim! : claim ?? id,
      text,
      ...(person ? { person } : {}),
      ...(claim ? { claim } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(attributes.unit ? { unit: attributes.unit } : {}),
      ...(attributes.about ? { about: attributes.about } : {}),
      context: contextText,
      contextOffset: contextText.indexOf(text),
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
    };
    renderInline(node, record);
    return record;
  }

  function renderInline(node: TextDirective, record: AnnotationRecord) {
    const card = `card-${record.id}`;
    const trigger = {
      type: 'button',
      className: ['annotation__trigger'],
      popoverTarget: card,
      ariaDescribedBy: kindHintId(record.kind),
    };
    const label = node.children as PhrasingContent[];
    // A button may not contain links or other buttons, and browsers lay a button out as one
    // box that never wraps like text: a label holding a nested annotation, or longer than a
    // few words, keeps its words as text and gets a small numbered trigger after them.
    const useMarker = hasInteractive(label) || record.text.length > MAX_BUTTON_LABEL;
    const spoken = record.text.length > 80 ? `${record.text.slice(0, 79).trimEnd()}…` : record.text;
    const children = useMarker
      ? [
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['annotation__text'] } }, children: label },
          {
            type: 'text',
            value: '',
            data: {
              hName: 'button',
              // The visible number comes from CSS (`attr(data-note)`) so it never joins the article text.
              hProperties: { ...trigger, className: ['annotation__trigger', 'annotation__marker'], dataNote: String(record.number), ariaLabel: `${KIND_LABELS[record.kind]}: ${spoken}` },
              hChildren: [],
            },
          },
        ]
      : [{ type: 'emphasis', data: { hName: 'button', hProperties: trigger }, children: label }];
    node.data = {
      hName: 'span',
      hProperties: {
        className: ['annotation', `annotation--${record.kind}`],
        id: record.id,
        dataAnnotation: record.kind,
        dataRef: record.ref,
        ...(record.claim && record.kind !== 'claim' ? { dataClaim: record.claim } : {}),
        ...(record.value !== undefined ? { dataValue: record.value } : {}),
        dataNote: String(record.number),
      },
    };
    node.children = children as PhrasingContent[];
  }
}

const IMAGE_BESIDE_ARTICLE = (url: string) => `Unexpected image path \`${shown(url, 80)}\`, expected an http(s) URL or a site path`;
const IMAGE_HINT = 'images beside an article are not published: put the file in public/ and write its site path (`/images/map.png`), or use an https:// URL';

/** Attributes that would reach into the page: styles the CSP blocks, ids and focus order it owns. */
const PAGE_ATTRIBUTES = new Set(['style', 'id', 'tabindex', 'autofocus', 'contenteditable', 'accesskey']);

function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, report: (node: Nodes, message: string, hint?: string) => void) {
  const name = (node.name ?? '').toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(name)) {
    report(node, `Unexpected \`<${node.name}>\` element, expected article text`, 'articles may not embed scripts, styles, frames, forms, controls or objects; remove it');
  } else if (!/^[a-z][a-z0-9]*$/.test(node.name ?? '')) {
    report(node, `Unexpected \`<${shown(node.name ?? '', 40)}>\`, expected a lowercase HTML element`, 'articles cannot use components or fragments; write the text in Markdown or with a plain HTML element such as `<abbr>`');
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute' || typeof attribute.value === 'object' && attribute.value !== null) {
      report(node, `Unexpected code in an attribute of \`<${node.name}>\`, expected a quoted value`, 'write attribute values in quotes (`title="…"`); code in `{…}` is not run from content');
      continue;
    }
    const key = (attribute as MdxJsxAttribute).name.toLowerCase();
    const value = (attribute as MdxJsxAttribute).value;
    if (key.startsWith('on')) {
      report(node, `Unexpected event handler \`${attribute.name}\` on \`<${node.name}>\``, 'scripts in content are not allowed; remove the attribute');
    } else if (PAGE_ATTRIBUTES.has(key) || key.startsWith('popover')) {
      report(node, `Unexpected \`${attribute.name}\` on \`<${node.name}>\``, key === 'style' ? 'inline styles are blocked by the Content-Security-Policy; remove the attribute' : 'ids, focus and popovers belong to the page and its annotations; remove the attribute (use `{#anchor}` on a quote or figure for a link target)');
    } else if (key === 'dangerouslysetinnerhtml' || key === 'set:html') {
      report(node, `Unexpected \`${attribute.name}\` on \`<${node.name}>\``, 'raw HTML is not published; write the text in Markdown');
    } else if (URL_ATTRIBUTES.has(key) && typeof value === 'string' && !isAllowedContentUrl(value)) {
      report(node, `Unexpected URL \`${value.slice(0, 80)}\` in \`${attribute.name}\`, expected an http(s) URL or a site path`, 'links from content may only use http: or https:');
    } else if (name === 'img' && key === 'src' && typeof value === 'string' && isPathBesideArticle(value)) {
      report(node, IMAGE_BESIDE_ARTICLE(value), IMAGE_HINT);
    }
  }
}

/** Cards (popovers, after the text) and endnotes (in the flow, for print and old browsers). */
function appendCardsAndEndnotes(tree: Root, annotations: AnnotationRecord[], context: CardContext) {
  const kinds = ANNOTATION_KINDS.filter((kind) => annotations.some((a) => a.kind === kind));
  const hints = kinds.map((kind) => h('span', { id: kindHintId(kind), hidden: true }, `${KIND_LABELS[kind].toLowerCase()}, opens a card`));
  tree.children.push(
    {
      type: 'paragraph',
      children: [],
      data: {
        hName: 'div',
        hProperties: { className: ['annotation-cards'], dataPagefindIgnore: '' },
        hChildren: [...hints, ...annotations.map((a) => cardElement(a, context))],
      },
    },
    {
      type: 'paragraph',
      children: [],
      data: {
        hName: 'section',
        hProperties: { className: ['endnotes'], ariaLabelledBy: ['endnotes-title'], dataPagefindIgnore: '' },
        hChildren: [
          h('h2', { id: 'endnotes-title' }, 'Annotations'),
          h('ol', { className: ['endnotes__list'] }, annotations.map((a) => endnoteItem(a, context))),
        ],
      },
    },
  );
}
