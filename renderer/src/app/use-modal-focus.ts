// Keyboard behaviour of a modal dialog (docs/ARCHITECTURE.md §Accessibility): focus moves into the
// dialog on open and back to where it was on close, Tab and Shift+Tab stay inside it, Esc closes
// it, and Enter presses its default button. Only the topmost open dialog answers keys.
import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';

/** Elements Tab can reach (visible ones only: `hidden` and display:none have no layout boxes). */
const TABBABLE = [
  'a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])',
  'textarea:not([disabled])', '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Enter on these does its own thing (press the button, follow the link, a new line). */
const OWN_ENTER = 'button, a[href], textarea, [contenteditable="true"], [role="option"], [role="tab"], summary';

/** The default button: one marked data-default, else the footer's primary button. */
const DEFAULT_BUTTON = '[data-default]:not(:disabled), .dialog-footer button.primary:not(:disabled)';

/** Open dialogs, innermost last: only the last one handles keys and holds the focus. */
const openDialogs: HTMLElement[] = [];

/** The elements of `root` Tab can reach, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'));
}

export interface ModalFocusOptions {
  onClose: () => void;
}

/**
 * Makes the element in `ref` behave as a modal dialog for the keyboard (see the file comment).
 * The dialog element should have tabIndex={-1}: it takes the focus on open, so a screen reader
 * reads its label first. Enter inside a text field or select presses the default button (see
 * DEFAULT_BUTTON) unless the key was already handled (defaultPrevented) or an input method is
 * composing; Enter on a button, link or text area keeps its own meaning (Ctrl+Enter in a text area
 * presses the default button).
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>, { onClose }: ModalFocusOptions): void {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openDialogs.push(dialog);
    const topmost = (): boolean => openDialogs[openDialogs.length - 1] === dialog;
    if (!dialog.contains(document.activeElement)) dialog.focus();

    const onKeyDown = (e: KeyboardEvent): void => {
      if (!topmost()) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        e.preventDefault();
        close.current();
      } else if (e.key === 'Tab') {
        const items = tabbables(dialog);
        const active = document.activeElement;
        if (items.length === 0) {
          e.preventDefault();
          dialog.focus();
          return;
        }
        const first = items[0] as HTMLElement;
        const last = items[items.length - 1] as HTMLElement;
        const inside = active instanceof Node && dialog.contains(active);
        if (!inside || (e.shiftKey && (active === first || active === dialog)) || (!e.shiftKey && active === last)) {
          e.preventDefault();
          (e.shiftKey ? last : first).focus();
        }
      }
    };
    // Enter is handled last, as the event reaches the document: React's own handlers (delegated at
    // its root, below the document) run first, so a field that handles Enter itself and calls
    // preventDefault keeps it.
    // Ctrl+Enter (⌘+Enter) in a text area presses the default button: Enter there is a new line.
    const onEnter = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing || e.altKey || e.shiftKey || !topmost()) return;
      const target = e.target instanceof Element ? e.target : null;
      if (!target || !dialog.contains(target)) return;
      const inTextArea = target instanceof HTMLTextAreaElement;
      if (e.ctrlKey || e.metaKey ? !inTextArea : target.closest(OWN_ENTER)) return;
      const button = dialog.querySelector<HTMLButtonElement>(DEFAULT_BUTTON);
      if (!button) return;
      e.preventDefault();
      button.click();
    };
    // Focus that lands outside (a click on the overlay, a page-level focus() call) comes back in.
    const onFocusIn = (e: FocusEvent): void => {
      if (topmost() && e.target instanceof Node && !dialog.contains(e.target)) dialog.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keydown', onEnter);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keydown', onEnter);
      document.removeEventListener('focusin', onFocusIn);
      const at = openDialogs.lastIndexOf(dialog);
      if (at >= 0) openDialogs.splice(at, 1);
      // Back to where the clerk was (the toolbar button that opened it), if it is still there.
      if (opener && opener.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
    };
  }, [ref]);
}
