/**
 * The search dialog's behaviour. The inline head script (src/scripts/theme.js) loads this
 * module (built as one self-contained file) the first time a reader opens
 * search (button, Ctrl+K / ⌘K, `/`) and calls window.openSiteSearch; opening
 * starts loading Pagefind. Nothing here runs before that.
 */
import { dialogStatus } from '../../lib/search/query';
import {
  NO_DEV_INDEX,
  SEARCH_PAGE,
  SearchUnavailableError,
  devStatus,
  loadPagefind,
  resultItem,
  search,
} from './pagefind-client';
import { offlineSearchNote } from '../offline/offline-search';

declare global {
  interface Window {
    openSiteSearch?: (from?: Element | null) => Promise<void>;
  }
}

/** Results shown in the dialog; the search page shows them all. */
const MAX_RESULTS = 8;
const DEBOUNCE_MS = 120;

let dialog: HTMLDialogElement | null = null;
let input: HTMLInputElement;
let list: HTMLUListElement;
let status: HTMLElement;
let more: HTMLAnchorElement;
let returnTo: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;

function setup(): HTMLDialogElement | null {
  const el = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  if (!el) return null;
  input = el.querySelector('input')!;
  list = el.querySelector('[data-search-results]')!;
  status = el.querySelector('[data-search-status]')!;
  more = el.querySelector('[data-search-more]')!;

  el.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (first) first.click();
    else location.href = searchPageUrl();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  el.querySelector('[data-search-close]')!.addEventListener('click', () => el.close());
  // A click on the backdrop lands on the <dialog> itself; its content sits in a child.
  el.addEventListener('click', (event) => {
    if (event.target === el) el.close();
  });
  el.addEventListener('keydown', onKeydown);
  el.addEventListener('close', () => {
    clearTimeout(timer);
    const target = returnTo?.isConnected ? returnTo : document.querySelector<HTMLElement>('[data-search-open]');
    target?.focus();
    returnTo = null;
  });
  return el;
}

function searchPageUrl(): string {
  const term = input.value.trim();
  return term ? `${SEARCH_PAGE}?q=${encodeURIComponent(term)}` : SEARCH_PAGE;
}

function focusables(): HTMLElement[] {
  return [...dialog!.querySelectorAll<HTMLElement>('input, button, a[href], select')].filter(
    (el) => !el.hidden && el.getClientRects().length > 0,
  );
}

function onKeydown(event: KeyboardEvent): void {
  const active = document.activeElement as HTMLElement | null;
  if (event.key === 'Escape') {
    // Closes at once, even from a search field with text (which Escape would otherwise clear).
    event.preventDefault();
    dialog!.close();
    return;
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    // The input, then each result: arrows move focus through them in order.
    const stops = [input, ...list.querySelectorAll<HTMLElement>('a')];
    if (stops.length < 2) return;
    const index = active ? stops.indexOf(active) : -1;
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, stops.length - 1) : Math.max(index - 1, 0);
    stops[next]!.focus();
    return;
  }
  if (event.key === 'Tab') {
    // showModal() makes the page inert; this also keeps Tab from leaving for the browser UI.
    const items = focusables();
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

function say(message: string): void {
  status.textContent = message;
}

async function run(): Promise<void> {
  const term = input.value.trim();
  const mine = ++sequence;
  more.href = searchPageUrl();
  if (term === '') {
    list.replaceChildren();
    more.hidden = true;
    say('');
    return;
  }
  try {
    const hits = await search(term);
    const shown = await Promise.all(hits.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (mine !== sequence) return;
    list.replaceChildren(...shown.map((data) => resultItem(data, hits.reading.shown)));
    more.hidden = hits.total <= MAX_RESULTS;
    more.textContent = `See all ${hits.total} results`;
    const offlineNote = await offlineSearchNote();
    const found = dialogStatus(hits.total, term, hits.reading);
    say(offlineNote ? `${found} ${offlineNote}` : found);
  } catch (error) {
    if (mine !== sequence) return;
    list.replaceChildren();
    more.hidden = true;
    const offlineNote = await offlineSearchNote();
    say(
      error instanceof SearchUnavailableError
        ? error.message
        : (offlineNote ?? 'Search could not load. Check your connection and try again.'),
    );
  }
}

/** Opens the dialog; `from` is where focus goes back when it closes. */
export async function openSearch(from?: Element | null): Promise<void> {
  // On /search/ itself the page's own field is the search box.
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page-input]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  dialog ??= setup();
  if (!dialog) {
    location.href = SEARCH_PAGE;
    return;
  }
  if (!dialog.open) {
    // Focus goes back to the button that opened search (the header's, for a shortcut).
    returnTo = from instanceof HTMLElement ? from : document.querySelector<HTMLElement>('[data-search-open]');
    dialog.showModal();
  }
  input.focus();
  input.select();
  if (import.meta.env.DEV) {
    const dev = await devStatus();
    if (dev && !dev.available) say(NO_DEV_INDEX);
  }
  // Warm Pagefind (JS, WASM, metadata) while the reader types.
  loadPagefind().catch(() => {});
  if (input.value.trim() !== '') void run();
}

window.openSiteSearch = openSearch;
