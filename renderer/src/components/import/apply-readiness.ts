// Whether 应用 in the import preview would change anything, and if not, why (docs/ARCHITECTURE.md
// §The import preview: each fact once, 应用 only when it writes or records). An import that can do nothing is
// not offered: the button is marked unavailable (aria-disabled, so it stays reachable by Tab and a
// screen reader reads the reason with it) and a hint says what would make it change something.
// One that writes no value but records the files as received (a return sent again, one whose
// figures were all refused: the office still wants it in 历史, to reply to it with 批注回复) stays
// offered, and the hint says it will only record them. Plain logic: the dialog shows the answer.
import type { ImportConflict, ImportPreview } from '../../../../shared/api/contract';
import { conflictKey, tickKey } from './useImportChoices';

/** Why nothing would change, most useful first: each names what the clerk can still do. */
export type ApplyBlock =
  /** No file is ticked. */
  | 'no-file'
  /** Every ticked file belongs to another plan and writes nothing here (the service would refuse it). */
  | 'other-plan'
  /** Conflicts wait for a pick: picking a file's value would change the cell. */
  | 'conflicts-open'
  /** Only other departments' values would change, and none is ticked. */
  | 'other-units'
  /** Every value the files give falls in locked cells. */
  | 'locked'
  /** The files give nothing that differs from the database (equal values, unmatched rows, blanks). */
  | 'nothing';

export interface ApplyReadiness {
  /** Cells 应用 would write: the ticked files' changes, ticked other-unit values and conflicts picked to take a file's value. */
  writes: number;
  /** Null when `writes` > 0. */
  block: ApplyBlock | null;
  /**
   * 应用 writes no value but is still offered, to record the ticked files as received (the
   * department's last import, and the file in 历史 for 批注回复): true for 'nothing' and
   * 'other-units' when a ticked file is of the plan on screen (or of no known plan); files of another
   * plan are then left out.
   */
  recordsOnly: boolean;
}

/**
 * What 应用 would do for the ticked files `chosen`, the batch's `conflicts` and the clerk's `picks`
 * (conflictKey → previewId or 'current') and `ticks` (tickKey set), as useImportChoices holds them.
 * `currentPlanId`: the plan on screen; a file of another plan is never recorded under it.
 */
export function applyReadiness(
  chosen: readonly ImportPreview[],
  conflicts: readonly ImportConflict[],
  picks: ReadonlyMap<string, string>,
  ticks: ReadonlySet<string>,
  currentPlanId?: string,
): ApplyReadiness {
  const ids = new Set(chosen.map((p) => p.previewId));
  let writes = 0;
  for (const p of chosen) {
    writes += p.changes.length;
    writes += p.otherUnits.filter((c) => ticks.has(tickKey(p.previewId, c))).length;
  }
  let open = 0;
  for (const c of conflicts) {
    const take = picks.get(conflictKey(c));
    if (take !== undefined && take !== 'current' && ids.has(take) && c.incoming.some((s) => s.previewId === take)) writes += 1;
    else if (take === undefined || (take !== 'current' && !c.incoming.some((s) => s.previewId === take))) open += 1;
  }
  // A file of another plan writing nothing is left out when applying (import-service.ts): only the
  // plan's own files can be recorded as received.
  const own = chosen.filter((p) => !p.plan || currentPlanId === undefined || p.plan.planId === currentPlanId);
  const block = blockOf(writes, chosen, open, own.length);
  return { writes, block, recordsOnly: (block === 'nothing' || block === 'other-units') && own.length > 0 };
}

function blockOf(writes: number, chosen: readonly ImportPreview[], open: number, own: number): ApplyBlock | null {
  if (writes > 0) return null;
  if (chosen.length === 0) return 'no-file';
  if (own === 0) return 'other-plan';
  if (open > 0) return 'conflicts-open';
  if (chosen.some((p) => p.otherUnits.length > 0)) return 'other-units';
  if (chosen.some((p) => (p.locked ?? []).length > 0)) return 'locked';
  return 'nothing';
}
