import { afterEach, describe, expect, it, vi } from 'vitest';
import { PagefindFetches, pagefindFileKind } from '../../src/search/client/pagefind-fetches';

describe('pagefindFileKind', () => {
  it('names each kind of file a search depends on, and nothing else', () => {
    expect(pagefindFileKind('/pagefind/pagefind-entry.json')).toBe('entry');
    expect(pagefindFileKind('/news/pagefind/pagefind.en_cc81ecf71f.pf_meta')).toBe('metadata');
    expect(pagefindFileKind('/pagefind/wasm.en.pagefind')).toBe('webassembly');
    expect(pagefindFileKind('/pagefind/index/en_af943d1.pf_index')).toBe('index');
    expect(pagefindFileKind('/pagefind/filter/en_1.pf_filter')).toBe('filter');
    expect(pagefindFileKind('/pagefind/fragment/en_1c7c4b0.pf_fragment')).toBe('fragment');
    expect(pagefindFileKind('/pagefind/pagefind-highlight.js')).toBeUndefined();
  });
});

describe('PagefindFetches', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('records refused and failed Pagefind requests, and passes everything through', async () => {
    vi.stubGlobal('location', new URL('https://news.example.org/search/'));
    const answers: Record<string, () => Promise<Response>> = {
      '/pagefind/index/en_a.pf_index': () => Promise.reject(new TypeError('Failed to fetch')),
      '/pagefind/fragment/en_b.pf_fragment': async () => new Response('', { status: 404 }),
      '/pagefind/fragment/en_c.pf_fragment': async () => new Response('ok'),
      '/other/en_d.pf_index': () => Promise.reject(new TypeError('Failed to fetch')),
    };
    vi.stubGlobal('fetch', (input: string) => answers[new URL(input, 'https://news.example.org').pathname]!());
    const fetches = new PagefindFetches('/pagefind/');
    const mark = fetches.mark();
    await expect(fetch('/pagefind/index/en_a.pf_index')).rejects.toThrow('Failed to fetch');
    expect((await fetch('/pagefind/fragment/en_b.pf_fragment')).status).toBe(404);
    expect(await (await fetch('/pagefind/fragment/en_c.pf_fragment')).text()).toBe('ok');
    await expect(fetch('/other/en_d.pf_index')).rejects.toThrow();
    expect(fetches.since(mark)).toEqual([
      { kind: 'index', path: '/pagefind/index/en_a.pf_index' },
      { kind: 'fragment', path: '/pagefind/fragment/en_b.pf_fragment' },
    ]);
    expect(fetches.setupFailed).toBe(false);
    await fetch('/pagefind/pagefind-entry.json?ts=1').catch(() => undefined);
    expect(fetches.setupFailed).toBe(true);
    fetches.clear();
    expect(fetches.setupFailed).toBe(false);
  });
});
