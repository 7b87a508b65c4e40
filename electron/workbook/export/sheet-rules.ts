// The rules of 填报表's data cells: the numeric validation of the editable 实际值 and the status
// conditional formats (one block per year and per run of rows sharing direction and tolerance).
import type { DataValidation, ExpressionRuleType, Worksheet } from 'exceljs';
import type { GridRow } from '../../../shared/api/contract';
import { isYearDue } from '../../../shared/domain/status';
import { completionStatusNumFmt, notReportedFormula, statusFormulas } from '../../../shared/domain/status-excel';
import { FIRST_DATA_ROW, templateColumns } from '../template-format';
import { COLOR, statusDxf } from './styles';

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const ref = (col: number, row: number) => `${columnLetter(col)}${row}`;

/** Index ranges [start, end] of consecutive items that `same` groups together. */
export function runs<T>(items: readonly T[], same: (a: T, b: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    const prev = items[i - 1];
    if (last && prev !== undefined && same(prev, item)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** One shared object per rule: ExcelJS keeps what it is given, and the rule is the same for every cell. */
export function actualValidation(kind: GridRow['kind']): DataValidation {
  const nonNegative = kind === 'cumulative' || kind === 'stock';
  return {
    type: 'decimal',
    allowBlank: true,
    // "Any decimal": Excel's decimal rule needs bounds, so use ones no indicator reaches.
    operator: nonNegative ? 'greaterThanOrEqual' : 'between',
    formulae: nonNegative ? [0] : [-1e12, 1e12],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请输入数字',
    error: nonNegative
      ? '实际值只能填数字（不小于 0），不要填文字或单位。暂无数据请留空。'
      : '实际值只能填数字，不要填文字或单位；百分比指标填百分数，如 87.5 表示 87.5%。暂无数据请留空。',
    showInputMessage: true,
    promptTitle: '填写实际值',
    prompt: nonNegative ? '只填数字，暂无数据请留空。' : '只填数字；百分比填百分数，如 87.5。',
  };
}

/**
 * Conditional formats of every year's 实际值 (fill and text colour) and 完成率 (the status symbol
 * in its number format, "√ 96.4%": the cue that survives black-and-white printing, status-symbol.ts);
 * formulas are relative to each block's first row. `today` decides which years are due: there an
 * empty 实际值 shows "? 未填报" in 完成率.
 */
export function addStatusFormats(ws: Worksheet, rows: GridRow[], years: number[], today: Date): void {
  const cols = templateColumns(years);
  // Priorities must be unique on the sheet; the three rules of a cell never overlap, so order is free.
  let priority = 1;
  // One differential style object per look, shared by every block's rules: with the streaming
  // writer's dxf table shared (shareDxfStyles), a 10,000-row sheet lists 7 dxfs, not one per rule.
  const dxf = {
    metFill: statusDxf(COLOR.metFill, COLOR.metFont),
    nearFill: statusDxf(COLOR.nearFill, COLOR.nearFont),
    missedFill: statusDxf(COLOR.missedFill, COLOR.missedFont),
    met: { numFmt: completionStatusNumFmt('met') },
    near: { numFmt: completionStatusNumFmt('near') },
    missed: { numFmt: completionStatusNumFmt('missed') },
    notReported: { numFmt: completionStatusNumFmt('not-reported') },
  };
  // Rows share a block when they share the rule (direction and tolerance) and have numeric targets.
  const ruleKeys = rows.map((row) => `${row.direction}|${row.tolerance ?? ''}`);
  for (const yc of cols.yearCols) {
    const yearKey = String(yc.year);
    const keys = rows.map((row, i) => (typeof row.cells[yearKey]?.target === 'number' ? ruleKeys[i] : null));
    for (const [start, end] of runs(keys, (a, b) => a === b)) {
      const first = rows[start];
      if (!first || keys[start] === null) continue;
      const top = FIRST_DATA_ROW + start;
      const f = statusFormulas({ direction: first.direction, tolerance: first.tolerance, target: ref(yc.target, top), actual: ref(yc.actual, top) });
      const rule = (formula: string, style: ExpressionRuleType['style']): ExpressionRuleType => ({
        type: 'expression',
        formulae: [formula],
        style,
        priority: priority++,
      });
      const rules = [
        rule(f.met, dxf.metFill),
        ...(f.near ? [rule(f.near, dxf.nearFill)] : []),
        rule(f.missed, dxf.missedFill),
      ];
      ws.addConditionalFormatting({ ref: `${ref(yc.actual, top)}:${ref(yc.actual, FIRST_DATA_ROW + end)}`, rules });
      // The same formulas over 完成率: relative to its first cell, whose row is the same.
      const symbols = [
        rule(f.met, dxf.met),
        ...(f.near ? [rule(f.near, dxf.near)] : []),
        rule(f.missed, dxf.missed),
        ...(isYearDue(yc.year, today)
          ? [rule(notReportedFormula(ref(yc.target, top), ref(yc.actual, top)), dxf.notReported)]
          : []),
      ];
      ws.addConditionalFormatting({ ref: `${ref(yc.completion, top)}:${ref(yc.completion, FIRST_DATA_ROW + end)}`, rules: symbols });
    }
  }
}
