import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe';
import { serveSite } from '../helpers/served-site';

/** The second site's claim that the mayor disputes: a "Responses" section. */
const CLAIM = 'claims/lanes-cut-crashes/';

const second = serveSite('second');

describe.each(['light', 'dark'] as const)('a claim page with responses, %s colour scheme', (scheme) => {
  it('passes WCAG 2.0–2.2 A and AA (axe-core)', async () => {
    const page = await second.open(CLAIM, { colorScheme: scheme });
    expect(await page.locator('.claim-responses__item').count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('the claimant’s words and the responses', () => {
  /** Left edges of the claimant's words and of the first response. */
  async function columns(width: number): Promise<[number, number]> {
    const page = await second.open(CLAIM, { viewport: { width, height: 900 } });
    const claim = (await page.locator('.claim-responses__claim').boundingBox())!;
    const response = (await page.locator('.claim-responses__item').boundingBox())!;
    await page.context().close();
    return [claim.x, response.x];
  }

  it('stack on a phone and stand side by side on a wide screen', async () => {
    const [claimX, responseX] = await columns(360);
    expect(responseX).toBe(claimX);
    const [wideClaimX, wideResponseX] = await columns(1280);
    expect(wideResponseX).toBeGreaterThan(wideClaimX + 200);
  });
});
