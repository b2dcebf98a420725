/**
 * On a page opened from a search result (`…/?highlight=deal#quote-…`), marks the searched
 * words with Pagefind's highlight script, inside the passage the link points at (or the whole
 * article, or a card page's main content, for a page result). The passage itself is scrolled
 * to and outlined by the browser and `:target` CSS; this only adds the words. The script is
 * fetched only when needed.
 */
import { siteUrls } from '../../lib/urls';
import { HIGHLIGHT_PARAM } from '../search-schema';

/** Punctuation that may touch a word in the text: “deal”, U.S.-China, deal… */
const WORD_LIMITERS = [...',.;:!?\'"“”‘’()[]{}«»—–-…/'];

interface PagefindHighlightOptions {
  highlightParam: string;
  markContext: Element;
  addStyles: boolean;
  markOptions: Record<string, unknown>;
}
type PagefindHighlight = new (options: PagefindHighlightOptions) => unknown;

function landingContext(): Element | null {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  // A whole article, or the main content of a card page (a person or claim result).
  return target ?? document.querySelector('[data-pagefind-body], main');
}

async function highlightSearchedWords(base: string): Promise<void> {
  if (!new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).some((word) => word.trim())) return;
  const context = landingContext();
  if (!context) return;
  const module = (await import(/* @vite-ignore */ siteUrls(base).path('pagefind/pagefind-highlight.js'))) as {
    default: PagefindHighlight;
  };
  new module.default({
    highlightParam: HIGHLIGHT_PARAM,
    markContext: context,
    // Pagefind would add an inline <style>, which the Content-Security-Policy refuses; ours is in search.css.
    addStyles: false,
    markOptions: {
      className: 'pagefind-highlight',
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
      accuracy: { value: 'exactly', limiters: WORD_LIMITERS },
    },
  });
}

highlightSearchedWords(import.meta.env.BASE_URL).catch((error: unknown) => {
  // Marking words is a nicety: the page and its passage are already there.
  console.warn('Could not mark the searched words:', error);
});
