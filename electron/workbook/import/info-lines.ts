// The info lines above a return's table (填报单位：区住建局 填报人：… 联系电话：…), in one cell or
// as a label cell and a value cell: which department sent it, who filled it in, and every
// department text named, so a return naming two different departments can be refused.
import { toHalfWidth } from '../../../shared/domain/parse-number';
import type { NeutralSheet } from './model';
import { getCell } from './model';
import { cellText } from './cell-text';

const LABELS: [RegExp, 'department' | 'clerkName' | 'clerkPhone' | null][] = [
  [/^(填报单位|报送单位|填报部门|单位名称)$/, 'department'],
  [/^(填报人|联系人|经办人)$/, 'clerkName'],
  [/^(联系电话|电话|联系方式)$/, 'clerkPhone'],
  [/^(填报日期|导出时间|日期|审核人|负责人)$/, null],
];
const LABEL_SPLIT = /(填报单位|报送单位|填报部门|单位名称|填报人|联系人|经办人|联系电话|电话|联系方式|填报日期|导出时间|日期|审核人|负责人)\s*[:：]/g;

export type SheetInfo = { department: string | null; clerkName: string | null; clerkPhone: string | null; departmentsNamed: string[] };

/** 填报单位：区住建局 填报人：… either in one cell or as label cell + value cell. */
export function readInfoLines(sheet: NeutralSheet, fromRow: number, toRow: number, into: SheetInfo): void {
  for (const [r, cells] of sheet.rows) {
    if (r < fromRow || r > toRow) continue;
    for (const cell of cells.values()) {
      if (typeof cell.value !== 'string' || !/填报|报送|联系|电话|经办|单位名称/.test(cell.value)) continue;
      const text = toHalfWidth(cell.value).replace(/\s+/g, ' ');
      const marks = [...text.matchAll(LABEL_SPLIT)];
      const pairs: [string, string][] = marks.map((m, i) => {
        const start = (m.index ?? 0) + m[0].length;
        const end = marks[i + 1]?.index ?? text.length;
        return [m[1] as string, text.slice(start, end).trim()];
      });
      if (pairs.length === 0 && LABELS.some(([re]) => re.test(text.trim().replace(/[:：]$/, '')))) pairs.push([text.trim().replace(/[:：]$/, ''), '']);
      for (const [label, inline] of pairs) {
        const field = LABELS.find(([re]) => re.test(label))?.[1];
        if (!field) continue;
        const value = inline !== '' ? inline : cellText(getCell(sheet, r, cell.col + 1));
        if (field === 'department' && value !== '' && !into.departmentsNamed.includes(value)) into.departmentsNamed.push(value);
        if (value !== '' && into[field] === null) into[field] = value;
      }
    }
  }
}

