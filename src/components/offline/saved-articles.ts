/**
 * Fills /offline/'s list from the Cache API: every article page the service
 * worker holds (precached, or saved when the reader opened it), titled from its
 * own cached HTML. Only this site's caches are read: other sites on the same
 * origin keep theirs under another scope.
 */
import { isOwnCache, savedArticlePaths } from '../../lib/offline/names';

const SCOPE = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), location.href).href;

async function cachedPage(url: string): Promise<Response | undefined> {
  // Precache keys carry a revision query; saved pages have none.
  return caches.match(url, { ignoreSearch: true });
}

function titleOf(html: string, fallback: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html');
  return page.querySelector('h1')?.textContent?.trim() || fallback;
}

export async function listSavedArticles(): Promise<void> {
  if (!('caches' in window)) return;
  const status = document.querySelector<HTMLElement>('[data-saved-status]');
  const list = document.querySelector<HTMLUListElement>('[data-saved-list]');
  if (!status || !list) return;
  const names = (await caches.keys()).filter((name) => isOwnCache(name, SCOPE));
  const urls: string[] = [];
  for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  const items: HTMLLIElement[] = [];
  for (const path of savedArticlePaths(urls, SCOPE)) {
    const url = SCOPE + path;
    const response = await cachedPage(url);
    if (!response) continue;
    const link = document.createElement('a');
    link.href = url;
    link.textContent = titleOf(await response.text(), path);
    const item = document.createElement('li');
    item.append(link);
    items.push(item);
  }
  if (items.length === 0) return;
  items.sort((a, b) => (a.textContent ?? '').localeCompare(b.textContent ?? ''));
  list.replaceChildren(...items);
  list.hidden = false;
  status.textContent = `${items.length} ${items.length === 1 ? 'article opens' : 'articles open'} without a connection:`;
}
