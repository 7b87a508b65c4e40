// The problems of one imported return, for the annotated reply — gathered in ONE place from what the
// import preview already found (docs/ARCHITECTURE.md §Reporting cycle, "Annotated reply"):
//   1. values that could not be read: the preview's error issues (import-messages / parse refusals);
//   2. rows matching no indicator: the preview's "import.unmatched-row" warnings;
//   3. warnings a sender must check (unit differs, 序号 disagrees with the name, …);
//   4. conflicts: the file's value differs from the database's, set by another department or file
//      (detectConflicts, the same rule as the import preview);
//   5. missed targets without a note: the file's actual against the plan's target by the shared
//      status rule (cellStatus), with no 说明 in the file nor in the database.
//   6. implausible values: the preview's "plausible.value-warning" issues (the shared plausibility
//      rule, shared/domain/plausible.ts, applied by the importer's plausible-issues.ts).
import type { ImportConflict, ImportIssue } from '../../shared/api/contract';
import type { Plan } from '../../shared/domain/plan';
import { displayName } from '../../shared/domain/plan';
import { cellStatus } from '../../shared/domain/status';
import type { Store } from '../store/store';
import { actualKey } from '../store/repositories/actuals-repo';
import type { ReplyProblem } from '../workbook/reply/problem-style';
import type { PendingImport } from './import-service';
import { detectConflicts } from './import-service';

/** Warnings worth asking the sender about (the others — hidden rows, totals rows — are ours to note). */
const CHECK_WARNINGS = new Set([
  'import.unit-mismatch',
  'import.code-name-mismatch',
  'import.percent-not-rate',
  'plausible.percent-sign',
  'import.invisible-stripped',
  'import.superseded-row',
  'import.mark-no-value',
]);

/** "填报表!E9" → {sheet, cell}; a reference without a sheet keeps the whole text as the cell. */
export function splitRef(ref: string): { sheet: string; cell: string } {
  const at = ref.lastIndexOf('!');
  return at < 0 ? { sheet: '', cell: ref } : { sheet: ref.slice(0, at), cell: ref.slice(at + 1) };
}

function issueProblem(issue: ImportIssue): ReplyProblem | null {
  const text = issue.message.zh;
  if (issue.severity === 'error') return { kind: 'unreadable', sheet: issue.sheet, cell: issue.cell, text };
  if (issue.message.key === 'plausible.value-warning') return { kind: 'implausible', sheet: issue.sheet, cell: issue.cell, text: `${text}。请核实后更正，或在“说明”栏写明原因。` };
  if (issue.message.key === 'import.unmatched-row') return { kind: 'unmatched', sheet: issue.sheet, cell: issue.cell, text: `${text}。请按规划的指标名称填写，或删除该行。` };
  if (CHECK_WARNINGS.has(issue.message.key)) return { kind: 'other', sheet: issue.sheet, cell: issue.cell, text };
  return null;
}

function conflictProblem(c: ImportConflict, previewId: string): ReplyProblem | null {
  const mine = c.incoming.find((s) => s.previewId === previewId);
  if (!mine?.cell) return null;
  const where = c.current?.provenance;
  const source = where ? [where.department, where.fileName].filter(Boolean).join('，') : '';
  const current = c.current?.value ?? '—';
  const other = c.incoming.filter((s) => s.previewId !== previewId).map((s) => s.value ?? '—');
  const others = other.length > 0 ? `；同批其他文件填报 ${other.join('、')}` : '';
  return {
    kind: 'conflict',
    ...splitRef(mine.cell),
    text: `指标 ${c.code} ${c.name} ${c.year}年：本表填报 ${mine.value ?? '—'}，与库中现有数值 ${current}${source ? `（来自${source}）` : ''}不一致${others}。请核实后确认正确数值。`,
  };
}

/**
 * Every problem of one previewed return, in sheet order of the checks above. `today` decides which
 * years are due (shared isYearDue). Conflicts are found against the database as it is now.
 */
export function returnProblems(store: Store, plan: Plan, item: PendingImport, today: Date): ReplyProblem[] {
  const problems: ReplyProblem[] = [];
  for (const issue of item.preview.issues) {
    const p = issueProblem(issue);
    if (p) problems.push(p);
  }
  const at = today.toISOString();
  const copy: PendingImport = { ...item, preview: { ...item.preview, changes: [...item.preview.changes] } };
  for (const c of detectConflicts(store, plan, [copy], at, '')) {
    const p = conflictProblem(c, item.preview.previewId);
    if (p) problems.push(p);
  }
  if (item.book.kind === 'return') {
    const byId = new Map(plan.indicators.map((i) => [i.id, i]));
    const actuals = store.actuals.forPlan(plan.id);
    for (const row of item.book.rows) {
      const ind = row.indicatorId ? byId.get(row.indicatorId) : undefined;
      if (!ind) continue;
      for (const [yearText, v] of Object.entries(row.values)) {
        const year = Number(yearText);
        if (!plan.years.includes(year) || v.actual === null) continue;
        const target = ind.targets[year];
        const { status } = cellStatus({ indicator: ind, year, target, actual: v.actual, today });
        const noted = (v.note ?? '').trim() !== '' || (actuals.get(actualKey(ind.id, year))?.note ?? '').trim() !== '';
        if (status !== 'missed' || noted) continue;
        const ref = v.noteCell ?? v.actualCell;
        if (!ref) continue;
        problems.push({
          kind: 'miss-without-note',
          ...splitRef(ref),
          text: `指标 ${ind.code} ${displayName(ind)}：${year}年实际值 ${v.actual} 未达到目标 ${String(target)}，请在“说明”栏填写未达标的原因。`,
        });
      }
    }
  }
  return problems;
}
