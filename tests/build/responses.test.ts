import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll, toText } from '../helpers/html';
import { passagesOf, readWrittenRecords } from '../helpers/pagefind-output';

// In the second site, Mayor Okafor disputes Tomás Lindqvist's claim that the bike lanes
// halved crashes: `:quote[…]{#city-counts by=amara-okafor disputes=lanes-cut-crashes}`.
const ARTICLE = '/articles/riverton-bridge/';
const CLAIM = '/claims/lanes-cut-crashes/';
/** The disputed claim, named by its title. */
const TITLE = 'Bike lanes halved Main Street crashes';
const second = siteDir('second');

describe('a quote that disputes someone else’s claim, on the built site', () => {
  const article = readPage(second, ARTICLE);

  it('marks the quote with its speaker, the claim it answers and the stance', () => {
    const quote = select('#city-counts', article)!;
    expect(attr(quote, 'dataRef')).toBe('amara-okafor');
    expect(attr(quote, 'dataRespondsTo')).toBe('lanes-cut-crashes');
    expect(attr(quote, 'dataStance')).toBe('disputes');
    expect(attr(quote, 'dataClaim')).toBeUndefined();
  });

  it('says on the quote’s card which claim it disputes, and whose, linking the claim card', () => {
    const card = select('#card-city-counts', article)!;
    const line = select('.card__response', card)!;
    expect(toText(line)).toBe(`Disputes the claim: ${TITLE} — Tomás Lindqvist`);
    expect(attr(select('a', line)!, 'href')).toBe(CLAIM);
  });

  it('lists the claim’s responses on the claim page, attributed and linked to the passage', () => {
    const page = readPage(second, CLAIM);
    const section = select('section.claim-responses', page)!;
    expect(toText(select('h2', section)!)).toBe('Responses');
    // The claimant's own words beside the response.
    expect(toText(select('.claim-responses__claim', section)!)).toContain('Claimed by Tomás Lindqvist');
    expect(toText(select('.claim-responses__claim', section)!)).toContain('“cut crashes in half”');
    const items = selectAll('.claim-responses__item', section);
    expect(items).toHaveLength(1);
    const text = toText(items[0]!);
    expect(text).toContain('Disputed by Amara Okafor, Mayor of Riverton');
    expect(text).toContain('“a real drop, but nowhere near half”');
    expect(text).toContain('Riverton council backs bridge plan after bike-lane debate');
    expect(text).toContain('March 3, 2026');
    const links = selectAll('a', items[0]!).map((a) => attr(a, 'href'));
    expect(links).toContain('/people/amara-okafor/');
    expect(links.some((href) => href!.startsWith(`${ARTICLE}`) && href!.includes('#city-counts'))).toBe(true);
    // The response is not one of the passages that state or back the claim.
    expect(toText(select('.passage-list', page)!)).not.toContain('nowhere near half');
  });

  it('links the response Quotation to the Claim in the claim page’s JSON-LD', () => {
    const html = fs.readFileSync(path.join(second, 'claims/lanes-cut-crashes/index.html'), 'utf8');
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const nodes = JSON.parse(json)['@graph'] as Record<string, unknown>[];
    const quotation = nodes.find((n) => n['@type'] === 'Quotation')!;
    expect(quotation.text).toBe('a real drop, but nowhere near half');
    expect(quotation.about).toEqual({ '@id': 'http://localhost:4321/claims/lanes-cut-crashes/#claim' });
  });

  it('finds the response in search by the claim it answers', () => {
    const record = readWrittenRecords(second).find((r) => r.url === ARTICLE)!;
    const quote = passagesOf(record).find((p) => p.i === 'city-counts')!;
    expect(quote).toMatchObject({ k: 'quote', s: 'Amara Okafor' });
    expect(quote.x).toBe(`Disputes the claim · ${TITLE} · Tomás Lindqvist`);
    // Pagefind finds the article by those words too.
    expect(record.content).toContain(`Disputes the claim · ${TITLE} · Tomás Lindqvist`);
  });
});
