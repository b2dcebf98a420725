import { describe, it } from 'vitest';
import { expectAccessible } from '../helpers/axe';
import { serveSite } from '../helpers/served-site';

/**
 * The seed has no author, so the page-type audit sees only `/authors/`: the second site's
 * author page, topic list and topic page (with people, claims and a status badge) are
 * audited here, in both colour schemes.
 */
const SCHEMES = ['light', 'dark'] as const;
const PAGES = ['authors/lena-hart/', 'authors/', 'topics/', 'topics/transport/'];

const second = serveSite('second');

describe.each(SCHEMES)('author and topic pages pass axe (WCAG A and AA), %s colour scheme', (scheme) => {
  it.each(PAGES)('%s', async (path) => {
    const page = await second.open(path, { colorScheme: scheme });
    await expectAccessible(page);
    await page.context().close();
  });
});
