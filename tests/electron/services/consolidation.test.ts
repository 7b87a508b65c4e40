// Consolidation through the services the window uses, on a real database with openpyxl returns:
// conflicts shown side by side and applied only when picked, provenance on the value and in the
// history, other units' values only when ticked, aliases, bad picks refused with nothing written,
// and import history (kept files reopened, undo giving back the earlier value and its source).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';

const PLAN = 'dongtou-zyyj-2023-2027';
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

function upload(name: string, departments: string[], actuals: Record<string, number>) {
  const path = writeHandMadeReturn({ path: join(tmp.dir, name), year: 2025, departments, actuals });
  return { name, base64: readFileSync(path).toString('base64') };
}

const cell = async (id: string) => (await services.handlers.getGrid({ planId: PLAN, year: 2025, department: null })).rows.find((r) => r.indicatorId === id)!.cells['2025']!;

describe('conflicts in the window', () => {
  it('two departments disagree: both sides shown, nothing applied for the cell until picked, the rest applies', async () => {
    const a = upload('住建局.xlsx', ['区住建局'], { '4': 7, '3': 221 });
    const b = upload('民政局.xlsx', ['区民政局'], { '4': 9 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [a, b] });
    expect(batch.previews.map((p) => p.department)).toEqual(['区住建局', '区民政局']);
    expect(batch.conflicts).toHaveLength(1);
    const [pa, pb] = batch.previews as [(typeof batch.previews)[0], (typeof batch.previews)[0]];
    expect(batch.conflicts[0]).toMatchObject({
      indicatorId: 'zyyj-04',
      year: 2025,
      current: null,
      incoming: [
        { previewId: pa.previewId, value: 7, provenance: { fileName: '住建局.xlsx', department: '区住建局' } },
        { previewId: pb.previewId, value: 9, provenance: { fileName: '民政局.xlsx', department: '区民政局' } },
      ],
    });
    // The conflicting cell is not among either file's changes; the rest is.
    expect(pa.changes.map((c) => c.indicatorId)).toEqual(['zyyj-03']);
    expect(pb.changes).toEqual([]);

    const record = await services.handlers.applyImport({ previewIds: [pa.previewId, pb.previewId] });
    expect(record.files).toEqual([
      { name: '住建局.xlsx', sha256: pa.sha256, department: '区住建局', changed: 1, conflicts: 1, skipped: 0 },
      { name: '民政局.xlsx', sha256: pb.sha256, department: '区民政局', changed: 0, conflicts: 1, skipped: 0 },
    ]);
    expect((await cell('zyyj-04')).actual).toBeNull();
    expect((await cell('zyyj-03')).actual).toBe(221);

    // Imported again, now against the stored 221 from 住建局: 民政局 picked for the conflict.
    const again = await services.handlers.previewImport({ planId: PLAN, files: [a, b] });
    const picked = await services.handlers.applyImport({
      previewIds: again.previews.map((p) => p.previewId),
      resolutions: [{ indicatorId: 'zyyj-04', year: 2025, take: again.previews[1]!.previewId }],
    });
    expect(picked.changeCount).toBe(1);
    expect((await cell('zyyj-04'))).toMatchObject({ actual: 9, provenance: { source: 'imported', fileName: '民政局.xlsx', department: '区民政局', importId: picked.importId } });
    const history = await services.handlers.getCellHistory({ planId: PLAN, indicatorId: 'zyyj-04', year: 2025 });
    expect(history[0]).toMatchObject({ source: 'imported', sourceFile: '民政局.xlsx', sourceDepartment: '区民政局', newValue: '9' });

    // A later return from 住建局 saying 7 conflicts with the 民政局 value now there.
    const later = await services.handlers.previewImport({ planId: PLAN, files: [a] });
    expect(later.conflicts[0]).toMatchObject({ current: { value: 9, provenance: { department: '区民政局' } }, incoming: [{ value: 7 }] });
  });

  it('a pick for a cell that is not in conflict, or for a side that is not there, is refused and writes nothing', async () => {
    const a = upload('住建局.xlsx', ['区住建局'], { '4': 7, '3': 221 });
    const b = upload('民政局.xlsx', ['区民政局'], { '4': 9 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [a, b] });
    const ids = batch.previews.map((p) => p.previewId);
    const auditBefore = services.store.audit.count();
    const notConflict = await dispatch(services.handlers, 'applyImport', { previewIds: ids, resolutions: [{ indicatorId: 'zyyj-03', year: 2025, take: ids[0]! }] });
    expect(notConflict).toMatchObject({ ok: false, error: { code: 'refused', message: { key: 'import.not-a-conflict' } } });
    if (!notConflict.ok) expect(notConflict.error.message.en).toMatch(/not in conflict/);
    const badSide = await dispatch(services.handlers, 'applyImport', { previewIds: ids, resolutions: [{ indicatorId: 'zyyj-04', year: 2025, take: 'no-such-file' }] });
    expect(badSide).toMatchObject({ ok: false, error: { message: { key: 'import.bad-pick' } } });
    expect(services.store.audit.count()).toBe(auditBefore);
    expect((await cell('zyyj-03')).actual).toBeNull();
    expect(existsSync(join(tmp.dir, 'imports'))).toBe(false);
  });
});

describe('departments and other units', () => {
  it('other units\' values are listed apart and applied only when ticked', async () => {
    const f = upload('住建局.xlsx', ['区住房和城乡建设局'], { '3': 221, '13': 15000 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [f] });
    const p = batch.previews[0]!;
    expect(p).toMatchObject({ department: '区住建局', departmentFrom: 'line' });
    expect(p.otherUnits.map((c) => [c.indicatorId, c.newValue])).toEqual([['zyyj-13', '15000']]);
    const wrongTick = await dispatch(services.handlers, 'applyImport', { previewIds: [p.previewId], includeOtherUnits: [{ previewId: p.previewId, indicatorId: 'zyyj-03', year: 2025, field: 'actual' }] });
    expect(wrongTick).toMatchObject({ ok: false, error: { message: { key: 'import.not-other-unit' } } });
    const record = await services.handlers.applyImport({ previewIds: [p.previewId], includeOtherUnits: [{ previewId: p.previewId, indicatorId: 'zyyj-13', year: 2025, field: 'actual' }] });
    expect(record.files[0]).toMatchObject({ changed: 2, skipped: 0 });
    expect((await cell('zyyj-13')).actual).toBe(15000);
  });

  it('aliases from settings name departments; an unknown name is said plainly and the return is 未指定单位; a chosen department fills the gap', async () => {
    const bad = await dispatch(services.handlers, 'saveDepartmentAliases', { 住建: '区水利局' });
    expect(bad).toMatchObject({ ok: false, error: { message: { key: 'error.bad-alias' } } });
    expect(await services.handlers.saveDepartmentAliases({ 住建: '区住建局' })).toEqual({ 住建: '区住建局' });
    const aliased = upload('a.xlsx', ['住建'], { '3': 221 });
    const unknown = upload('b.xlsx', ['区水利局'], { '3': 222 });
    const bare = upload('c.xlsx', [], { '3': 223 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [aliased, unknown, { ...bare, department: '区民政局' }] });
    expect(batch.previews.map((p) => [p.department, p.departmentFrom])).toEqual([
      ['区住建局', 'line'],
      [null, 'none'],
      ['区民政局', 'chosen'],
    ]);
    expect(batch.previews[1]!.issues[0]!.message.zh).toMatch(/填报单位“区水利局”不在规划的单位名单中/);
    const refused = await dispatch(services.handlers, 'previewImport', { planId: PLAN, files: [bare], department: '区水利局' });
    expect(refused).toMatchObject({ ok: false, error: { message: { key: 'error.unknown-department' } } });
  });
});

describe('import history', () => {
  it('applied files are kept by sha256 and can be reopened; undo gives back the earlier value with its source', async () => {
    await services.handlers.saveSettings({ department: '区住建局', clerkName: '李明', clerkPhone: '', lang: 'zh' });
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-04', year: 2025, field: 'actual', text: '6' }] });
    const f = upload('民政局.xlsx', ['区民政局'], { '4': 9 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [f] });
    expect(batch.conflicts).toHaveLength(1);
    expect(batch.conflicts[0]!.current).toMatchObject({ value: 6, provenance: { source: 'typed', who: '李明', department: '区住建局' } });
    const record = await services.handlers.applyImport({ previewIds: [batch.previews[0]!.previewId], resolutions: [{ indicatorId: 'zyyj-04', year: 2025, take: batch.previews[0]!.previewId }] });
    expect(readFileSync(join(tmp.dir, 'imports', `${batch.previews[0]!.sha256}.xlsx`)).toString('base64')).toBe(f.base64);

    expect((await services.handlers.listImports({}))[0]).toMatchObject({ importId: record.importId, who: '李明', files: [{ name: '民政局.xlsx', department: '区民政局', changed: 1 }] });
    const reopened = await services.handlers.reopenImport({ planId: PLAN, importId: record.importId });
    expect(reopened.previews[0]).toMatchObject({ fileName: '民政局.xlsx', sha256: batch.previews[0]!.sha256, department: '区民政局', unchanged: 1 });

    await services.handlers.undoImport({ importId: record.importId });
    expect(await cell('zyyj-04')).toMatchObject({ actual: 6, provenance: { source: 'typed', who: '李明', department: '区住建局' } });
  });
});

describe('provenance in the exported workbook', () => {
  it('the meta sheet carries each reporting-year figure\'s source', async () => {
    const f = upload('住建局.xlsx', ['区住建局'], { '3': 221 });
    const batch = await services.handlers.previewImport({ planId: PLAN, files: [f] });
    await services.handlers.applyImport({ previewIds: [batch.previews[0]!.previewId] });
    const exported = await services.handlers.exportWorkbook({ planId: PLAN, year: 2025, department: '区住建局' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const meta = wb.getWorksheet('_meta')!;
    const rows: string[][] = [];
    meta.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const header = rows.findIndex((r) => r[0] === 'row');
    expect(rows[header]).toEqual(['row', 'indicatorId', 'code', 'source', 'who', 'at', 'fileName', 'sha256', 'department']);
    const r3 = rows.find((r) => r[1] === 'zyyj-03')!;
    expect(r3.slice(3)).toEqual(['imported', expect.any(String), '2026-03-15T01:00:00.000Z', '住建局.xlsx', batch.previews[0]!.sha256, '区住建局']);
    expect(rows.find((r) => r[1] === 'zyyj-04')!.length).toBe(3);
  });
});

describe('files previewed one by one, then consolidated', () => {
  it('consolidateImport finds the conflict between separately previewed files and applies a chosen department', async () => {
    const a = upload('住建局.xlsx', ['区住建局'], { '4': 7 });
    const bare = upload('无单位.xlsx', [], { '4': 9, '13': 15000 });
    const pa = (await services.handlers.previewImport({ planId: PLAN, files: [a] })).previews[0]!;
    const pb = (await services.handlers.previewImport({ planId: PLAN, files: [bare] })).previews[0]!;
    expect(pb).toMatchObject({ department: null, departmentFrom: 'none', otherUnits: [] });
    expect(pb.issues.map((i) => i.message.key)).toContain('import.no-department');
    // 自然资源和规划分局 co-reports 老旧小区 (4) but not 公积金 (13).
    const together = await services.handlers.consolidateImport({ previewIds: [pa.previewId, pb.previewId], departments: { [pb.previewId]: '自然资源和规划分局' } });
    expect(together.conflicts.map((c) => [c.indicatorId, c.incoming.map((s) => s.value)])).toEqual([['zyyj-04', [7, 9]]]);
    const chosen = together.previews[1]!;
    expect(chosen).toMatchObject({ previewId: pb.previewId, department: '自然资源和规划分局', departmentFrom: 'chosen' });
    expect(chosen.otherUnits.map((c) => c.indicatorId)).toEqual(['zyyj-13']);
    expect(chosen.issues.map((i) => i.message.key)).not.toContain('import.no-department');
    // A file's own department is never overridden by a choice.
    const kept = await services.handlers.consolidateImport({ previewIds: [pa.previewId], departments: { [pa.previewId]: '区民政局' } });
    expect(kept.previews[0]).toMatchObject({ department: '区住建局', departmentFrom: 'line' });
  });
});
