/** The offline page: lists the articles saved on this device, newest saved first. */
import { siteUrls } from '../lib/urls';
import { currentEdition, fromEarlierEdition } from './saved-editions';
import { readSavedList, savedPaths } from './saved-list';

async function listSaved() {
  const section = document.querySelector<HTMLElement>('[data-offline-saved]');
  const list = section?.querySelector('[data-offline-saved-list]');
  if (!section || !list || !('caches' in window)) return;
  const saved = readSavedList();
  const present = await savedPaths(saved.map((article) => article.url));
  const edition = await currentEdition(siteUrls(import.meta.env.BASE_URL).base);
  for (const article of saved.filter((entry) => present.has(entry.url))) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = article.url;
    link.textContent = article.title;
    item.append(link);
    if (article.date) {
      const time = document.createElement('time');
      time.dateTime = article.date;
      time.textContent = new Date(`${article.date}T12:00:00Z`).toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      item.append(' · ', time);
    }
    if (fromEarlierEdition(article, edition)) item.append(' · saved from an earlier edition');
    list.append(item);
  }
  section.hidden = present.size === 0;
}

void listSaved();
