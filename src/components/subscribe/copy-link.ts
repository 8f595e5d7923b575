/**
 * Copy buttons on /subscribe/. The buttons ship hidden: without JavaScript, or
 * without the Clipboard API (a page not served over https), the page is the
 * list of plain links it always was. One polite live region says "Copied", so
 * a screen reader hears the result without losing its place.
 */
const RESET_AFTER_MS = 2000;

function setUp(root: HTMLElement): void {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-copy]');
  if (!status || !navigator.clipboard?.writeText) return;
  const timers = new WeakMap<HTMLButtonElement, number>();
  for (const button of buttons) {
    const label = button.querySelector<HTMLElement>('[data-copy-label]');
    const idle = label?.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', () => {
      const url = button.dataset.copy ?? '';
      navigator.clipboard.writeText(url).then(
        () => {
          if (label) label.textContent = 'Copied';
          button.dataset.state = 'copied';
          // Emptied first, so copying a second link is announced again.
          status.textContent = '';
          requestAnimationFrame(() => (status.textContent = 'Copied'));
          window.clearTimeout(timers.get(button));
          timers.set(
            button,
            window.setTimeout(() => {
              if (label) label.textContent = idle;
              delete button.dataset.state;
            }, RESET_AFTER_MS),
          );
        },
        () => {
          status.textContent = 'Copying was blocked; select the address and copy it yourself.';
        },
      );
    });
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-copy-list]')) setUp(root);
