/**
 * The "Save for offline" control (SaveOffline.astro): on an article it saves that article;
 * on a list (front page, topic) it saves the articles the list links to. Progressive
 * enhancement: the control stays hidden without JavaScript, caches or a service worker.
 */
import { siteUrls } from '../lib/urls';
import { currentEdition, fromEarlierEdition, refreshSavedArticles } from './saved-editions';
import { readSavedList, savedPaths } from './saved-list';

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

/** Said of a saved copy that could not yet be brought up to the edition the site now serves. */
export const EARLIER_EDITION_LABEL = 'Saved for offline ✓ (an earlier edition: it is updated when you are next online)';

/** On an article saved from an earlier edition, says so beside "Saved for offline". */
async function labelEdition(control: Control, base: string) {
  if (control.root.dataset.saveOffline === 'list' || control.saved.hidden) return;
  const article = readSavedList().find((entry) => entry.url === control.paths[0]);
  const earlier = article !== undefined && fromEarlierEdition(article, await currentEdition(base));
  control.savedLabel.textContent = earlier ? EARLIER_EDITION_LABEL : 'Saved for offline ✓';
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

async function enhance(root: HTMLElement, base: string): Promise<Control | undefined> {
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
  if (control.paths.length === 0) return undefined;
  showState(control, (await savedPaths(control.paths)).size);
  await labelEdition(control, base);
  control.save.addEventListener('click', () => void onSave(control));
  control.remove.addEventListener('click', () => void onRemove(control));
  root.hidden = false;
  return control;
}

/** Enhances the page's controls, then brings saved articles up to the edition served (online only). */
async function start(base: string) {
  const controls = await Promise.all(
    [...document.querySelectorAll<HTMLElement>('[data-save-offline]')].map((root) => enhance(root, base)),
  );
  if ((await refreshSavedArticles(base).catch(() => 0)) === 0) return;
  for (const control of controls) if (control) await labelEdition(control, base);
}

if ('serviceWorker' in navigator && 'caches' in window) void start(siteUrls(import.meta.env.BASE_URL).base);
