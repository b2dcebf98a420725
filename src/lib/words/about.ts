/**
 * Every word readers see on the newsroom's pages (`/about/`) and in the footer's links to
 * them, in one place, so they can move into the site's language table.
 */
export const ABOUT_WORDS = {
  listTitle: 'About the newsroom',
  listDescription: 'How the newsroom checks claims, corrects mistakes, is funded and can be reached.',
  listIntro: 'How we work, who pays for it and how to reach us.',
  noPages: 'The newsroom has not published any pages about itself yet.',
  updated: 'Updated',
  allPages: 'About',
  footerLabel: 'About the newsroom',
} as const;
