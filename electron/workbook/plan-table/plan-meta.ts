// The plan table's very hidden _plan sheet: read back what the visible table cannot show (kind,
// direction, tolerance, plausible range per indicator row; the plan's names). Written by
// write-plan-table.ts; a file without it (a table someone typed) is read by inference alone.
import type { Direction, IndicatorKind, PlausibleRange } from '../../../shared/domain/plan';
import { DirectionSchema, IndicatorKindSchema } from '../../../shared/domain/domain-schemas';
import { cellText } from '../import/cell-text';
import type { NeutralWorkbook } from '../import/model';
import { getCell } from '../import/model';
import type { PlanMetaKey } from './plan-table-format';
import { PLAN_META_KEYS, PLAN_META_ROW_HEADER, PLAN_TABLE_FORMAT_NAME, SHEET_PLAN_META } from './plan-table-format';

export interface PlanMetaRow {
  /** The indicator's name cell text as written, to check the row still holds the same indicator. */
  name: string;
  kind: IndicatorKind;
  direction: Direction;
  tolerance: number | null;
  plausible: PlausibleRange | null;
}

export interface PlanMeta {
  values: Partial<Record<PlanMetaKey, string>>;
  /** By row number on the table sheet. */
  rows: Map<number, PlanMetaRow>;
}

const numberOrNull = (text: string): number | null => (text === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/** The _plan sheet's content, or null when the workbook has none (or not in our format). */
export function readPlanMeta(book: NeutralWorkbook): PlanMeta | null {
  const sheet = book.sheets.find((s) => s.name === SHEET_PLAN_META);
  if (!sheet) return null;
  const values: Partial<Record<PlanMetaKey, string>> = {};
  const rows = new Map<number, PlanMetaRow>();
  const keys = new Set<string>(PLAN_META_KEYS);
  let inRows = false;
  for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const cells = PLAN_META_ROW_HEADER.map((_, i) => cellText(getCell(sheet, r, i + 1)));
    const [a = '', b = ''] = cells;
    if (inRows) {
      const kind = IndicatorKindSchema.safeParse(cells[2]);
      const direction = DirectionSchema.safeParse(cells[3]);
      if (!Number.isInteger(Number(a)) || !kind.success || !direction.success) continue;
      const min = numberOrNull(cells[5] ?? '');
      const max = numberOrNull(cells[6] ?? '');
      rows.set(Number(a), { name: b, kind: kind.data, direction: direction.data, tolerance: numberOrNull(cells[4] ?? ''), plausible: min === null && max === null ? null : { min, max } });
    } else if (a === PLAN_META_ROW_HEADER[0] && b === PLAN_META_ROW_HEADER[1]) inRows = true;
    else if (keys.has(a)) values[a as PlanMetaKey] = b;
  }
  return values.format === PLAN_TABLE_FORMAT_NAME ? { values, rows } : null;
}
