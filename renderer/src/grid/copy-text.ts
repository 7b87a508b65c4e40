// What Ctrl+C puts on the clipboard for a cell: plain values Excel and WPS read back as numbers
// (no thousands separators), "/" for no target, completion as a percentage, notes as typed.
import type { Lang } from '../../../shared/i18n/lang';
import { parseColumnId } from './columns';
import { formatUnits } from './format';
import type { IndicatorRowData } from './row-model';
import { cellOf } from './row-model';

/** Rounds away binary noise (0.1 + 0.2) without losing figures a clerk typed. */
function plain(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function copyTextOf(row: IndicatorRowData, colId: string, reportingYear: number, lang: Lang): string {
  const ref = parseColumnId(colId);
  if (!ref) return '';
  switch (ref.kind) {
    case 'domain':
      return row.domain;
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'unit':
      return row.unit;
    case 'units':
      return formatUnits(row.leadUnit, row.coUnits, lang);
    case 'note':
      return cellOf(row, reportingYear).note ?? '';
    case 'target': {
      const t = cellOf(row, ref.year).target;
      return t === null ? '' : typeof t === 'number' ? plain(t) : t;
    }
    case 'actual': {
      const a = cellOf(row, ref.year).actual;
      return a === null ? '' : plain(a);
    }
    case 'completion': {
      const c = cellOf(row, ref.year).completion;
      return c === null ? '' : `${plain(Math.round(c * 1000) / 10)}%`;
    }
  }
}

/** A rectangle of rows × columns as clipboard fields. */
export function copyBlock(rows: readonly IndicatorRowData[], colIds: readonly string[], reportingYear: number, lang: Lang): string[][] {
  return rows.map((row) => colIds.map((id) => copyTextOf(row, id, reportingYear, lang)));
}
