/**
 * Small fixes to naive-ui markup that axe-core flags and keyboard users hit, applied as the
 * DOM changes (the library renders these elements itself):
 * - card headers carry role="heading" without aria-level;
 * - tab strips and table bodies scroll sideways but cannot be focused;
 * - tabs are not in the tab order, not in a tablist, and do not react to Enter or Space.
 */
function patch(root: ParentNode): void {
  root.querySelectorAll('[role="heading"]:not([aria-level])').forEach((el) => el.setAttribute('aria-level', '3'));
  root.querySelectorAll('.v-x-scroll:not([tabindex]), .n-scrollbar-container:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  root.querySelectorAll('.n-tabs-tab').forEach((el) => {
    if (!el.textContent?.trim()) {
      // An empty placeholder tab (segment tabs' spacer): not a tab at all.
      el.setAttribute('role', 'presentation');
      el.setAttribute('aria-hidden', 'true');
      return;
    }
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'tab');
    el.setAttribute('aria-selected', String(el.classList.contains('n-tabs-tab--active')));
    // The tab strip is the tablist; wrappers between it and the tab are only layout.
    let parent = el.parentElement;
    while (parent && !parent.classList.contains('n-tabs-wrapper') && !parent.classList.contains('n-tabs-nav')) {
      parent.setAttribute('role', 'none');
      parent = parent.parentElement;
    }
    parent?.setAttribute('role', 'tablist');
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
  }).observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  doc.addEventListener('keydown', (e) => {
    const tab = (e.target as HTMLElement | null)?.closest?.('.n-tabs-tab');
    if (tab && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      (tab as HTMLElement).click();
    }
  });
}
