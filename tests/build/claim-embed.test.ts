import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES } from '../../src/content/schemas';
import { EMBED_CONTENT_SECURITY_POLICY_HEADER } from '../../src/lib/csp';
import { EMBED_SECURITY_HEADERS, nginxEmbedLocation } from '../../src/lib/security-headers';
import { siteDir } from '../helpers/build-site';
import { attr, readPage, select, selectAll } from '../helpers/html';
import { textContent } from '../helpers/text-content';
import { TEST_SITES } from '../setup/build-sites';

const SITES = TEST_SITES.map((site) => ({
  name: site.name,
  prefix: `${site.siteUrl ?? 'http://localhost:4321'}${site.basePath ?? '/'}`,
}));

const claimIds = (dist: string) =>
  fs
    .readdirSync(path.join(dist, 'claims'))
    .filter((name) => fs.existsSync(path.join(dist, 'claims', name, 'embed', 'index.html')));

describe.each(SITES)('claim cards to embed, on the "$name" site', ({ name, prefix }) => {
  const dist = siteDir(name);

  it('has an embed page for every claim page', () => {
    const claimPages = fs
      .readdirSync(path.join(dist, 'claims'))
      .filter((entry) => fs.existsSync(path.join(dist, 'claims', entry, 'oembed.json')));
    expect(claimPages.length).toBeGreaterThan(0);
    expect(claimIds(dist).sort()).toEqual(claimPages.sort());
  });

  it('shows the title, claimant, current status with its date and a link back, in under 10 KB gzipped, with no script', () => {
    for (const id of claimIds(dist)) {
      const page = readPage(dist, `/claims/${id}/embed/`);
      const claimPage = readPage(dist, `/claims/${id}/`);
      const raw = fs.readFileSync(path.join(dist, 'claims', id, 'embed', 'index.html'));
      const base = new URL(prefix).pathname;
      const styles = selectAll('link[rel="stylesheet"]', page).map((link) =>
        fs.readFileSync(path.join(dist, attr(link, 'href')!.slice(base.length))),
      );
      expect(styles.length).toBeGreaterThan(0);
      const bytes = gzipSync(raw).length + styles.reduce((sum, css) => sum + gzipSync(css).length, 0);
      expect(bytes, `${id}: ${bytes} bytes gzipped`).toBeLessThan(10 * 1024);
      expect(selectAll('script:not([type="application/ld+json"])', page)).toEqual([]);
      expect(textContent(select('h1', page)!)).toBe(textContent(select('h1', claimPage)!));
      expect(attr(select('h1 a', page)!, 'href')).toBe(`${prefix}claims/${id}/`);
      const claimant = textContent(select('.claim-says a', claimPage)!);
      expect(textContent(select('.embed-card__claimant', page)!)).toContain(`Claim by ${claimant}`);
      const label = textContent(select('.card-page__status .status__label', claimPage)!);
      expect(textContent(select('.embed-card__label', page)!)).toBe(label);
      expect(Object.values(CLAIM_STATUSES).map((status) => status.label)).toContain(label);
      const since = attr(select('.embed-card__since time', page)!, 'dateTime');
      // The day of the latest change ("· updated <day>"), else the day the claim was made.
      const when = select('.card-page__status .status__when', claimPage);
      const updated = when && textContent(when).includes('updated') ? select('time', when) : undefined;
      expect(since).toBe(
        updated ? attr(updated, 'dateTime') : attr(select('.claim-says time', claimPage)!, 'dateTime'),
      );
      expect(attr(select('meta[name="robots"]', page)!, 'content')).toBe('noindex');
    }
  });

  it('announces an oEmbed 1.0 rich description from each claim page, whose iframe is the embed page', () => {
    for (const id of claimIds(dist)) {
      const claimPage = readPage(dist, `/claims/${id}/`);
      const link = select('link[rel="alternate"][type="application/json+oembed"]', claimPage)!;
      expect(attr(link, 'href')).toBe(`${prefix}claims/${id}/oembed.json`);
      const oembed = JSON.parse(fs.readFileSync(path.join(dist, 'claims', id, 'oembed.json'), 'utf8'));
      expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_url: prefix, width: 600 });
      expect(oembed.title).toBe(textContent(select('h1', claimPage)!));
      expect(oembed.height).toBeGreaterThan(0);
      expect(oembed.html).toMatch(new RegExp(`^<iframe src="${prefix}claims/${id}/embed/" title="Claim: `));
      // The claim page's "Share or embed" gives the same code and the link, without JavaScript.
      const share = select('details.share-embed', claimPage)!;
      expect(textContent(select('textarea[readonly]', share)!)).toBe(oembed.html);
      expect(attr(select('a[data-copy-link]', share)!, 'href')).toBe(`${new URL(prefix).pathname}claims/${id}/`);
      expect(textContent(select('a[data-copy-link]', share)!)).toBe(`${prefix}claims/${id}/`);
      expect(attr(select('label', share)!, 'htmlFor')).toBe(attr(select('textarea', share)!, 'id'));
    }
  });

  it('lets only the embed pages be framed by other origins', () => {
    const headers = fs.readFileSync(path.join(dist, '_headers'), 'utf8');
    const base = new URL(prefix).pathname;
    const [site, embed] = headers.split(/\n\n/);
    expect(site).toContain(`${base}*\n`);
    expect(site).toContain("frame-ancestors 'none'");
    expect(site).toContain('X-Frame-Options: DENY');
    expect(embed).toContain(`${base}claims/*/embed/*\n`);
    expect(embed).toContain('! X-Frame-Options');
    expect(embed).toContain(`Content-Security-Policy: ${EMBED_CONTENT_SECURITY_POLICY_HEADER}`);
    expect(EMBED_CONTENT_SECURITY_POLICY_HEADER).toMatch(/frame-ancestors \*$/);
    expect(EMBED_SECURITY_HEADERS['X-Frame-Options']).toBeUndefined();
    expect(nginxEmbedLocation(base)).toContain(`location ~ ^${base}claims/[^/]+/embed/ {`);
  });
});
