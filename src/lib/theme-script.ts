/**
 * The one inline script every page carries. It runs in <head> before first
 * paint so the stored theme applies with no flash, and it owns the theme
 * toggle. Kept as a string so its CSP hash is computed from the exact bytes
 * that ship (src/lib/security-headers.ts).
 */
export const THEME_SCRIPT = `(() => {
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  let stored = null;
  try { stored = localStorage.getItem('theme'); } catch {}
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
  root.dataset.js = '';
  const current = () => root.dataset.theme || (media.matches ? 'dark' : 'light');
  const sync = () => {
    for (const button of document.querySelectorAll('[data-theme-toggle]')) {
      button.setAttribute('aria-pressed', String(current() === 'dark'));
    }
  };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('[data-theme-toggle]');
    if (!button) return;
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try { localStorage.setItem('theme', next); } catch {}
    sync();
  });
  media.addEventListener('change', sync);
  document.addEventListener('DOMContentLoaded', sync);
})();`;
