/**
 * A claim's card for other sites: the iframe code a publisher pastes and the oEmbed 1.0
 * description (https://oembed.com, type `rich`) that WordPress, Ghost, Discourse, Notion or
 * Slack read to embed a claim page's link. Pure: pages pass in the claim and the URLs.
 */
import { absoluteUrl, type SiteRefs } from '../lib/urls';
import { EMBED_WORDS } from '../lib/words/embed';

/** The iframe's size: the card is laid out to fit it from 300 px wide up. */
const EMBED_SIZE = { width: 600, height: 360 } as const;

export interface EmbeddedClaim {
  id: string;
  title: string;
  claimant: { id: string; name: string };
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The code to paste: an iframe as wide as its column, up to 600 px, with a title for screen readers. */
export function embedIframeHtml(refs: SiteRefs, claim: EmbeddedClaim): string {
  const src = absoluteUrl(refs.site, refs.urls.claimEmbed(claim.id));
  const { width, height } = EMBED_SIZE;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(EMBED_WORDS.frameTitle(claim.title))}" ` +
    `width="${width}" height="${height}" style="width:100%;max-width:${width}px;height:${height}px;border:0" ` +
    `loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/** The oEmbed 1.0 `rich` response for a claim page, published as a static JSON file beside it. */
export function claimOembed(refs: SiteRefs, claim: EmbeddedClaim): Record<string, unknown> {
  return {
    version: '1.0',
    type: 'rich',
    title: claim.title,
    author_name: claim.claimant.name,
    author_url: absoluteUrl(refs.site, refs.urls.person(claim.claimant.id)),
    provider_name: refs.siteName,
    provider_url: absoluteUrl(refs.site, refs.urls.home()),
    cache_age: 86400,
    html: embedIframeHtml(refs, claim),
    width: EMBED_SIZE.width,
    height: EMBED_SIZE.height,
  };
}
