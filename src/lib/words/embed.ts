/**
 * Every word readers see on a claim's embed card (`/claims/<id>/embed/`), its oEmbed
 * description and the claim page's "Share or embed" control, in one place, so they can move
 * into the site's language table.
 */
export const EMBED_WORDS = {
  checkedBy: 'Claim checked by',
  claimBy: (name: string) => `Claim by ${name}`,
  status: 'Status',
  since: 'since',
  readMore: (site: string) => `Read the full check on ${site}`,
  frameTitle: (title: string) => `Claim: ${title}`,
  pageTitle: (title: string) => `${title} · embedded claim`,
  share: 'Share or embed',
  shareLink: 'Link to this claim',
  shareCode: 'Code to embed this claim card in another site (an iframe; the oEmbed address is announced in the page)',
  copyCode: 'Copy code',
  codeCopied: 'Code copied.',
} as const;
