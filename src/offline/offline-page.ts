/** The offline page: lists the articles saved on this device, newest saved first. */
import { readSavedList, savedPaths } from './saved-list';

async function listSaved() {
  const section = document.querySelector<HTMLElement>('[data-offline-saved]');
  const list = section?.querySelector('[data-offline-saved-list]');
  if (!section || !list || !('caches' in window)) return;
  const saved = readSavedList();
  const present = await savedPaths(saved.map((article) => article.url));
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
    list.append(item);
  }
  section.hidden = present.size === 0;
}

void listSaved();
