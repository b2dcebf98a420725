import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe';
import { serveSite } from '../helpers/served-site';

/** The second site's claim whose status changed: a History timeline and an "Also said" list. */
const CLAIM = 'claims/bridge-opens-in-spring/';

const second = serveSite('second');

describe.each(['light', 'dark'] as const)('a claim page with a status history, %s colour scheme', (scheme) => {
  it('passes WCAG 2.0–2.2 A and AA (axe-core)', async () => {
    const page = await second.open(CLAIM, { colorScheme: scheme });
    expect(await page.locator('.claim-history .timeline > li').count()).toBe(2);
    await expectAccessible(page);
    await page.context().close();
  });
});
