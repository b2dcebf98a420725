import { describe, expect, it } from 'vitest';
import { pageTitle, TITLE_LIMIT } from '../../src/lib/page-title';

const SITE = 'The Annotated Wire';

describe('page titles', () => {
  it('adds the site name when it fits', () => {
    expect(pageTitle('Quotes', SITE)).toBe('Quotes · The Annotated Wire');
    expect(pageTitle(SITE, SITE)).toBe(SITE);
  });

  it('drops the site name first, then cuts the headline at a word', () => {
    const sixty = 'Bessent says U.S. and China reached a framework to avoid tariffs';
    expect(pageTitle(sixty, SITE)).toBe(sixty);
    const long =
      'Bessent says the United States and China reached a very substantial framework to avoid 100 percent tariffs';
    const title = pageTitle(long, SITE);
    expect([...title].length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(title).toBe('Bessent says the United States and China reached a very substantial…');
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('cuts a single long word when there is no space to cut at', () => {
    const title = pageTitle('x'.repeat(100), SITE);
    expect(title).toBe(`${'x'.repeat(TITLE_LIMIT - 1)}…`);
  });
});
