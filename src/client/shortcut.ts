/** True when a key press belongs to a field the reader is typing in, so `/` must stay a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The `/` key moves focus to the header search box, as on many catalogue and code sites. Loaded
 * on every page as one small external script, the only script outside the search page.
 */
export function startShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    const input = document.getElementById('site-search');
    if (!(input instanceof HTMLInputElement)) return;
    event.preventDefault();
    input.focus();
  });
}
