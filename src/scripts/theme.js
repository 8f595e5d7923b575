(() => {
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  let stored = null;
  try {
    stored = localStorage.getItem('theme');
  } catch {
    // Storage blocked (privacy settings): the OS theme applies.
  }
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
  root.dataset.js = '';
  const current = () => root.dataset.theme || (media.matches ? 'dark' : 'light');
  const sync = () => {
    for (const button of document.querySelectorAll('[data-theme-toggle]')) {
      button.setAttribute('aria-pressed', String(current() === 'dark'));
    }
  };
  const load = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  let search;
  const openSearch = (from) => {
    const dialog = document.querySelector('[data-search-src]');
    const page = document.querySelector('[data-search-open]');
    if (!dialog) return page && location.assign(page.href);
    (search ??= load(dialog.dataset.searchSrc)).then(
      () => window.openSiteSearch(from),
      () => page && location.assign(page.href),
    );
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const searchButton = target && target.closest('[data-search-open]');
    if (searchButton && !event.button && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      openSearch(searchButton);
      return;
    }
    const button = target && target.closest('[data-theme-toggle]');
    if (!button) return;
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    sync();
  });
  document.addEventListener('keydown', (event) => {
    const t = event.target;
    const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    const shortcut = (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k';
    if (shortcut || (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey)) {
      event.preventDefault();
      openSearch();
    }
  });
  // Modules a page names with data-enhance-src (LoadOnInteraction.astro) wait for the reader's first
  // scroll, key, tap or pointer move, so a page runs no more than this script before interaction.
  let enhanced = false;
  const enhance = () => {
    if (enhanced) return;
    enhanced = true;
    const run = () => {
      const sources = new Set([...document.querySelectorAll('[data-enhance-src]')].map((el) => el.dataset.enhanceSrc));
      for (const src of sources) load(src);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
  };
  for (const type of ['scroll', 'keydown', 'pointerdown', 'pointermove', 'touchstart'])
    addEventListener(type, enhance, { once: true, passive: true, capture: true });
  media.addEventListener('change', sync);
  document.addEventListener('DOMContentLoaded', () => {
    sync();
    for (const a of document.querySelectorAll('[data-search-open]')) a.setAttribute('aria-haspopup', 'dialog');
    const highlight = document.querySelector('[data-highlight-src]');
    if (highlight && /[?&]highlight=/.test(location.search)) load(highlight.dataset.highlightSrc);
  });
})();
