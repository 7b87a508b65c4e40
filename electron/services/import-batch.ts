// Consolidation rules for a batch of returns (docs/ARCHITECTURE.md §Consolidation):
//  1. the department of a return: meta sheet, else its 填报单位 line, else the one chosen; aliases
//     resolve short and full names; a file naming two departments is refused;
//  2. values for indicators the department neither leads nor co-reports are set aside (other units);
//  3. conflicts: an incoming value that differs from the current one and comes from another source
//     than the one that set it, or two files of the batch that disagree on a cell.
import type { ImportChange, ImportConflict, ImportIssue, ImportPreview, Provenance } from '../../shared/api/contract';
import { departmentReports, resolveDepartment } from '../../shared/domain/departments';
import type { Plan } from '../../shared/domain/plan';
import { displayName } from '../../shared/domain/plan';
import { message } from '../../shared/i18n/messages';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { UnreadableWorkbookError } from '../workbook/import/import-messages';
import type { ActualRecord } from '../store/repositories/actuals-repo';
import { actualKey } from '../store/repositories/actuals-repo';

export interface ReturnDepartment {
  department: string | null;
  from: ImportPreview['departmentFrom'];
  issues: ImportIssue[];
}

/**
 * The department of one return. Throws UnreadableWorkbookError (the file is refused, nothing
 * written) when the file names two departments that are not the same one under aliases.
 */
export function departmentOfReturn(
  book: Pick<InterpretedWorkbook, 'path' | 'departmentsNamed'>,
  fileName: string,
  departments: readonly string[],
  aliases: Readonly<Record<string, string>>,
  chosen: string | null,
): ReturnDepartment {
  const named = book.departmentsNamed.map((name) => ({ name, resolved: resolveDepartment(name, departments, aliases) }));
  for (const other of named.slice(1)) {
    const first = named[0] as (typeof named)[number];
    const same = first.resolved !== null && other.resolved !== null ? first.resolved === other.resolved : first.name === other.name;
    if (!same) throw new UnreadableWorkbookError(message('import.two-departments', { file: fileName, first: first.name, second: other.name }));
  }
  const issues: ImportIssue[] = [];
  const first = named[0];
  if (first?.resolved) return { department: first.resolved, from: book.path === 'template' ? 'meta' : 'line', issues };
  // The department the clerk chose stands in for a name the plan does not know; the warning says which.
  if (first) issues.push({ severity: 'warning', sheet: '', cell: '', message: chosen === null ? message('import.unknown-department', { name: first.name }) : message('import.unknown-department-chosen', { name: first.name, chosen }) });
  if (chosen !== null) return { department: chosen, from: 'chosen', issues };
  if (!first) issues.push({ severity: 'warning', sheet: '', cell: '', message: message('import.no-department') });
  return { department: null, from: 'none', issues };
}

/** Split a file's changes into its own and other units' (department known only). */
export function splitOtherUnits(plan: Plan, department: string | null, changes: ImportChange[]): { own: ImportChange[]; other: ImportChange[] } {
  if (department === null) return { own: changes, other: [] };
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const own: ImportChange[] = [];
  const other: ImportChange[] = [];
  for (const c of changes) {
    const ind = byId.get(c.indicatorId);
    (ind && !departmentReports(ind, department) ? other : own).push(c);
  }
  return { own, other };
}

/** One file of a batch, as conflict detection needs it. */
export interface BatchFile {
  previewId: string;
  fileName: string;
  sha256: string;
  department: string | null;
  /** The file's actual values: "indicatorId|year" → value and its cell. Other-unit values excluded. */
  values: Map<string, { value: number; cell: string }>;
}

/** True when the current value was set by another source than this file. */
function setByAnother(current: Provenance, file: BatchFile): boolean {
  if (current.department !== null && file.department !== null) return current.department !== file.department;
  if (current.sha256 !== null) return current.sha256 !== file.sha256;
  return current.department !== null && current.department !== file.department;
}

/** Every conflicting cell of a batch against the database's current actuals, in plan order. */
export function findConflicts(plan: Plan, files: BatchFile[], actuals: Map<string, ActualRecord>, at: string, who: string): ImportConflict[] {
  const conflicts: ImportConflict[] = [];
  for (const ind of plan.indicators)
    for (const year of plan.years) {
      const key = actualKey(ind.id, year);
      const incoming = files.flatMap((f) => {
        const v = f.values.get(key);
        return v ? [{ file: f, ...v }] : [];
      });
      if (incoming.length === 0) continue;
      const current = actuals.get(key);
      const disagree = new Set(incoming.map((i) => i.value)).size > 1;
      const againstCurrent =
        current?.provenance !== undefined && current.value !== null && incoming.some((i) => i.value !== current.value && setByAnother(current.provenance as Provenance, i.file));
      if (!disagree && !againstCurrent) continue;
      conflicts.push({
        indicatorId: ind.id,
        code: ind.code,
        name: displayName(ind),
        year,
        current: current && current.value !== null ? { previewId: null, value: current.value, cell: null, provenance: current.provenance ?? null } : null,
        incoming: incoming.map((i) => ({
          previewId: i.file.previewId,
          value: i.value,
          cell: i.cell,
          provenance: { source: 'imported', who, at, fileName: i.file.fileName, sha256: i.file.sha256, department: i.file.department, importId: null },
        })),
      });
    }
  return conflicts;
}

/** A cell's short label for messages: "zyyj-04 2025". */
export function cellLabel(indicatorId: string, year: number): string {
  return `${indicatorId} ${year}`;
}
