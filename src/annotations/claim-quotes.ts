import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { displayPath } from '../content/problems';
import type { Registry } from '../content/registry';
import * as messages from './messages';
import type { Report } from './messages';
import { collapse, plainText } from './plain-text';

/**
 * A claim card shows the claim's `quote:` as words from the article, so the quote must
 * appear word for word (whitespace aside) in every article that cites the claim:
 * `quote: very substantial framework` + an article without those words →
 * `claim-quote-not-verbatim`, reported at the first annotation citing the claim.
 */
export function checkClaimQuotes(
  tree: Root,
  citations: ReadonlyMap<string, TextDirective>,
  registry: Registry,
  report: Report,
): void {
  const articleText = plainText(tree);
  for (const [claimId, node] of citations) {
    const claim = registry.claims.get(claimId)!;
    if (claim.data.quote && !articleText.includes(collapse(claim.data.quote))) {
      const where = claim.source.placeOf(['quote']);
      report(
        node,
        messages.claimQuoteNotVerbatim(
          claimId,
          claim.data.quote,
          `${displayPath(claim.file)}:${where.line}:${where.column}`,
        ),
      );
    }
  }
}
