/**
 * A "Copy code" button under each `textarea[data-copy-code]` (the claim page's embed code).
 * Without JavaScript the read-only text area is there to select and copy; with it, the
 * button copies it and a polite live region says whether that worked.
 */
import { EMBED_WORDS } from '../lib/words/embed';

function enhance() {
  if (!navigator.clipboard) return;
  for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-copy-code]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.textContent = EMBED_WORDS.copyCode;
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(area.value).then(
        () => (status.textContent = EMBED_WORDS.codeCopied),
        () => {
          area.select();
          status.textContent = '';
        },
      );
    });
    area.after(button, status);
  }
}

enhance();
