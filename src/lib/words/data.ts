/**
 * Every word readers see on the open-data page (`/data/`) and the words the data files use
 * for their licence and columns, in one place, so they can move into the site's language table.
 */
export const DATA_WORDS = {
  title: 'Open data',
  description:
    'Every claim, quote and correction the newsroom has published, as JSON and CSV, with a ClaimReview feed and a feed of status changes.',
  intro: (site: string) =>
    `Everything ${site} has checked, for data desks, researchers and other software: the claims with their full status history, every quote with its speaker and passage, and every correction.`,
  licence: 'Licence',
  licenceText: (licence: string) =>
    `The data is published under ${licence}. Credit the site and link to the claim or article page.`,
  files: 'Files',
  datasets: { claims: 'Claims', quotes: 'Quotes', corrections: 'Corrections and updates' },
  filesIntro:
    'Large archives are split by year (and, within a busy year, into numbered parts) so no file passes 10 MB. The index lists every file.',
  dataset: 'Dataset',
  year: 'Year',
  rows: 'Rows',
  download: 'Download',
  feeds: 'Feeds',
  claimReview:
    'ClaimReview, in the shape of Google’s Fact Check Tools Claim Search API (claims[].claimReview[]): the claims with a verdict.',
  statusFeed: 'JSON Feed 1.1 of every change of a claim’s status, newest first.',
  indexFile: 'Index of every file (JSON).',
  columns: 'Columns',
  csvNote:
    'CSV files are UTF-8, RFC 4180 (comma-separated, fields with commas, quotation marks or line breaks in double quotes, CRLF line ends), with one header row. Lists (history, sources, appearances, responses) are JSON in one field. The last column, license, names the licence on every row.',
  column: 'Column',
  meaning: 'Meaning',
  none: 'No rows yet.',
  statusFeedTitle: 'changes of claim status',
  statusFeedDescription: 'Every change of a claim’s status, newest first.',
  claimBy: (name: string) => `Claim by ${name}`,
} as const;

/** What each column of each dataset holds: the CSV header, the JSON keys and the `/data/` page's tables. */
export const DATA_COLUMNS = {
  claims: {
    id: 'The claim’s id; its page is /claims/<id>/.',
    title: 'The claim’s short name, as every page names it.',
    statement: 'The claim in the editor’s neutral words (not a quotation).',
    claimant_id: 'Id of the person who made it; their page is /people/<id>/.',
    claimant_name: 'Name of the person who made it.',
    date: 'Day the claim was made (YYYY-MM-DD).',
    source: 'Where or how it was made.',
    quote: 'The claimant’s own words, verbatim in every article that cites the claim; empty when none.',
    status: 'Current status: stated, pending, supported, disputed or false.',
    status_label: 'The current status as readers see it.',
    status_date: 'Day the current status was given (YYYY-MM-DD).',
    is_verdict: 'true for supported, disputed and false; false for stated and pending.',
    status_history: 'Every status, oldest first: date, status, note and sources (JSON list).',
    sources: 'Sources the claim page cites (JSON list of title and url).',
    appearances: 'Where the claim was made: article passages and other appearances (JSON list of date, source, url).',
    responses: 'Quotes by others that dispute, support or respond to it (JSON list of speaker, stance, words, url).',
    url: 'The claim page.',
    embed_url: 'The claim card to embed in other sites.',
    license: 'The licence of the data.',
  },
  quotes: {
    id: 'The quote’s id in its article (the passage’s fragment).',
    words: 'The speaker’s words, verbatim.',
    speaker_id: 'Id of the speaker; their page is /people/<id>/.',
    speaker_name: 'Name of the speaker.',
    article_slug: 'The article’s slug; its page is /articles/<slug>/.',
    article_title: 'The article’s headline.',
    article_published: 'Day the article was published (YYYY-MM-DD).',
    article_url: 'The article page.',
    passage_url: 'A link to the passage itself.',
    claim_id: 'The claim the quote states or answers; empty when none.',
    stance:
      'states (the speaker’s own claim), disputes, supports or responds (to someone else’s claim); empty when none.',
    license: 'The licence of the data.',
  },
  corrections: {
    article_slug: 'The article’s slug.',
    article_title: 'The article’s headline.',
    article_url: 'The article page.',
    kind: 'correction (an error of fact put right) or update (a later development).',
    date: 'Day it was published (YYYY-MM-DD).',
    text: 'What was wrong and what is right, or what changed, in the editor’s words.',
    license: 'The licence of the data.',
  },
} as const;

export type DatasetName = keyof typeof DATA_COLUMNS;
