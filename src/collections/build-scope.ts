import { partOf } from '../lib/build-parts';
import { siteConfig } from '../site-config';

const { scope, part } = siteConfig(process.env, process.cwd());

/**
 * Which pages this build writes. A whole build writes every page; a build in parts splits
 * them (README, "Builds in parts"): each part writes the pages of its articles (by a hash
 * of the slug) and of its claims (by a hash of the claim's id, so a claim that articles of
 * several parts state still has one owner), and the site step writes every page that spans
 * the archive.
 */
export const buildScope = {
  article: (slug: string) => scope === 'whole' || (scope === 'part' && partOf(slug, part!.count) === part!.index),
  claim: (id: string) => scope === 'whole' || (scope === 'part' && partOf(id, part!.count) === part!.index),
  /** The front page, lists, people, authors, topics, corrections and feed. */
  siteWide: () => scope !== 'part',
};
