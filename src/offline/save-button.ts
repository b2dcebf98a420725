/**
 * The "Save for offline" control (SaveOffline.astro): on an article it saves that article;
 * on a list (front page, topic) it saves the articles the list links to. Progressive
 * enhancement: the control stays hidden without JavaScript, caches or a service worker.
 */
import { siteUrls } from '../lib/urls';
import { savedPaths } from './saved-list';

/** The saving code loads on the first save or removal, so reading an article never waits for it. */
const saving = () => import('./save-articles');

/** At most this many articles of a list are saved at once: the newest, as lists are ordered. */
export const LIST_SAVE_LIMIT = 20;

interface Control {
  root: HTMLElement;
  save: HTMLButtonElement;
  saved: HTMLElement;
  savedLabel: HTMLElement;
  remove: HTMLButtonElement;
  status: HTMLElement;
  paths: string[];
}

/** Article pages a list links to, in its order, each once. */
function listedArticles(base: string): string[] {
  const article = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}articles/[^/]+/$`);
  const paths = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')]
    .map((link) => new URL(link.href, location.href))
    .filter((url) => url.origin === location.origin && article.test(url.pathname))
    .map((url) => url.pathname);
  return [...new Set(paths)].slice(0, LIST_SAVE_LIMIT);
}

function announce(control: Control, message: string) {
  control.status.textContent = message;
}

function showState(control: Control, savedCount: number) {
  const count = control.paths.length;
  const all = savedCount === count;
  control.save.hidden = all;
  control.saved.hidden = !all;
  if (control.root.dataset.saveOffline !== 'list') return;
  control.save.textContent = count === 1 ? 'Save this article for offline' : `Save these ${count} articles`;
  control.savedLabel.textContent =
    count === 1 ? 'Saved this article for offline ✓' : `Saved ${count} articles for offline ✓`;
}

async function onSave(control: Control) {
  control.save.disabled = true;
  announce(control, 'Saving for offline…');
  try {
    const { saveArticle, keepAndMeasure, formatBytes } = await saving();
    let done = 0;
    for (const path of control.paths) {
      await saveArticle(path);
      done++;
    }
    const { usage } = await keepAndMeasure();
    showState(control, done);
    control.remove.focus();
    const space = usage === undefined ? '' : ` Offline copies of this site use ${formatBytes(usage)} on this device.`;
    announce(control, `${done === 1 ? 'Saved' : `Saved ${done} articles`}: readable without a connection.${space}`);
  } catch {
    announce(control, 'Could not save for offline. Check the connection and try again.');
  } finally {
    control.save.disabled = false;
  }
}

async function onRemove(control: Control) {
  const { removeArticles } = await saving();
  await removeArticles(control.paths);
  showState(control, 0);
  control.save.focus();
  announce(control, 'Removed from this device.');
}

async function enhance(root: HTMLElement, base: string) {
  const part = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  const control: Control = {
    root,
    save: part('[data-save]') as HTMLButtonElement,
    saved: part('[data-saved]'),
    savedLabel: part('[data-saved-label]'),
    remove: part('[data-remove]') as HTMLButtonElement,
    status: part('[data-save-status]'),
    paths: root.dataset.saveOffline === 'list' ? listedArticles(base) : [location.pathname.replace(/index\.html$/, '')],
  };
  if (control.paths.length === 0) return;
  showState(control, (await savedPaths(control.paths)).size);
  control.save.addEventListener('click', () => void onSave(control));
  control.remove.addEventListener('click', () => void onRemove(control));
  root.hidden = false;
}

if ('serviceWorker' in navigator && 'caches' in window) {
  const base = siteUrls(import.meta.env.BASE_URL).base;
  for (const root of document.querySelectorAll<HTMLElement>('[data-save-offline]')) void enhance(root, base);
}
