// The choices a clerk makes in the import preview beyond which files to include: the side picked
// for each conflicting cell, the other-department values ticked, and departments chosen for returns
// that name none. Builds the applyImport request; nothing here talks to main.
import { useCallback, useMemo, useState } from 'react';
import type { ApiRequest, ImportConflict, ImportPreview } from '../../../../shared/api/contract';

export const conflictKey = (c: Pick<ImportConflict, 'indicatorId' | 'year'>): string => `${c.indicatorId}|${c.year}`;
export const tickKey = (previewId: string, c: { indicatorId: string; year: number; field: string }): string => `${previewId}|${c.indicatorId}|${c.year}|${c.field}`;

export interface ImportChoices {
  picks: ReadonlyMap<string, string>;
  ticks: ReadonlySet<string>;
  pick: (conflict: ImportConflict, take: string) => void;
  /** Every conflict this file gives a value for takes the file's side. */
  takeAllFrom: (previewId: string, conflicts: ImportConflict[]) => void;
  keepAllCurrent: (conflicts: ImportConflict[]) => void;
  toggleTick: (previewId: string, change: { indicatorId: string; year: number; field: string }) => void;
  /** Conflicts (of those given) with no pick yet. */
  unresolved: (conflicts: ImportConflict[]) => number;
  request: (previews: ImportPreview[], conflicts: ImportConflict[]) => ApiRequest<'applyImport'>;
}

export function useImportChoices(): ImportChoices {
  const [picks, setPicks] = useState<Map<string, string>>(() => new Map());
  const [ticks, setTicks] = useState<Set<string>>(() => new Set());

  const pick = useCallback((conflict: ImportConflict, take: string) => {
    setPicks((prev) => new Map(prev).set(conflictKey(conflict), take));
  }, []);
  const takeAllFrom = useCallback((previewId: string, conflicts: ImportConflict[]) => {
    setPicks((prev) => {
      const next = new Map(prev);
      for (const c of conflicts) if (c.incoming.some((s) => s.previewId === previewId)) next.set(conflictKey(c), previewId);
      return next;
    });
  }, []);
  const keepAllCurrent = useCallback((conflicts: ImportConflict[]) => {
    setPicks((prev) => {
      const next = new Map(prev);
      for (const c of conflicts) next.set(conflictKey(c), 'current');
      return next;
    });
  }, []);
  const toggleTick = useCallback((previewId: string, change: { indicatorId: string; year: number; field: string }) => {
    setTicks((prev) => {
      const next = new Set(prev);
      const key = tickKey(previewId, change);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  return useMemo(
    () => ({
      picks,
      ticks,
      pick,
      takeAllFrom,
      keepAllCurrent,
      toggleTick,
      unresolved: (conflicts) => conflicts.filter((c) => !isValidPick(c, picks.get(conflictKey(c)))).length,
      request: (previews, conflicts) => ({
        previewIds: previews.map((p) => p.previewId),
        // Only picks that still name a side of a conflict of this batch are sent (a file left out drops its picks).
        resolutions: conflicts.flatMap((c) => {
          const take = picks.get(conflictKey(c));
          return take !== undefined && isValidPick(c, take) ? [{ indicatorId: c.indicatorId, year: c.year, take }] : [];
        }),
        includeOtherUnits: previews.flatMap((p) =>
          p.otherUnits.filter((c) => ticks.has(tickKey(p.previewId, c))).map((c) => ({ previewId: p.previewId, indicatorId: c.indicatorId, year: c.year, field: c.field })),
        ),
      }),
    }),
    [picks, ticks, pick, takeAllFrom, keepAllCurrent, toggleTick],
  );
}

function isValidPick(c: ImportConflict, take: string | undefined): boolean {
  return take !== undefined && (take === 'current' || c.incoming.some((s) => s.previewId === take));
}
