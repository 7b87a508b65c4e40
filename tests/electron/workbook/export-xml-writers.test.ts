// The export's own XML writers (docs/ARCHITECTURE.md §Export speed) write what ExcelJS 4.4.0 would:
// its escaping, its sharedStrings.xml and conditional-format XML byte for byte (each written both
// ways by ExcelJS's real streaming writer), formula templates equal to the formulas they stand for,
// widths equal to the list measure. And a large export lists a handful of dxfs, not one per rule,
// with every rule's look intact when ExcelJS reads the file back.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan } from '../../../shared/domain/plan';
import { completionFormula } from '../../../shared/domain/status-excel';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { columnWidth, columnWidthOf } from '../../../electron/workbook/export/column-width';
import { writeExpressionFormatsAsXml } from '../../../electron/workbook/export/conditional-format-xml';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import { FormulaTemplate, xmlEncode } from '../../../electron/workbook/export/sheet-row-xml';
import { writeSharedStringsAsXml } from '../../../electron/workbook/export/shared-strings-xml';
import { statusDxf } from '../../../electron/workbook/export/styles';
import { SHEET_RETURN } from '../../../electron/workbook/template-format';
import { gridRowOf } from '../../helpers/grid-rows';
import { readZip } from '../../helpers/zip';

const excelJsUtils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as { xmlEncode(text: string): string };

/** Texts with every character class the escaping treats differently. */
const TEXTS = [
  '',
  'plain',
  '  leading and trailing  ',
  'line\nbreak',
  'tab\there',
  `<a href="x">Tom & Jerry's</a>`,
  'ctrl\u0001\u0008\u000b\u000c\u000e\u001f\u007f end',
  '中文“引号”、顿号',
  '\u{20000} astral',
  'IF(N(A1)=0,"",N(B1)/N(A1))',
];

describe('xmlEncode', () => {
  it('escapes and drops exactly what ExcelJS’s xmlEncode does', () => {
    for (const text of TEXTS) expect(xmlEncode(text)).toBe(excelJsUtils.xmlEncode(text));
  });
});

describe('FormulaTemplate', () => {
  it('gives the escaped formula its build function makes, for any references', () => {
    for (const direction of ['higher', 'lower'] as const) {
      const template = new FormulaTemplate((t, a) => completionFormula(direction, t as string, a as string), 2);
      for (const [t, a] of [
        ['F6', 'G6'],
        ['AB10005', 'AC10005'],
      ] as const) {
        expect(template.xml([t, a])).toBe(xmlEncode(completionFormula(direction, t, a)));
      }
    }
  });

  it('refuses a build function that leaves a reference out', () => {
    expect(() => new FormulaTemplate((a) => `N(${a})`, 2)).toThrow(/every reference/);
  });
});

describe('columnWidthOf', () => {
  it('equals columnWidth of the header and the texts', () => {
    const rows = TEXTS.map((text, i) => ({ text: `${text}${'宽'.repeat(i)}` }));
    for (const [min, max] of [
      [4, 10],
      [6, 60],
    ] as const) {
      expect(columnWidthOf('表头', rows, (r) => r.text, min, max)).toBe(columnWidth(['表头', ...rows.map((r) => r.text)], min, max));
    }
  });
});

/** Writes one small sheet with ExcelJS's streaming writer; `ours` installs the export's XML writers. */
async function writeBothWays(ours: boolean): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  // Both writes carry the same times: docProps/core.xml would otherwise differ when they straddle a second.
  wb.created = wb.modified = new Date('2026-03-15T01:00:00Z');
  if (ours) writeSharedStringsAsXml(wb);
  const ws = wb.addWorksheet('s');
  if (ours) writeExpressionFormatsAsXml(wb, ws);
  TEXTS.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    ws.getCell(i + 1, 2).value = i;
  });
  const green = statusDxf('FFC6EFCE', 'FF006100');
  ws.addConditionalFormatting({
    ref: 'B1:B5',
    rules: [
      { type: 'expression', priority: 1, formulae: ['AND(ISNUMBER(B1),B1>"2")'], style: green },
      { type: 'expression', priority: 2, formulae: ['B1<0'], style: { numFmt: '"√ "0.0%' } },
    ],
  });
  ws.addConditionalFormatting({ ref: 'B6:B6', rules: [{ type: 'expression', priority: 3, formulae: ['B6=5'], style: green }] });
  ws.commit();
  await wb.commit();
  await finished;
  return new Map(readZip(Buffer.concat(chunks)).map((f) => [f.name, f.data.toString('utf8')]));
}

describe('the shared-strings and conditional-format writers', () => {
  it('write the same bytes as ExcelJS’s own', async () => {
    const [theirs, ours] = [await writeBothWays(false), await writeBothWays(true)];
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, xml] of theirs) expect({ name, xml: ours.get(name) }).toEqual({ name, xml });
    expect(ours.get('xl/worksheets/sheet1.xml')).toContain('<conditionalFormatting sqref="B1:B5">');
  });
});

describe('a large export’s conditional formats', () => {
  it('share one dxf per look, and every rule keeps its look', async () => {
    // 600 indicators whose directions alternate every 3 rows: hundreds of blocks per year.
    const indicators: Indicator[] = Array.from({ length: 600 }, (_, i) => {
      const base = SEED_PLAN.indicators[i % SEED_PLAN.indicators.length] as Indicator;
      return { ...base, id: `t-${i}`, code: String(i + 1), direction: Math.floor(i / 3) % 2 ? 'lower' : 'higher' };
    });
    const plan: Plan = { ...SEED_PLAN, indicators };
    const today = new Date('2026-03-15T09:00:00+08:00');
    const rows = indicators.map((ind, i) => gridRowOf(plan, ind, { 2025: i % 2 ? 5 : null }, {}, today));
    const bytes = await exportTemplate({ plan, year: 2025, department: null, rows, clerkName: '甲', clerkPhone: '', exportedAt: today, appVersion: 't' });
    const styles = readZip(Buffer.from(bytes)).find((f) => f.name === 'xl/styles.xml')?.data.toString('utf8') ?? '';
    const dxfs = Number(/<dxfs count="(\d+)"/.exec(styles)?.[1]);
    expect(dxfs).toBeGreaterThanOrEqual(5);
    expect(dxfs).toBeLessThanOrEqual(7);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_RETURN);
    const blocks = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(blocks.length).toBeGreaterThan(500);
    const fills = new Set<string>();
    for (const block of blocks) {
      for (const rule of block.rules) {
        const style = rule.style;
        // Each rule has a look: a fill and font colour (实际值) or a status number format (完成率).
        expect(style?.fill !== undefined || style?.numFmt !== undefined).toBe(true);
        if (style?.fill?.type === 'pattern' && style.fill.bgColor?.argb) fills.add(style.fill.bgColor.argb);
      }
    }
    expect([...fills].sort()).toEqual(['FFC6EFCE', 'FFFFC7CE']);
  });
});
