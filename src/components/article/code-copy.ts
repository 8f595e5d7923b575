/**
 * A Copy button on each fenced block of a post body, announced through one
 * live region. Loaded at the reader's first interaction (CodeCopy.astro), so a
 * reader without JavaScript, or a feed reader, never meets a button that does
 * nothing.
 */
const blocks = document.querySelectorAll<HTMLElement>('.prose pre[data-language] > code');
if (blocks.length > 0 && navigator.clipboard) {
  // One live region for the page, in place before any copy so screen readers announce its changes.
  const status = Object.assign(document.createElement('p'), {
    className: 'visually-hidden copy-status',
    role: 'status',
  });
  document.body.append(status);
  let reset: ReturnType<typeof setTimeout> | undefined;
  for (const code of blocks) {
    const button = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'code-copy',
      textContent: 'Copy',
    });
    button.addEventListener('click', () => {
      const show = (message: string) => {
        clearTimeout(reset);
        button.textContent = (status.textContent = message) || 'Copy';
        reset = setTimeout(show, 2000, '');
      };
      navigator.clipboard.writeText(code.textContent ?? '').then(
        () => show('Copied'),
        () => show('Copy failed'),
      );
    });
    code.before(button);
  }
}

export {};
