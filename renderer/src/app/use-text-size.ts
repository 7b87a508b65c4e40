// Larger text (docs/ARCHITECTURE.md §Accessibility): the chosen size is applied to the page as the
// CSS variable --text-scale (app.css zooms the toolbar, panels and dialogs by it; the grid follows
// through its theme, grid-theme.ts) and Ctrl + / Ctrl − / Ctrl 0 step it, as in a browser.
import { useEffect, useRef } from 'react';
import type { TextSize } from '../../../shared/domain/text-size';
import { DEFAULT_TEXT_SIZE, stepTextSize, textScale } from '../../../shared/domain/text-size';

/**
 * What a key press asks of the text size: +1, −1, 'reset', or null for any other key. Ctrl (⌘ on
 * macOS) with + or = (the + key without Shift), − or _, 0; the numeric keypad's keys too.
 */
export function textSizeKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>): 1 | -1 | 'reset' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 1;
  if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return -1;
  if (e.key === '0' || e.code === 'Numpad0') return 'reset';
  return null;
}

/**
 * Applies `textSize` to the document (style --text-scale and data-text-size on <html>) and steps it
 * on Ctrl + / Ctrl − / Ctrl 0 by calling onChange with the new size (the key's browser zoom is
 * prevented, so the two never add up). onChange is not called when the size would not change.
 */
export function useTextSize(textSize: TextSize, onChange: (next: TextSize) => void): void {
  const latest = useRef({ textSize, onChange });
  latest.current = { textSize, onChange };

  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--text-scale', String(textScale(textSize)));
    if (textSize === DEFAULT_TEXT_SIZE) root.removeAttribute('data-text-size');
    else root.setAttribute('data-text-size', String(textSize));
  }, [textSize]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const step = textSizeKey(e);
      if (step === null) return;
      e.preventDefault();
      const { textSize: current, onChange: change } = latest.current;
      const next = step === 'reset' ? DEFAULT_TEXT_SIZE : stepTextSize(current, step);
      if (next !== current) change(next);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
