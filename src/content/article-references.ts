import { FRONTMATTER, type ArticleFile } from './article-files';
import { displayPath, type ContentProblem } from './problems';
import type { Registry } from './registry';
import { groupTopics, nearDuplicateTopics, topicSlug } from './topics';
import { parseYamlSource, type Place } from './yaml-source';
import { didYouMean } from '../lib/suggest';
import { shown } from '../lib/shown';

type CheckedArticle = ArticleFile & { data: NonNullable<ArticleFile['data']> };

/**
 * Where a frontmatter field was written. The frontmatter is parsed again only for an article
 * that has a problem, so a clean archive pays nothing for it.
 */
function frontmatterPlace(article: ArticleFile, path: (string | number)[]): Place {
  const match = FRONTMATTER.exec(article.source);
  if (!match) return { line: 1, column: 1 };
  return parseYamlSource(match[1]!, 1).placeOf(path);
}

/** `authors` ids that name no file in content/authors, at the line of the id. */
function unknownAuthorProblems(articles: readonly CheckedArticle[], registry: Registry): ContentProblem[] {
  const known = registry.authors ?? new Map();
  const unusable = registry.unusable?.authors ?? new Set<string>();
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    (article.data.authors ?? []).forEach((id, index) => {
      if (known.has(id) || unusable.has(id)) return;
      problems.push({
        file: displayPath(article.file),
        ...frontmatterPlace(article, ['authors', index]),
        field: `authors.${index}`,
        message: `unknown author \`${shown(id)}\``,
        hint: `${didYouMean(id, known.keys())}each author is a file name in content/authors (content/authors/${shown(id)}.yaml); for someone without a page, write \`byline:\` instead`,
        rule: 'unknown-author',
      });
    });
  }
  return problems;
}

/**
 * Tags whose topic is nearly the same as a more used one (`rare earth` beside `rare earths`),
 * at each article that uses the less used spelling; and tags that make no topic URL.
 */
function topicProblems(articles: readonly CheckedArticle[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (article: CheckedArticle, index: number, message: string, hint: string, rule: string) =>
    problems.push({
      file: displayPath(article.file),
      ...frontmatterPlace(article, ['tags', index]),
      field: `tags.${index}`,
      message,
      hint,
      rule,
      // Two spellings of one topic split its page in two but break nothing: the editor is told, the build goes on.
      ...(rule === 'near-duplicate-topic' ? { severity: 'warning' as const } : {}),
    });
  for (const { topic, likely } of nearDuplicateTopics(groupTopics(articles, (article) => article.data.tags))) {
    for (const article of topic.members) {
      const index = article.data.tags.findIndex((tag) => topicSlug(tag) === topic.slug);
      const count = likely.members.length === 1 ? '1 article' : `${likely.members.length} articles`;
      problem(
        article,
        index,
        `topic "${topic.label}" is nearly the same as "${likely.label}" (${count})`,
        `did you mean \`${likely.label}\`? write the same words so both form one topic page; case, spaces and hyphens do not matter`,
        'near-duplicate-topic',
      );
    }
  }
  for (const article of articles) {
    article.data.tags.forEach((tag, index) => {
      if (topicSlug(tag)) return;
      problem(article, index, `tag "${shown(tag)}" has no letter or digit to make its topic page's address from`, 'write the tag with at least one Latin letter or digit, e.g. `trade`', 'topic-without-address');
    });
  }
  return problems;
}

/** What an article's frontmatter refers to beyond itself: its authors and its topics. */
export function articleReferenceProblems(articles: readonly ArticleFile[], registry: Registry): ContentProblem[] {
  const checked = articles.filter((article): article is CheckedArticle => Boolean(article.data));
  return [...unknownAuthorProblems(checked, registry), ...topicProblems(checked)];
}
