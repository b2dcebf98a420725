import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe';
import { serveSite } from '../helpers/served-site';

/** The page-type audit sees the seed site's empty /corrections/; this one has entries. */
const second = serveSite('second');

describe.each(['light', 'dark'] as const)('corrections, %s colour scheme', (scheme) => {
  it('the /corrections/ page with a correction: no axe violations', async () => {
    await expectAccessible(await second.open('corrections/', { colorScheme: scheme }));
  });

  it('the notice link leads to the list at the end of the article', async () => {
    const page = await second.open('articles/riverton-bridge/', { colorScheme: scheme });
    await page.getByRole('link', { name: 'All corrections and updates' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#corrections-and-updates');
    const heading = page.getByRole('heading', { name: 'Corrections and updates' });
    expect(await heading.isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Corrections and updates' }).getByRole('listitem').count()).toBe(2);
  });
});
