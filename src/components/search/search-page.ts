/**
 * /search/ in the browser: reads the query from the URL, runs it through
 * Pagefind, renders results and keeps the URL in step with the form so every
 * search can be linked. The result count goes to a polite live region.
 */
import { pageQueryString, pageSearchOptions, pageStatus, plural, type PageQuery } from '../../lib/search/query';
import {
  SearchUnavailableError,
  devStatus,
  loadPagefind,
  resultItem,
  search,
  NO_DEV_INDEX,
  type ResultData,
} from './pagefind-client';
import { offlineSearchNote } from '../offline/offline-search';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (form) void start(form);

async function start(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const category = form.querySelector<HTMLSelectElement>('select[name="category"]')!;
  const author = form.querySelector<HTMLSelectElement>('select[name="author"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = form.querySelector<HTMLButtonElement>('[data-search-more]')!;

  // The URL is the state: fill the form from it.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  setSelect(category, params.get('category'));
  setSelect(author, params.get('author'));
  setSelect(sort, params.get('sort'));

  if (import.meta.env.DEV) void showDevStatus();

  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { data(): Promise<ResultData> }[] = [];
  /** The words the shown results were searched for, to highlight in the article. */
  let highlightWords: string[] = [];

  const selected = (select: HTMLSelectElement) => select.selectedOptions[0]?.dataset.filter;

  function syncUrl(): void {
    const query = pageQueryString({
      q: input.value,
      category: category.value,
      author: author.value,
      sort: sort.value as PageQuery['sort'],
    });
    history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
  }

  async function showMore(mine: number): Promise<void> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== sequence) return;
    list.append(...data.map((d) => resultItem(d, highlightWords)));
    more.hidden = pending.length === 0;
  }

  async function run(): Promise<void> {
    const mine = ++sequence;
    syncUrl();
    const term = input.value.trim();
    const categoryName = selected(category);
    const authorName = selected(author);
    const options = pageSearchOptions({ category: categoryName, author: authorName }, sort.value as PageQuery['sort']);

    if (!term && !categoryName && !authorName) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    form.setAttribute('aria-busy', 'true');
    try {
      const hits = await search(term, options);
      if (mine !== sequence) return;
      list.replaceChildren();
      pending = hits.results;
      highlightWords = hits.reading.shown;
      await showMore(mine);
      if (mine !== sequence) return;
      const offlineNote = await offlineSearchNote();
      const found = pageStatus(hits.total, term, [categoryName, authorName], hits.reading);
      status.textContent = offlineNote ? `${found} ${offlineNote}` : found;
    } catch (error) {
      if (mine !== sequence) return;
      list.replaceChildren();
      more.hidden = true;
      const offlineNote = await offlineSearchNote();
      status.textContent =
        error instanceof SearchUnavailableError
          ? error.message
          : (offlineNote ?? 'Search could not load. Check your connection and try again.');
    } finally {
      if (mine === sequence) form.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  for (const select of [category, author, sort]) select.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(sequence).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  // This page is about search: load Pagefind now rather than on the first keystroke.
  loadPagefind().catch(() => {});
  await run();
}

function setSelect(select: HTMLSelectElement, value: string | null): void {
  if (value && [...select.options].some((o) => o.value === value)) select.value = value;
}

async function showDevStatus(): Promise<void> {
  const note = document.querySelector<HTMLElement>('[data-search-dev]');
  const status = await devStatus();
  if (!note || !status) return;
  if (status.available && status.builtAt) {
    const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(status.builtAt),
    );
    note.textContent = `Dev mode: search uses the index of the last build (${when}${status.pageCount ? `, ${plural(status.pageCount, 'article', 'articles')}` : ''}). Posts added or edited since then are not found until you run npm run build again.`;
  } else {
    note.textContent = `Dev mode: ${NO_DEV_INDEX}`;
  }
  note.hidden = false;
}
