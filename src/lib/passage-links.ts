import type { AnnotationRecord } from '../annotations/kinds';
import { textDirective } from './text-selectors';
import type { SiteUrls } from './urls';

/**
 * Link to an annotated passage: `/articles/<slug>/#<id>:~:text=…`. Every browser scrolls to
 * the fragment id; browsers with text fragments also highlight the words. Person mentions get
 * the id alone: a name is short and recurs, so highlighting it does not help.
 */
export function passageHref(urls: SiteUrls, slug: string, record: AnnotationRecord): string {
  const directive = record.kind === 'person' ? '' : textDirective(record.context, record.contextOffset, record.text);
  return urls.article(slug, `${record.id}${directive}`);
}
