import type { AnnotationRecord } from '../annotations/kinds';
import type { ArticleText } from '../annotations/rehype-article-text';
import type { ArticleData } from '../content/schemas';
import { textDirective } from './text-selectors';
import type { SiteUrls } from '../lib/urls';

/** What a passage link needs to know about its article. */
interface LinkedArticle {
  id: string;
  data: Pick<ArticleData, 'title' | 'description'>;
}

/**
 * Link to an annotated passage: `/articles/<slug>/#<id>:~:text=…`. Every browser scrolls to
 * the fragment id; browsers with text fragments highlight the words instead, where the words
 * lead there (see `textDirective`). Person mentions get the id alone: a name is short and
 * recurs, so highlighting it does not help.
 */
export function passageHref(
  urls: SiteUrls,
  article: LinkedArticle,
  text: ArticleText,
  record: AnnotationRecord,
): string {
  const directive =
    record.kind === 'person'
      ? ''
      : textDirective(record.id, { ...text, before: `${article.data.title} ${article.data.description}` });
  return urls.article(article.id, `${record.id}${directive}`);
}
