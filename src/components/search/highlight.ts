/**
 * Landing highlights. A search result links to the article with one
 * `?highlight=<term>` per search word (Pagefind's highlightParam). The inline head script
 * (src/scripts/theme.js) loads this module only when that parameter is present.
 * It marks the words in the article body and scrolls to the first match;
 * like Pagefind's own pagefind-highlight.js, but a few hundred bytes and no
 * injected <style> (the CSP forbids those).
 */
import { HIGHLIGHT_PARAM, highlightPattern } from '../../lib/search/query';

const SKIP = 'script, style, svg, noscript, textarea, [data-pagefind-ignore], mark';

export function highlightTerms(root: Element, terms: string[]): HTMLElement[] {
  const pattern = highlightPattern(terms);
  if (!pattern) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    let last = 0;
    const parts: (string | HTMLElement)[] = [];
    while ((match = pattern.exec(text))) {
      if (match.index > last) parts.push(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = match[0];
      parts.push(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (last < text.length) parts.push(text.slice(last));
    node.replaceWith(...parts);
  }
  return marks;
}

function run(): void {
  const terms = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM);
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  if (!root || terms.length === 0) return;
  const marks = highlightTerms(root, terms);
  const first = marks[0];
  if (!first) return;
  // A match inside a closed FAQ answer: open it so the reader sees the mark.
  for (let el = first.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  // An anchor in the URL wins; a first match already on screen needs no scroll.
  const box = first.getBoundingClientRect();
  if (!location.hash && (box.top < 0 || box.bottom > innerHeight)) first.scrollIntoView({ block: 'center' });
}

run();
