// What one edit's answer from the save call means for the cell. A REFUSAL (the text itself is not
// acceptable: "abc", "约1.6万", a note too long) will be refused again, so it is shown for the clerk
// to correct; the service marks it with a machine-readable `refusal` kind (shared/api/contract
// EditRefusalSchema). Anything else that is not a save (service unreachable, internal error, a
// failed call) says nothing about the text: the edit is kept and retried.
import type { CellEditResult, GridCell } from '../../../shared/api/contract';
import type { AppMessage } from '../../../shared/i18n/engine';

export type EditOutcome = { kind: 'saved'; cell: GridCell } | { kind: 'refused'; reason: AppMessage } | { kind: 'unsaved'; reason: AppMessage };

/** True when the service refused the edit's text itself (electron/services/edit-service.ts). */
export function isRefusalOfText(result: CellEditResult | undefined): boolean {
  return result !== undefined && !result.ok && result.refusal !== undefined;
}

/** `fallback` is the reason used when no answer came back for the edit at all. */
export function outcomeOf(result: CellEditResult | undefined, fallback: AppMessage): EditOutcome {
  if (result?.ok && result.cell) return { kind: 'saved', cell: result.cell };
  const reason = result?.error ?? fallback;
  return isRefusalOfText(result) ? { kind: 'refused', reason } : { kind: 'unsaved', reason };
}
