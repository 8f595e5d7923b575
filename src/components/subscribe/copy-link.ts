/**
 * Copy buttons on /subscribe/. The buttons ship hidden: without JavaScript, or
 * without the Clipboard API (a page not served over https), the page is the
 * list of plain links it always was. One polite live region says "Copied", so
 * a screen reader hears the result without losing its place; the button that
 * copied last keeps saying so until another one does (no timer to miss).
 */
function setUp(root: HTMLElement): void {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-copy]')];
  if (!status || !navigator.clipboard?.writeText) return;
  const labels = new Map(buttons.map((button) => [button, button.querySelector<HTMLElement>('[data-copy-label]')]));
  const idle = new Map(buttons.map((button) => [button, labels.get(button)?.textContent ?? '']));
  const show = (copied: HTMLButtonElement | undefined) => {
    for (const button of buttons) {
      const label = labels.get(button);
      if (label) label.textContent = button === copied ? 'Copied' : (idle.get(button) ?? '');
      if (button === copied) button.dataset.state = 'copied';
      else delete button.dataset.state;
    }
  };
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(button.dataset.copy ?? '').then(
        () => {
          show(button);
          // Emptied first, so copying a second link is announced again.
          status.textContent = '';
          requestAnimationFrame(() => (status.textContent = 'Copied'));
        },
        () => {
          show(undefined);
          status.textContent = 'Copying was blocked; select the address and copy it yourself.';
        },
      );
    });
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-copy-list]')) setUp(root);
