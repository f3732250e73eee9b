/**
 * Small fixes to naive-ui markup that axe-core flags and keyboard users hit, applied as the
 * DOM changes (the library renders these elements itself):
 * - card headers carry role="heading" without aria-level;
 * - tab strips and table bodies scroll sideways but cannot be focused;
 * - tabs are not in the tab order and do not react to Enter or Space.
 */
function patch(root: ParentNode): void {
  root.querySelectorAll('[role="heading"]:not([aria-level])').forEach((el) => el.setAttribute('aria-level', '3'));
  root.querySelectorAll('.v-x-scroll:not([tabindex]), .n-scrollbar-container:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  root.querySelectorAll('.n-tabs-tab:not([tabindex])').forEach((el) => {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'tab');
  });
}

export function installA11yPatches(doc: Document = document): void {
  patch(doc);
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      patch(doc);
    });
  }).observe(doc.body, { subtree: true, childList: true });
  doc.addEventListener('keydown', (e) => {
    const tab = (e.target as HTMLElement | null)?.closest?.('.n-tabs-tab');
    if (tab && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      (tab as HTMLElement).click();
    }
  });
}
