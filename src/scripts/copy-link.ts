/**
 * "Copy link" buttons next to passage links (`a[data-copy-link]`). Progressive enhancement:
 * without JavaScript the link is there to open or copy with the browser's own menu; with it,
 * a button copies the absolute URL and a polite live region says whether that worked.
 */
const STATUS_ID = 'copy-link-status';

function statusRegion(): HTMLElement {
  let region = document.getElementById(STATUS_ID);
  if (!region) {
    region = document.createElement('p');
    region.id = STATUS_ID;
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  return region;
}

function announce(region: HTMLElement, message: string) {
  // Clear first so the same message twice is announced twice.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}

async function copy(link: HTMLAnchorElement, button: HTMLButtonElement, region: HTMLElement) {
  try {
    await navigator.clipboard.writeText(link.href);
    button.dataset.copied = '';
    announce(region, 'Link copied.');
  } catch {
    delete button.dataset.copied;
    announce(region, 'Could not copy; use the link itself to copy it.');
  }
}

function enhance() {
  if (!navigator.clipboard) return;
  const region = statusRegion();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    if (link.nextElementSibling?.classList.contains('copy-link')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.textContent = 'Copy link';
    button.setAttribute('aria-label', `Copy link: ${link.textContent?.trim() ?? ''}`);
    button.addEventListener('click', () => void copy(link, button, region));
    link.after(' ', button);
  }
}

enhance();
