// Our own template with 填报表 copied (Excel's "Move or Copy…" → 填报表 (2); here openpyxl's
// copy_worksheet): figures typed into the copy are read, never ignored for the sheet's name; a
// hidden original loses to the visible copy, named; two visible sheets that disagree leave the
// value unread, naming both cells (interpret.ts interpretTemplate, mergeRepeatedIndicators).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import { indicatorsForDepartment } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import { FIRST_DATA_ROW, SHEET_RETURN, templateColumns } from '../../../electron/workbook/template-format';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { columnLetters } from '../../../electron/workbook/import/model';
import { gridRowOf } from '../../helpers/grid-rows';
import { runPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

const YEAR = 2025;
const inds = indicatorsForDepartment(SEED_PLAN, '区住建局');
const actualCol = columnLetters(templateColumns(SEED_PLAN.years).yearCols.find((c) => c.year === YEAR)?.actual as number);
const tmp = makeTempDir('template-copies-');
afterAll(() => tmp.cleanup());
let exported: string;

beforeAll(async () => {
  const rows: GridRow[] = inds.map((ind) => gridRowOf(SEED_PLAN, ind, {}, {}, new Date('2026-03-15T09:00:00')));
  const bytes = await exportTemplate({ plan: SEED_PLAN, year: YEAR, department: '区住建局', rows, clerkName: '王芳', clerkPhone: '0577-63488888', exportedAt: new Date('2026-01-05T08:00:00Z'), appVersion: 'test' });
  exported = join(tmp.dir, 'exported.xlsx');
  writeFileSync(exported, bytes);
});

/** Copy 填报表 to 填报表 (2), type `original` / `copy` figures (by row offset) into each, hide the original if asked. */
async function withCopy(name: string, spec: { original: number[]; copy: number[]; hideOriginal?: boolean }): Promise<InterpretedWorkbook> {
  const out = join(tmp.dir, name);
  runPython(
    `
import json, sys, openpyxl
spec = json.loads(sys.argv[3])
wb = openpyxl.load_workbook(sys.argv[1])
src = wb[${JSON.stringify(SHEET_RETURN)}]
dup = wb.copy_worksheet(src)
dup.title = ${JSON.stringify(`${SHEET_RETURN} (2)`)}
for sheet, figures in ((src, spec['original']), (dup, spec['copy'])):
    for i, v in enumerate(figures):
        sheet[f"${actualCol}{${FIRST_DATA_ROW} + i}"] = v
if spec.get('hideOriginal'):
    src.sheet_state = 'hidden'
    wb.active = wb.sheetnames.index(dup.title)
wb.save(sys.argv[2])
`,
    [exported, out, JSON.stringify(spec)],
  );
  return readAndInterpret(readFileSync(out), out, SEED_PLAN);
}
const actuals = (book: InterpretedWorkbook) => inds.slice(0, 3).map((ind) => book.rows.find((r) => r.indicatorId === ind.id)?.values[String(YEAR)]?.actual ?? null);
const keys = (book: InterpretedWorkbook) => book.issues.map((i) => `${i.sheet}!${i.cell} ${i.message.key}`);

describe('a copied 填报表 sheet in our template', () => {
  it('figures typed only into the copy are read', async () => {
    const book = await withCopy('copy-only.xlsx', { original: [], copy: [11, 1062, 223] });
    expect(book.path).toBe('template');
    expect(actuals(book)).toEqual([11, 1062, 223]);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Read from a second sheet where the first is blank: said once, with the count.
    expect(book.issues.filter((i) => i.message.key === 'import.filled-from-sheet').map((i) => [i.message.params.blank, i.message.params.count])).toEqual([[SHEET_RETURN, 3]]);
  });

  it('the original hidden with old figures: the visible copy is read, each old figure named', async () => {
    const book = await withCopy('hidden-original.xlsx', { original: [10, 1000, 220], copy: [11, 1062, 220], hideOriginal: true });
    expect(actuals(book)).toEqual([11, 1062, 220]);
    // Nothing of the hidden original is read (its agreeing figures are read from the copy): not "read anyway".
    expect(keys(book)).not.toContain(`${SHEET_RETURN}!A1 import.hidden-sheet`);
    expect(book.issues.filter((i) => i.message.key === 'import.superseded-row').map((i) => i.message.params.hidden)).toEqual([
      `${SHEET_RETURN}!${actualCol}${FIRST_DATA_ROW}`,
      `${SHEET_RETURN}!${actualCol}${FIRST_DATA_ROW + 1}`,
    ]);
  });

  it('both visible and disagreeing: the disagreeing figures are unread, both cells named; agreeing ones read', async () => {
    const book = await withCopy('both-visible.xlsx', { original: [10, 1000, 223], copy: [11, 1062, 223] });
    expect(actuals(book)).toEqual([null, null, 223]);
    const errors = book.issues.filter((i) => i.message.key === 'import.ambiguous-value');
    expect(errors.map((i) => [i.severity, i.message.params.first, i.message.params.second])).toEqual([
      ['error', `${SHEET_RETURN}!${actualCol}${FIRST_DATA_ROW}`, `${SHEET_RETURN} (2)!${actualCol}${FIRST_DATA_ROW}`],
      ['error', `${SHEET_RETURN}!${actualCol}${FIRST_DATA_ROW + 1}`, `${SHEET_RETURN} (2)!${actualCol}${FIRST_DATA_ROW + 1}`],
    ]);
  });
});
