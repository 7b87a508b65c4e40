// The grid's keys on its container, spreadsheet style: Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and
// redo, Delete/Backspace clear the selection, Esc drops drafts (a first Esc only closes an open
// editor), and shift+arrow / shift+click extend the copy range. An open editor keeps its own keys.
import type { RefObject } from 'react';
import { useCallback, useRef } from 'react';
import type { GridPort } from './grid-port';

/** The part of a keyboard event the hook uses (React's KeyboardEvent has it). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

export interface GridKeysOptions {
  port: RefObject<GridPort | null>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Delete/Backspace: true when something was cleared (the key is then consumed). */
  clearSelection: () => boolean;
  /** Esc: true when a draft was dropped. */
  discardSelection: () => boolean;
  /** Whether the next focus move extends the copy range. */
  setExtending: (extending: boolean) => void;
}

export interface GridKeys {
  onKeyDownCapture: (e: KeyLike) => void;
  onKeyDown: (e: KeyLike) => void;
  onMouseDownCapture: (e: { shiftKey: boolean }) => void;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export function useGridKeys({ port, undo, redo, clearSelection, discardSelection, setExtending }: GridKeysOptions): GridKeys {
  /** Whether an editor was open when the current key went down (Esc then only cancels the edit). */
  const editingAtKeyDown = useRef(false);
  const isEditing = useCallback((): boolean => port.current?.isEditing() ?? false, [port]);

  const onKeyDownCapture = useCallback(
    (e: KeyLike) => {
      editingAtKeyDown.current = isEditing();
      if (editingAtKeyDown.current) return; // the editor's own input handles its keys (its own undo, its own paste)
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        e.preventDefault();
        e.stopPropagation();
        if (key === 'y' || e.shiftKey) void redo();
        else void undo();
        return;
      }
      // A shift+arrow extends the copy range from its anchor; any other key starts a new one.
      setExtending(ARROWS.has(e.key) && e.shiftKey && !mod);
    },
    [isEditing, redo, setExtending, undo],
  );

  const onKeyDown = useCallback(
    (e: KeyLike) => {
      // Esc that closed an editor only cancels that edit; a second Esc drops the draft.
      if (e.key === 'Escape') {
        if (!editingAtKeyDown.current && !isEditing() && discardSelection()) e.preventDefault();
        return;
      }
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      if (isEditing()) return;
      if (clearSelection()) e.preventDefault();
    },
    [clearSelection, discardSelection, isEditing],
  );

  const onMouseDownCapture = useCallback((e: { shiftKey: boolean }) => {
    setExtending(e.shiftKey);
  }, [setExtending]);

  return { onKeyDownCapture, onKeyDown, onMouseDownCapture };
}
