import fs from 'node:fs';
import path from 'node:path';
import type { Parent, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { IMAGE_EXTENSIONS } from '../content/schemas/image';
import * as messages from './messages';
import type { ProblemText, Report } from './messages';

/**
 * Photographs in an article's text, written on a line of their own:
 *
 * `::image[The bridge at dusk]{src=./bridge.jpg caption="The new span" credit="Jane Doe"}`
 *
 * The label is the alt text, `src` the file relative to the article, `credit` who took it
 * (both required), `caption` optional. The pipeline records each one and leaves a
 * `<figure>` with its caption where it stands; the page puts the processed `<picture>`
 * (AVIF, WebP, a fallback, several widths) in it, since only Astro's image service at page
 * build time can emit the files.
 */
const IMAGE_DIRECTIVE = 'image';

const IMAGE_ATTRIBUTES = new Set(['src', 'caption', 'credit']);

/** One photograph of an article's text, as written, in reading order. */
export interface ArticleImageRecord {
  /** Path of the file relative to the article, as written. */
  src: string;
  alt: string;
  caption?: string;
  credit: string;
}

/** The node an `::image` becomes: rendered as a `<figure>` by article-html. */
export interface ArticleImageNode {
  type: 'articleImage';
  /** Position of the photograph among the article's photographs (0-based). */
  index: number;
  image: ArticleImageRecord;
  position?: LeafDirective['position'];
}

/**
 * What is wrong with an image path, if anything: it must name a JPEG, PNG, WebP or AVIF file
 * that exists inside the content folder (beside the article or in a shared folder).
 */
export function imageFileProblem(src: string, articleFile: string): ProblemText | undefined {
  const contentDir = path.dirname(path.dirname(path.resolve(articleFile)));
  if (/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(src)) return messages.imageNotFound(src, 'relative to the article');
  const resolved = path.resolve(path.dirname(articleFile), src);
  if (!resolved.startsWith(contentDir + path.sep)) return messages.imageNotFound(src, 'inside the content folder');
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(resolved).toLowerCase())) {
    return messages.imageUnsupportedFormat(src, IMAGE_EXTENSIONS);
  }
  if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isFile()) {
    return messages.imageNotFound(src, 'beside the article or in the content folder');
  }
  return undefined;
}

/** Everything wrong with one `::image`: unknown attributes, no alt text, no credit, no usable file. */
function imageProblems(attributes: Record<string, string | null | undefined>, alt: string, articleFile: string) {
  const problems: ProblemText[] = Object.keys(attributes)
    .filter((key) => !IMAGE_ATTRIBUTES.has(key))
    .map((key) => messages.imageUnknownAttribute(key));
  if (!alt) problems.push(messages.imageMissingAlt());
  if (!attributes.credit?.trim()) problems.push(messages.imageMissingCredit());
  const src = attributes.src?.trim();
  const fileProblem = src ? imageFileProblem(src, articleFile) : messages.imageMissingSource();
  if (fileProblem) problems.push(fileProblem);
  return problems;
}

/** Reads one `::image` directive; reports each problem at the directive and returns the record if complete. */
function readImage(node: LeafDirective, articleFile: string, report: Report): ArticleImageRecord | undefined {
  const attributes = node.attributes ?? {};
  const alt = toString(node).trim();
  const problems = imageProblems(attributes, alt, articleFile);
  for (const problem of problems) report(node, problem);
  if (problems.length) return undefined;
  const caption = attributes.caption?.trim();
  return { src: attributes.src!.trim(), alt, credit: attributes.credit!.trim(), ...(caption ? { caption } : {}) };
}

/**
 * Finds every `::image` of an article, checks it (alt text, credit, a file that exists) and
 * puts an `articleImage` node in its place, so the rest of the pipeline sees no directive.
 * Returns the photographs in reading order.
 */
export function collectArticleImages(tree: Root, articleFile: string, report: Report): ArticleImageRecord[] {
  const images: ArticleImageRecord[] = [];
  const found: { node: LeafDirective; parent: Parent }[] = [];
  visitParents(tree, 'leafDirective', (node, ancestors) => {
    if (node.name === IMAGE_DIRECTIVE) found.push({ node, parent: ancestors[ancestors.length - 1] as Parent });
  });
  for (const { node, parent } of found) {
    const image = readImage(node, articleFile, report);
    const replacement: ArticleImageNode = {
      type: 'articleImage',
      index: images.length,
      image: image ?? { src: '', alt: '', credit: '' },
      position: node.position,
    };
    if (image) images.push(image);
    parent.children.splice(parent.children.indexOf(node as never), 1, replacement as never);
  }
  return images;
}
