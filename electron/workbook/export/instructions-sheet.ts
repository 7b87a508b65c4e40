// Sheet 填写说明: how a clerk fills in and returns the template, and where the plan's targets come
// from (the plan's source note). Protected like 填报表, so it is not edited by accident.
import type { Workbook, Worksheet } from 'exceljs';
import type { Plan } from '../../../shared/domain/plan';
import { HEADER_ACTUAL, HEADER_NOTE, SHEET_INSTRUCTIONS, SHEET_RETURN } from '../template-format';
import { rowHeightForLines, wrappedLineCount } from './column-width';
import { departmentLabel } from './return-sheet';
import { cellStyle } from './styles';

const TEXT_WIDTH = 110;

export interface InstructionsInput {
  plan: Plan;
  year: number;
  department: string | null;
}

export function instructionLines(year: number): string[] {
  return [
    `1. 只需填写“${SHEET_RETURN}”中 ${year}年 的“${HEADER_ACTUAL}”和“${HEADER_NOTE}”两列（浅蓝色单元格），其他单元格已锁定，不能修改。`,
    `2. “${HEADER_ACTUAL}”只填数字，不要填文字、单位或空格；数量类指标不能为负数。`,
    '3. 百分比指标按百分数填写，例如 87.5% 填 87.5，100% 填 100。',
    '4. 暂时没有数据的，请留空，不要填 0 或“无”；可在“说明”中写明原因。',
    '5. 目标值为“/”表示该年度未设目标，无需对比。',
    '6. 实际值填写后，单元格按是否达标自动变色：绿色为达标，红色为未达标，黄色为接近目标；“完成率”自动计算。',
    '7. 请勿修改工作表名称，勿插入、删除或调换行列顺序，勿删除本工作簿中的任何工作表。',
    '8. 填好后保存，把本文件原样通过邮件发回，不要另存为其他格式或复制到新表格中。',
  ];
}

export function buildInstructionsSheet(wb: Workbook, input: InstructionsInput): Worksheet {
  // Views and page setup are given at creation: the streaming writer emits them with the first row.
  const ws = wb.addWorksheet(SHEET_INSTRUCTIONS, {
    views: [{ state: 'normal', showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = TEXT_WIDTH;
  let r = 1;
  const line = (text: string, opts: { bold?: boolean; size?: number } = {}) => {
    const cell = ws.getCell(r, 1);
    cell.value = text; // plain string: never a formula
    const size = opts.size ?? 11;
    cell.style = cellStyle({ bold: opts.bold ?? false, size, wrap: true, border: false });
    // Font size 11 in a column measured in size-10 characters: scale the width down to match.
    ws.getRow(r).height = rowHeightForLines(wrappedLineCount(text, (TEXT_WIDTH * 10) / size), size);
    r += 1;
  };
  line('填写说明', { bold: true, size: 16 });
  line(`${input.plan.title}（${input.year}年度，填报单位：${departmentLabel(input.department)}）`);
  r += 1;
  for (const text of instructionLines(input.year)) line(text);
  r += 1;
  line('目标值来源', { bold: true, size: 12 });
  line(input.plan.sourceNote);
  line(`牵头协调：${input.plan.coordinator}`);
  return ws;
}
