import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/build-site';
import { attr, listPages, readPage, select, selectAll, toText } from '../helpers/html';
import { PROJECT_ROOT } from '../helpers/paths';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const seedArticle = () => readPage(siteDir('seed'), '/articles/us-china-trade-framework/');
const card = (id: string) => select(`#card-${id}`, seedArticle())!;

describe('claim cards and statuses in the seed', () => {
  it('name every claim by its own title, never by speaker and date', () => {
    const titles = selectAll('.card--claim .card__title', seedArticle()).map((t) => squash(toText(t)));
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toContain('Claim: The framework averts the 100 percent tariffs');
    expect(titles.filter((t) => /, \w+ \d+, \d{4}$/.test(t))).toEqual([]);
    const endnotes = selectAll('.endnote--claim .endnote__title', seedArticle()).map((t) => squash(toText(t)));
    expect(new Set(endnotes).size).toBe(endnotes.length);
  });

  it('say when a pending claim is past its due day and not yet rechecked, and that the day is the report’s', () => {
    const tariff = card('claim-tariff-threat-from-nov-1');
    const status = squash(toText(select('.card__status', tariff)!));
    expect(status).toContain('Pending · Due Nov. 1, 2025 — not yet rechecked');
    expect(status).not.toContain('cannot be checked yet');
    expect(squash(toText(select('.card__meta', tariff)!))).toContain(
      'reported October 26, 2025 (when it was first said is not given)',
    );
    // A claim with no due day shows the day its status holds as of.
    const framework = squash(toText(select('.card__status', card('claim-framework-avoids-tariffs'))!));
    expect(framework).toMatch(/^Pending · as of Oct\. 26, 2025 /);
  });

  it('show every status with the day it holds as of, wherever a claim is listed', () => {
    for (const page of ['/claims/', '/people/scott-bessent/', '/claims/tariff-threat-from-nov-1/']) {
      const statuses = selectAll('.status', readPage(siteDir('seed'), page)).filter((s) => select('.status__when', s));
      expect(statuses.length, page).toBeGreaterThan(0);
      for (const status of statuses) expect(squash(toText(select('.status__when', status)!)), page).toMatch(/\d{4}/);
    }
  });

  it('gives each status its own mark besides its colour', () => {
    const css = fs
      .readdirSync(path.join(siteDir('seed'), '_astro'))
      .filter((file) => file.endsWith('.css'))
      .map((file) => fs.readFileSync(path.join(siteDir('seed'), '_astro', file), 'utf8'))
      .join('\n');
    const marks = ['stated', 'pending', 'supported', 'disputed', 'false'].map(
      (status) => new RegExp(`\\.status--${status} \\.status__label:before\\{content:"([^"]+)"`).exec(css)?.[1],
    );
    expect(marks.every(Boolean), String(marks)).toBe(true);
    expect(new Set(marks).size).toBe(5);
  });

  it('quote and figure cards name the claim they back by its title and say when and where it was said', () => {
    const quote = card('quote-very-substantial-framework');
    expect(squash(toText(select('.card__backs', quote)!))).toBe(
      'Backs the claim: The framework averts the 100 percent tariffs Pending · as of Oct. 26, 2025',
    );
    expect(attr(select('.card__backs a', quote)!, 'href')).toBe('/claims/framework-avoids-tariffs/');
    expect(squash(toText(select('.card__meta', quote)!))).toMatch(/Meet the Press”, October 26, 2025$/);
  });

  it('never restate a figure’s number as its value', () => {
    const second = siteDir('second');
    for (const page of listPages(second).filter((p) => p.startsWith('/articles/'))) {
      for (const value of selectAll('.card--figure .card__value', readPage(second, page))) {
        expect(squash(toText(value))).not.toMatch(/\d{1,3}(,\d{3})+ USD/);
      }
    }
  });

  it('print a person’s bio whole, in sentences that do not retell the article', () => {
    const bessent = card('person-scott-bessent');
    const bio = squash(toText(select('.card__bio', bessent)!));
    expect(bio).toMatch(/\.$/);
    expect(bio).not.toContain('Kuala Lumpur');
    expect(squash(toText(select('.card__said', bessent)!))).toMatch(
      /^\d+ quotes? and \d+ claims? in this article · All their quotes and claims$/,
    );
    expect(attr(select('.card__said a', bessent)!, 'href')).toBe('/people/scott-bessent/');
  });

  it('show the claim’s text once across annotations next to each other that open it', () => {
    const statement = 'will avoid 100 percent U.S. tariffs on Chinese goods';
    const ids = ['quote-very-substantial-framework', 'claim-framework-avoids-tariffs', 'figure-100-percent'];
    const saying = ids.filter((id) => squash(toText(card(id))).includes(statement));
    expect(saying).toEqual(['claim-framework-avoids-tariffs']);
    // The figure inside the claim's words leaves the claim to the card around it.
    expect(select('.card__backs', card('figure-100-percent'))).toBeUndefined();
    expect(squash(toText(card('figure-100-percent')))).not.toContain('averts the 100 percent tariffs');
  });

  it('count a person’s quotes and claims across the site on their page', () => {
    const said = squash(toText(select('.person__said', readPage(siteDir('seed'), '/people/scott-bessent/'))!));
    expect(said).toMatch(/^\d+ quotes and \d+ claims · in 1 article on the site$/);
  });

  it('give a figure’s comparison and source when the author gave them', () => {
    const bridge = readPage(siteDir('second'), '/articles/riverton-bridge/');
    const facts = selectAll('.card--figure .card__fact', bridge).map((fact) => squash(toText(fact)));
    expect(facts).toEqual([
      'Compared with: $3.6 million in the council’s first estimate',
      'Source: Riverton council budget papers',
    ]);
  });
});

describe('the seed’s content', () => {
  it('dates Trump’s Nov. 1 threat by its report', () => {
    const file = fs.readFileSync(path.join(PROJECT_ROOT, 'content/claims/tariff-threat-from-nov-1.yaml'), 'utf8');
    expect(file).toMatch(/^reported: 2025-10-26$/m);
    expect(file).toMatch(/^due: 2025-11-01$/m);
  });
});
