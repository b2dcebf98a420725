import type { ArticleFile } from '../content/article-files';
import type { Registry } from '../content/registry';
import { displayPath, type ContentProblem } from '../content/problems';
import { parseYamlSource } from '../content/yaml-source';
import { imageFileProblem } from './article-images';

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The lead photograph's file (`image.src` in the frontmatter) exists, is a photograph and
 * lies in the content folder; the problem points at the `src:` line.
 */
export function leadImageProblems(article: ArticleFile): ContentProblem[] {
  const src = article.data?.image?.src;
  if (!src) return [];
  const problem = imageFileProblem(src, article.file);
  if (!problem) return [];
  const frontmatter = FRONTMATTER.exec(article.source)?.[1] ?? '';
  const place = parseYamlSource(frontmatter, 1).placeOf(['image', 'src']);
  return [{ file: displayPath(article.file), ...place, field: 'image.src', ...problem }];
}

/** Each person's portrait file (`image.src` in their file) exists and is a photograph in the content folder. */
export function portraitProblems(registry: Registry): ContentProblem[] {
  return [...registry.people.values()].flatMap((person) => {
    const src = person.data.image?.src;
    const problem = src ? imageFileProblem(src, person.file) : undefined;
    if (!problem) return [];
    const place = person.source.placeOf(['image', 'src']);
    return [{ file: displayPath(person.file), ...place, field: 'image.src', ...problem }];
  });
}
