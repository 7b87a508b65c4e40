// Typing or pasting a value outside the plausible range is never saved silently: the action waits
// for the clerk's confirm (PlausibleConfirmDialog) — one confirm for a whole pasted batch. Confirmed,
// it is saved as any other action (and the cell shows the mark, column-defs.ts); cancelled, nothing
// is written and the cell keeps its saved value. The rule is the shared one (plausible-cells.ts).
import type { RefObject } from 'react';
import { useCallback, useRef, useState } from 'react';
import type { CellEdit, EditSource } from '../../../shared/api/contract';
import { plausibleMessage } from '../../../shared/domain/plausible';
import type { Lang } from '../../../shared/i18n/lang';
import { columnIdForEdit } from './columns';
import type { GridPort } from './grid-port';
import type { ImplausibleEdit } from './plausible-cells';
import { implausibleEdits } from './plausible-cells';
import type { CellSaves, SaveStateKind } from './use-cell-saves';

/** An action held back until the clerk answers the confirm. */
export interface PendingConfirm {
  items: ImplausibleEdit[];
}

export interface PlausibleConfirm {
  /** runSave with the check in front: implausible edits open the confirm instead of saving. */
  checkedSave: CellSaves['runSave'];
  /** The action waiting for an answer (null = no dialog). */
  pending: PendingConfirm | null;
  confirm: () => void;
  cancel: () => void;
}

interface Held {
  edits: CellEdit[];
  source: EditSource;
  record: boolean;
  doneMessage: string | undefined;
}

export function usePlausibleConfirm(options: {
  port: RefObject<GridPort | null>;
  runSave: CellSaves['runSave'];
  lang: Lang;
  onSaveStateChange?: (state: SaveStateKind, message?: string) => void;
}): PlausibleConfirm {
  const latest = useRef(options);
  latest.current = options;
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const held = useRef<Held | null>(null);

  const checkedSave = useCallback<CellSaves['runSave']>(async (edits, source, record, doneMessage) => {
    const view = latest.current.port.current;
    const items = view ? implausibleEdits(edits, (id) => view.row(id)) : [];
    if (items.length === 0) return latest.current.runSave(edits, source, record, doneMessage);
    held.current = { edits, source, record, doneMessage };
    setPending({ items });
  }, []);

  /** Back to the (first) edited cell, so the keyboard carries on where the clerk was. */
  const refocus = useCallback((edit: CellEdit | undefined) => {
    const view = latest.current.port.current;
    const index = edit && view ? view.rowIndexOf(edit.indicatorId) : null;
    if (edit && view && index !== null) view.focusCell(index, columnIdForEdit(edit.field, edit.year));
  }, []);

  const confirm = useCallback(() => {
    const h = held.current;
    held.current = null;
    setPending(null);
    if (!h) return;
    refocus(h.edits[0]);
    void latest.current.runSave(h.edits, h.source, h.record, h.doneMessage);
  }, [refocus]);

  const cancel = useCallback(() => {
    const h = held.current;
    held.current = null;
    setPending(null);
    refocus(h?.edits[0]);
    const { lang, onSaveStateChange } = latest.current;
    onSaveStateChange?.('idle', plausibleMessage('plausible.cancelled')[lang]);
  }, [refocus]);

  return { checkedSave, pending, confirm, cancel };
}
