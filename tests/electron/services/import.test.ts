// Importing real LibreOffice-made returns through the services on a real database: preview writes
// nothing, apply is one transaction with audit rows naming the file and its sha256, targets that
// differ are reported and never applied, a plan table changes no actual, and undo is whole-or-nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { FIRST_DATA_ROW, templateColumns } from '../../../electron/workbook/template-format';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { sha256 } from '../../../electron/services/import-service';
import { dispatch } from '../../../shared/api/dispatch';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = 'dongtou-zyyj-2023-2027';
const FIXTURES = join(__dirname, '../../fixtures/returns');
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date('2026-03-15T09:00:00+08:00') });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

function upload(name: string) {
  const bytes = readFileSync(join(FIXTURES, name));
  return { name, base64: bytes.toString('base64'), sha: sha256(bytes) };
}

function actualsTable(): { indicator_id: string; year: number; value: number | null; note: string | null }[] {
  return services.store.db.prepare('SELECT indicator_id, year, value, note FROM actuals ORDER BY indicator_id, year').all() as never;
}

describe('import through the services', () => {
  it('preview writes nothing; apply writes every change with file and sha256; undo restores', async () => {
    const a = upload('a-title-two-row-header.xlsx');
    const auditBefore = services.store.audit.count();
    const { previews, failures } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: a.name, base64: a.base64 }] });
    expect(failures).toEqual([]);
    expect(previews).toHaveLength(1);
    const p = previews[0]!;
    expect(p).toMatchObject({ fileName: a.name, sha256: a.sha, format: 'xlsx', kind: 'return' });
    expect(p.changes.length).toBeGreaterThan(0);
    expect(actualsTable()).toEqual([]);
    expect(services.store.audit.count()).toBe(auditBefore);

    // The formula actual (=850+210, cached 1060) and the percent-formatted 0.875 → 87.5 arrive as numbers.
    const change = (id: string, year: number, field = 'actual') => p.changes.find((c) => c.indicatorId === id && c.year === year && c.field === field);
    expect(change('zyyj-02', 2025)).toMatchObject({ oldValue: null, newValue: '1060' });
    expect(change('zyyj-05', 2025)).toMatchObject({ newValue: '87.5' });
    for (const c of p.changes) expect(c.cell).toMatch(/^.+!\$?[A-Z]+\$?\d+$/);

    const record = await services.handlers.applyImport({ previewIds: [p.previewId] });
    expect(record).toMatchObject({ changeCount: p.changes.length, undone: false, files: [{ name: a.name, sha256: a.sha }] });
    const written = services.store.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE entity IN ('actual','note') AND source = 'imported' AND source_file = ? AND source_sha256 = ? AND import_id = ?")
      .get(a.name, a.sha, record.importId) as { n: number };
    expect(written.n).toBe(p.changes.length);
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: null });
    expect(grid.rows.find((r) => r.indicatorId === 'zyyj-02')!.cells['2025']).toMatchObject({ actual: 1060, status: 'met' });

    // The preview is used up: applying it twice is refused.
    const again = await dispatch(services.handlers, 'applyImport', { previewIds: [p.previewId] });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const undone = await services.handlers.undoImport({ importId: record.importId });
    expect(undone.undone).toBe(true);
    expect(actualsTable().every((r) => r.value === null && r.note === null)).toBe(true);
    const twice = await dispatch(services.handlers, 'undoImport', { importId: record.importId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('undo refuses, and writes nothing, when a cell was edited after the import', async () => {
    const a = upload('a-title-two-row-header.xlsx');
    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: a.name, base64: a.base64 }] });
    const record = await services.handlers.applyImport({ previewIds: [previews[0]!.previewId] });
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1075' }] });
    const before = actualsTable();
    const r = await dispatch(services.handlers, 'undoImport', { importId: record.importId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message.zh).toMatch(/未撤销/);
    expect(actualsTable()).toEqual(before);
    expect((await services.handlers.listImports({}))[0]).toMatchObject({ importId: record.importId, undone: false });
  });

  it('apply compares with the database at apply time, not at preview time', async () => {
    const a = upload('a-title-two-row-header.xlsx');
    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: a.name, base64: a.base64 }] });
    // Between preview and apply, the clerk types the same figure the file carries.
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1060' }] });
    const record = await services.handlers.applyImport({ previewIds: [previews[0]!.previewId] });
    expect(record.changeCount).toBe(previews[0]!.changes.length - 1);
    const history = await services.handlers.getCellHistory({ planId: PLAN, indicatorId: 'zyyj-02', year: 2025 });
    expect(history.map((h) => h.source)).toEqual(['typed']);
  });

  it('a target that differs from the plan is reported with its cell and never applied', async () => {
    const exported = await services.handlers.exportWorkbook({ planId: PLAN, year: 2025, department: '区住建局' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('填报表')!;
    const cols = templateColumns(SEED_PLAN.years);
    const c2025 = cols.yearCols.find((c) => c.year === 2025)!;
    // Row of indicator 7 (加装电梯): the clerk "corrects" the 2025 target to 12 and reports 7.
    let row = FIRST_DATA_ROW;
    while (ws.getRow(row).getCell(cols.id).text !== 'zyyj-07') row += 1;
    ws.getRow(row).getCell(c2025.target).value = 12;
    ws.getRow(row).getCell(c2025.actual).value = 7;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: 'edited.xlsx', base64: bytes.toString('base64') }] });
    const p = previews[0]!;
    expect(p.targetDiffs).toEqual([
      { indicatorId: 'zyyj-07', code: '7', name: '住宅加装电梯累计数量（台）', year: 2025, planTarget: 6, fileTarget: 12, cell: expect.stringMatching(new RegExp(`^填报表!\\$?[A-Z]+\\$?${row}$`)) as unknown as string },
    ]);
    await services.handlers.applyImport({ previewIds: [p.previewId] });
    const plan = await services.handlers.getPlan({ planId: PLAN });
    expect(plan.indicators.find((i) => i.id === 'zyyj-07')!.targets['2025']).toBe(6);
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: '区住建局' });
    expect(grid.rows.find((r) => r.indicatorId === 'zyyj-07')!.cells['2025']).toMatchObject({ target: 6, actual: 7, status: 'met' });
  });

  it('a targets-only table is a plan: its targets are compared, never applied, and no actual changes', async () => {
    const f = upload('f-seed-targets-only.xls');
    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: f.name, base64: f.base64 }] });
    const p = previews[0]!;
    expect(p).toMatchObject({ kind: 'plan', format: 'xls', changes: [], targetDiffs: [], unmatched: [] });
  });

  it('several files in one batch, one unreadable: the readable ones preview, the other is listed with its reason', async () => {
    const b = upload('b-single-row-header-text-numbers.xls');
    const c = upload('c-plan-wording-shuffled-hidden.xlsx');
    const broken = { name: '坏文件.xlsx', base64: Buffer.from('not a workbook at all').toString('base64') };
    const { previews, failures } = await services.handlers.previewImport({ planId: PLAN, files: [b, c, broken].map(({ name, base64 }) => ({ name, base64 })) });
    expect(previews.map((p) => p.fileName)).toEqual([b.name, c.name]);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.fileName).toBe('坏文件.xlsx');
    expect(failures[0]!.message.zh).toMatch(/坏文件\.xlsx/);
    const record = await services.handlers.applyImport({ previewIds: previews.map((p) => p.previewId) });
    expect(record.files.map((f) => f.name)).toEqual([b.name, c.name]);
    expect(record.changeCount).toBeGreaterThan(0);
  });
});
