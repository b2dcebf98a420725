/**
 * Two feeds of what the newsroom checked: the claims with a verdict in the shape Google's Fact
 * Check Tools Claim Search API returns (`claims[].claimReview[]`), and a JSON Feed 1.1
 * (https://jsonfeed.org/version/1.1) of every change of a claim's status, newest first.
 */
import { CLAIM_STATUSES, type ClaimData, type PersonData } from '../content/schemas';
import { SITE_LANGUAGE } from '../lib/site-language';
import { absoluteUrl, type SiteRefs } from '../lib/urls';
import type { DataLicence } from './open-data';
import { reviewDates, type Entry } from './structured-data';

const midnight = (day: string) => `${day}T00:00:00Z`;

export interface ReviewedClaim {
  claim: Entry<ClaimData>;
  claimant: Entry<PersonData>;
  /** Day of the first article citing it (the review's first publication when the first status was a verdict). */
  firstReview: string;
}

/** `{ claims: [{ text, claimant, claimDate, claimReview: [...] }] }` for the claims whose status is a verdict. */
export function claimSearchFeed(refs: SiteRefs, licence: DataLicence, reviewed: ReviewedClaim[]) {
  const site = new URL(absoluteUrl(refs.site, refs.urls.home())).host;
  const claims = reviewed
    .filter(({ claim }) => CLAIM_STATUSES[claim.data.status].verdict)
    .map(({ claim, claimant, firstReview }) => {
      const dates = reviewDates(claim.data, firstReview);
      return {
        text: claim.data.statement,
        claimant: claimant.data.name,
        claimDate: midnight(claim.data.date),
        claimReview: [
          {
            publisher: { name: refs.siteName, site },
            url: absoluteUrl(refs.site, refs.urls.claim(claim.id)),
            title: claim.data.title,
            reviewDate: midnight(dates.dateModified ?? dates.datePublished),
            textualRating: CLAIM_STATUSES[claim.data.status].label,
            languageCode: SITE_LANGUAGE,
          },
        ],
      };
    });
  return { license: licence.name, license_url: licence.url, claims };
}

export interface StatusChangeItem {
  claim: Entry<ClaimData>;
  claimant: Entry<PersonData>;
  /** Index in `statusHistory` (1 or more: the first entry is the first status, not a change). */
  change: number;
}

/** Every change of every claim's status, newest first (the later change of a day first). */
export function statusChanges(claims: { claim: Entry<ClaimData>; claimant: Entry<PersonData> }[]): StatusChangeItem[] {
  const changes = claims.flatMap(({ claim, claimant }) =>
    claim.data.statusHistory.slice(1).map((_, index) => ({ claim, claimant, change: index + 1 })),
  );
  const day = (item: StatusChangeItem) => item.claim.data.statusHistory[item.change]!.date;
  return changes.sort(
    (a, b) => day(b).localeCompare(day(a)) || b.change - a.change || a.claim.id.localeCompare(b.claim.id),
  );
}

interface FeedPage {
  items: StatusChangeItem[];
  /** This page's address, and the next one's when there is one. */
  url: string;
  next?: string | undefined;
}

/** One page of the JSON Feed of status changes. */
export function statusChangeFeed(
  refs: SiteRefs,
  licence: DataLicence,
  page: FeedPage,
  words: { title: string; description: string; claimBy: (name: string) => string },
) {
  const dataPage = absoluteUrl(refs.site, refs.urls.data());
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${refs.siteName}: ${words.title}`,
    home_page_url: absoluteUrl(refs.site, refs.urls.claims()),
    feed_url: page.url,
    ...(page.next ? { next_url: page.next } : {}),
    description: `${words.description} ${licence.name}: ${licence.url}`,
    language: SITE_LANGUAGE,
    authors: [{ name: refs.siteName, url: absoluteUrl(refs.site, refs.urls.home()) }],
    _data_license: { about: dataPage, name: licence.name, url: licence.url },
    items: page.items.map(({ claim, claimant, change }) => {
      const entry = claim.data.statusHistory[change]!;
      const before = claim.data.statusHistory[change - 1]!;
      const url = absoluteUrl(refs.site, refs.urls.claim(claim.id));
      const label = CLAIM_STATUSES[entry.status].label;
      return {
        // Not a URL: the claim page has no anchor per change, and crawlers follow URL-like ids.
        id: `${claim.id}/status/${change}`,
        url,
        title: `${claim.data.title}: ${label}`,
        content_text: `${CLAIM_STATUSES[before.status].label} → ${label}. ${entry.note ?? ''}`.trim(),
        summary: `${words.claimBy(claimant.data.name)}: ${claim.data.statement}`,
        date_published: midnight(entry.date),
        tags: [entry.status],
        _status: { from: before.status, to: entry.status, sources: entry.sources },
      };
    }),
  };
}
