// Typing with an input method (拼音, 五笔, handwriting, full-width digits) on a selected cell starts
// editing it, as in Excel. A focused grid cell is a plain <div>: the browser gives an input method
// no place to compose in, and AG Grid only starts editing on a printable keydown (an input method
// sends "Process" instead), so the text was lost. While an editable cell is selected (and no editor
// is open) the cell itself is made contenteditable: the composition happens in the cell, where the
// clerk sees it; when it is committed (compositionend, or a plain insertText without composition)
// the cell's AG Grid editor opens holding the whole committed text, and Enter saves it as usual.
// Every other edit the browser would make to the cell's DOM (Delete, paste, cut, drop, Enter) is
// refused in beforeinput, so the grid's own keys (use-grid-keys.ts, use-range-clipboard.ts) keep
// their meaning.
import type { GridApi } from 'ag-grid-community';
import type { RefObject } from 'react';
import { useEffect } from 'react';

/** What the hook needs from the grid: the focused cell and a way to open its editor with text. */
export interface ImeEntryOptions {
  /** The grid's container element (its cells are .ag-cell descendants). */
  container: RefObject<HTMLElement | null>;
  /** True while a cell editor is open. */
  isEditing: () => boolean;
  /** Open the focused cell's editor holding `text` (the caret after it). */
  startEditingWith: (cell: HTMLElement, text: string) => void;
}

/** Cells that accept input-method text: the ones the column definitions mark editable. */
const EDITABLE_CELL = '.ag-cell.cell-editable';
/** Marks the cell the hook made contenteditable, so it only ever undoes its own change. */
const MARK = 'data-ime-target';

function editableCellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement && target.matches(EDITABLE_CELL) ? target : null;
}

/** Make a focused cell a composition target, with the caret after its text (nothing shown selected). */
function arm(cell: HTMLElement): void {
  cell.setAttribute('contenteditable', 'true');
  cell.setAttribute('spellcheck', 'false');
  cell.setAttribute(MARK, '');
  const selection = cell.ownerDocument.getSelection();
  selection?.selectAllChildren(cell);
  selection?.collapseToEnd();
}

function disarm(cell: HTMLElement): void {
  if (!cell.hasAttribute(MARK)) return;
  cell.removeAttribute('contenteditable');
  cell.removeAttribute('spellcheck');
  cell.removeAttribute(MARK);
}

export function useImeEntry({ container, isEditing, startEditingWith }: ImeEntryOptions): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return undefined;

    const open = (cell: HTMLElement, text: string) => {
      disarm(cell);
      if (text === '' || isEditing()) return;
      startEditingWith(cell, text);
    };

    const onFocusIn = (e: FocusEvent) => {
      const cell = editableCellOf(e.target);
      if (cell && !isEditing()) arm(cell);
    };
    const onFocusOut = (e: FocusEvent) => {
      const cell = editableCellOf(e.target);
      if (cell) disarm(cell);
    };
    const onBeforeInput = (e: InputEvent) => {
      const cell = editableCellOf(e.target);
      if (!cell || !cell.hasAttribute(MARK)) return;
      // The composition itself may (and cannot be stopped from) write into the cell; it is redrawn
      // when the editor opens.
      if (e.inputType === 'insertCompositionText') return;
      e.preventDefault();
      // Text committed without a composition: an input method in full-width mode, an on-screen
      // keyboard, dictation. A printable key never gets here: AG Grid opens its editor on keydown.
      if (e.inputType === 'insertText' && e.data) open(cell, e.data);
    };
    const onCompositionEnd = (e: CompositionEvent) => {
      const cell = editableCellOf(e.target);
      if (!cell || !cell.hasAttribute(MARK)) return;
      const text = e.data;
      // After the browser has finished writing the committed text into the cell.
      setTimeout(() => open(cell, text), 0);
    };

    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    root.addEventListener('beforeinput', onBeforeInput);
    root.addEventListener('compositionend', onCompositionEnd);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      root.removeEventListener('beforeinput', onBeforeInput);
      root.removeEventListener('compositionend', onCompositionEnd);
    };
  }, [container, isEditing, startEditingWith]);
}

/**
 * Open AG Grid's editor on the focused cell holding `text`, caret at the end. The cell is redrawn
 * first (the composition wrote into its DOM). The text editor only takes a one-character key as its
 * start value, so the committed text is put into its input once it is there, with the input event
 * the editor listens to (it is attached within a frame or two).
 */
export function startAgGridEditingWith(api: GridApi, cell: HTMLElement, text: string): void {
  const focused = api.getFocusedCell();
  if (!focused) return;
  const node = api.getDisplayedRowAtIndex(focused.rowIndex);
  if (node) api.refreshCells({ rowNodes: [node], columns: [focused.column], force: true });
  api.startEditingCell({ rowIndex: focused.rowIndex, colKey: focused.column });
  let frames = 0;
  const seed = () => {
    const input = cell.querySelector('input, textarea');
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) {
      if (++frames < 30) requestAnimationFrame(seed);
      return;
    }
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
    input.setSelectionRange(text.length, text.length);
  };
  seed();
}
