/**
 * Opens an annotation's card next to the words that were clicked, tapped or activated with
 * Enter. Without this module each trigger is a link to its card and CSS `:target` shows it;
 * with it the card opens as a popover, adds nothing to history, and closes on Escape, a tap
 * elsewhere (popover light dismiss) or when the reader scrolls away, giving focus back to the
 * trigger. Wide screens show it in the margin level with the words; narrower ones as a sheet
 * at the bottom, with the page scrolled so the words stay above it and scrolled back on closing.
 */
interface OpenCard {
  card: HTMLElement;
  trigger: HTMLElement;
  /** Where the reader was before the page moved the words above the sheet. */
  readerY: number;
  /** The scroll position the card was shown at (after any move). */
  scrollY: number;
  /** Whether closing should scroll back to `readerY`. */
  restore: boolean;
}

let current: OpenCard | undefined;

/** Below this width cards are a sheet at the bottom (the same breakpoint as annotations.css). */
const sheet = window.matchMedia('(max-width: 74.99rem)');
/** Room kept between the words and the sheet's top edge. */
const CLEARANCE = 12;

function cardOf(link: HTMLAnchorElement): HTMLElement | null {
  const id = decodeURIComponent(link.hash.slice(1));
  const card = id ? document.getElementById(id) : null;
  return card?.hasAttribute('popover') ? card : null;
}

/** Whether a click asks for something else than "open here" (a new tab, a download…). */
const isModified = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/** The line box of the words that were pressed (a trigger may wrap over several lines). */
function lineOf(trigger: HTMLElement, event?: MouseEvent): DOMRect {
  const lines = [...trigger.getClientRects()];
  const hit =
    event && event.detail > 0
      ? lines.find((line) => event.clientY >= line.top - 2 && event.clientY <= line.bottom + 2)
      : undefined;
  return hit ?? lines[0] ?? trigger.getBoundingClientRect();
}

/** What a tap may rightly take focus to. */
const CONTROLS = 'a[href], button, input, select, textarea, summary, [contenteditable]';

const jump = (top: number) => window.scrollTo({ top, behavior: 'instant' as ScrollBehavior });

/** Scrolls just enough that the pressed line sits above the sheet. */
function keepAboveSheet(card: HTMLElement, line: DOMRect): boolean {
  const sheetTop = card.getBoundingClientRect().top;
  const overlap = line.bottom + CLEARANCE - sheetTop;
  if (overlap <= 0) return false;
  jump(window.scrollY + overlap);
  return true;
}

function show(card: HTMLElement, trigger: HTMLElement, event?: MouseEvent) {
  if (current?.card === card) {
    card.hidePopover();
    return;
  }
  const line = lineOf(trigger, event);
  // Level with the pressed line, in page coordinates, for the margin position.
  card.style.setProperty('--card-top', `${Math.round(line.top + window.scrollY - 4)}px`);
  const readerY = window.scrollY;
  card.showPopover();
  const moved = sheet.matches && keepAboveSheet(card, line);
  current = { card, trigger, readerY, scrollY: window.scrollY, restore: moved };
  card.focus({ preventScroll: true });
}

function onToggle(event: Event) {
  const { newState, target } = event as ToggleEvent;
  if (newState !== 'closed' || current?.card !== target) return;
  const { card, trigger, readerY, restore } = current;
  current = undefined;
  if (restore) jump(readerY);
  const active = document.activeElement;
  // A clicked margin note stands for the words (the browser hands focus back to it on closing).
  // Focus the close left on the page itself (`body`, or `main` after a tap outside) goes back too.
  const lost = !active || card.contains(active) || !active.matches(CONTROLS) || active.matches('.margin-note');
  if (lost) trigger.focus({ preventScroll: true });
  refocusAfterTapOutside(trigger);
}

/**
 * A tap outside closes the card before its click lands, and that click then moves focus to
 * the page (or `main`, which skip links focus): unless it landed on a control, focus goes back
 * to the words.
 */
function refocusAfterTapOutside(trigger: HTMLElement) {
  const refocus = () => {
    if (!document.activeElement?.matches(CONTROLS)) trigger.focus({ preventScroll: true });
  };
  document.addEventListener('click', refocus, { once: true, capture: true });
  setTimeout(() => document.removeEventListener('click', refocus, { capture: true }), 1000);
}

/** The trigger a click opens a card from: the words, or a margin note standing for them. */
function triggerOf(target: Element): HTMLAnchorElement | null {
  const trigger = target.closest<HTMLAnchorElement>('a.annotation__trigger');
  if (trigger) return trigger;
  const note = target.closest<HTMLAnchorElement>('a.margin-note');
  const card = note && cardOf(note);
  const annotation = card && document.getElementById(card.id.replace(/^card-/, ''));
  return annotation?.querySelector<HTMLAnchorElement>('a.annotation__trigger') ?? null;
}

function onClick(event: MouseEvent) {
  if (isModified(event) || !(event.target instanceof Element)) return;
  const trigger = triggerOf(event.target);
  const card = trigger && cardOf(trigger);
  if (trigger && card) {
    event.preventDefault();
    const fromNote = !event.target.closest('a.annotation__trigger');
    show(card, trigger, fromNote ? undefined : event);
    return;
  }
  const close = event.target.closest<HTMLAnchorElement>('a[data-card-close]');
  const open = close?.closest<HTMLElement>('[popover]');
  if (open?.matches(':popover-open')) {
    event.preventDefault();
    open.hidePopover();
  }
}

/** The card is left behind when its words leave the screen, or with a sheet after a short scroll. */
function onScroll() {
  if (!current) return;
  const box = current.trigger.getBoundingClientRect();
  const offScreen = box.bottom < 0 || box.top > window.innerHeight;
  const moved = Math.abs(window.scrollY - current.scrollY) > window.innerHeight / 4;
  if (offScreen || (sheet.matches && moved)) {
    // The reader scrolled on: closing leaves them where they are.
    current.restore = false;
    current.card.hidePopover();
  }
}

function openCardsInPlace() {
  if (!('showPopover' in HTMLElement.prototype)) return;
  document.addEventListener('click', onClick);
  for (const card of document.querySelectorAll<HTMLElement>('.card[popover]')) {
    card.addEventListener('toggle', onToggle);
  }
  window.addEventListener('scroll', onScroll, { passive: true });
}

openCardsInPlace();
