/**
 * Opens an annotation's card next to the words that were clicked, tapped or activated with
 * Enter. Without this module each trigger is a link to its card and CSS `:target` shows it;
 * with it the card opens as a popover anchored to the trigger (a sheet on phones), adds
 * nothing to history, and closes on Escape, a tap elsewhere (popover light dismiss) or when
 * the reader scrolls away, giving focus back to the trigger.
 */
interface OpenCard {
  card: HTMLElement;
  trigger: HTMLElement;
  scrollY: number;
}

let current: OpenCard | undefined;

const phone = window.matchMedia('(max-width: 40rem)');

function cardOf(link: HTMLAnchorElement): HTMLElement | null {
  const id = decodeURIComponent(link.hash.slice(1));
  const card = id ? document.getElementById(id) : null;
  return card?.hasAttribute('popover') ? card : null;
}

/** Whether a click asks for something else than "open here" (a new tab, a download…). */
const isModified = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

function show(card: HTMLElement, trigger: HTMLElement) {
  if (current?.card === card) {
    card.hidePopover();
    return;
  }
  // `source` (Chromium 133+) anchors the card to its trigger; older browsers ignore it.
  (card.showPopover as (options?: ShowPopoverOptions) => void).call(card, { source: trigger });
  current = { card, trigger, scrollY: window.scrollY };
  card.focus({ preventScroll: true });
}

function onToggle(event: Event) {
  const { newState, target } = event as ToggleEvent;
  if (newState !== 'closed' || current?.card !== target) return;
  const { card, trigger } = current;
  current = undefined;
  const active = document.activeElement;
  if (!active || active === document.body || card.contains(active)) trigger.focus({ preventScroll: true });
}

function onClick(event: MouseEvent) {
  if (isModified(event) || !(event.target instanceof Element)) return;
  const trigger = event.target.closest<HTMLAnchorElement>('a.annotation__trigger');
  const card = trigger && cardOf(trigger);
  if (trigger && card) {
    event.preventDefault();
    show(card, trigger);
    return;
  }
  const close = event.target.closest<HTMLAnchorElement>('a[data-card-close]');
  const open = close?.closest<HTMLElement>('[popover]');
  if (open?.matches(':popover-open')) {
    event.preventDefault();
    open.hidePopover();
  }
}

/** The card is left behind when its words leave the screen, or on a phone after a short scroll. */
function onScroll() {
  if (!current) return;
  const box = current.trigger.getBoundingClientRect();
  const offScreen = box.bottom < 0 || box.top > window.innerHeight;
  const moved = Math.abs(window.scrollY - current.scrollY) > window.innerHeight / 4;
  if (offScreen || (phone.matches && moved)) current.card.hidePopover();
}

interface ShowPopoverOptions {
  source?: HTMLElement;
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
