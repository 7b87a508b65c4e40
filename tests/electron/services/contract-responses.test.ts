// Every response schema of the contract is checked against what the real handlers return on a real
// database: each method is called once (an export is fed back as an import, an edit is refused, an
// import undone), and its answer must parse with api[method].response. A method added to the
// contract without a call here fails the last test.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { ApiMethod } from '../../../shared/api/contract';
import { API_METHODS, api } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiErrorSchema } from '../../../shared/api/result';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = 'dongtou-zyyj-2023-2027';
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
const checked = new Set<ApiMethod>();

function expectValid(method: ApiMethod, value: unknown): void {
  const parsed = api[method].response.safeParse(value);
  expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid');
  checked.add(method);
}

beforeAll(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date('2026-03-15T09:00:00+08:00') });
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

describe('responses match the contract', () => {
  it('reading, editing (saved and refused), settings', async () => {
    const h = services.handlers;
    expectValid('getBootstrap', await h.getBootstrap({}));
    expectValid('getPlan', await h.getPlan({ planId: PLAN }));
    expectValid('getGrid', await h.getGrid({ planId: PLAN, year: 2025, department: null }));
    const saved = await h.saveCells({
      planId: PLAN,
      source: 'typed',
      edits: [
        { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1012' },
        { indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '约220' },
        { indicatorId: 'zyyj-03', year: 2025, field: 'note', text: 'x'.repeat(1001) },
      ],
    });
    expectValid('saveCells', saved);
    expect(saved.results.map((r) => r.refusal)).toEqual([undefined, 'approximate', 'note-too-long']);
    expectValid('getCellHistory', await h.getCellHistory({ planId: PLAN, indicatorId: 'zyyj-02', year: 2025 }));
    expectValid('getProgress', await h.getProgress({ planId: PLAN }));
    expectValid('getDashboard', await h.getDashboard({ planId: PLAN, year: 2025 }));
    // The workbook report is made by the services; the PDF needs a printer this test does not give.
    expectValid('exportReport', await h.exportReport({ planId: PLAN, year: 2025, format: 'xlsx', lang: 'zh' }));
    const noPdf = await dispatch(h, 'exportReport', { planId: PLAN, year: 2025, format: 'pdf', lang: 'zh' });
    expect(noPdf.ok ? null : noPdf.error.message.zh).toContain('无法生成 PDF 报告');
    expectValid('saveSettings', await h.saveSettings({ department: '区住建局', clerkName: '王', clerkPhone: '', lang: 'en' }));
  });

  it('export, import preview, apply, list, undo', async () => {
    const h = services.handlers;
    const exported = await h.exportWorkbook({ planId: PLAN, year: 2025, department: '区住建局' });
    expectValid('exportWorkbook', exported);
    const previewed = await h.previewImport({ planId: PLAN, files: [{ name: exported.fileName, base64: exported.base64 }, { name: 'junk.xlsx', base64: Buffer.from('not a workbook').toString('base64') }] });
    expectValid('previewImport', previewed);
    expect(previewed.failures).toHaveLength(1);
    const ids = previewed.previews.map((p) => p.previewId);
    expectValid('keepImportPreviews', await h.keepImportPreviews({ previewIds: ids }));
    const other = await h.previewImport({ planId: PLAN, files: [{ name: exported.fileName, base64: exported.base64 }] });
    expectValid('discardImportPreviews', await h.discardImportPreviews({ previewIds: other.previews.map((p) => p.previewId) }));
    expectValid('consolidateImport', await h.consolidateImport({ previewIds: ids }));
    const record = await h.applyImport({ previewIds: previewed.previews.map((p) => p.previewId) });
    expectValid('applyImport', record);
    expectValid('listImports', await h.listImports({}));
    expectValid('reopenImport', await h.reopenImport({ planId: PLAN, importId: record.importId }));
    expectValid('undoImport', await h.undoImport({ importId: record.importId }));
    expectValid('saveDepartmentAliases', await h.saveDepartmentAliases({ 区住房和城乡建设局: '区住建局' }));
    expectValid('getDepartmentAliases', await h.getDepartmentAliases({}));
  });

  it('plans as data: list, edit with reasons, revisions, copy, export a plan table and preview/import it', async () => {
    const h = services.handlers;
    expectValid('listPlans', await h.listPlans({}));
    expectValid('getPlanForEditing', await h.getPlanForEditing({ planId: PLAN }));
    expectValid('revisePlanTarget', await h.revisePlanTarget({ planId: PLAN, indicatorId: 'zyyj-07', year: 2027, target: 20, reason: '按正文' }));
    expectValid('updatePlanIndicator', await h.updatePlanIndicator({ planId: PLAN, indicatorId: 'zyyj-05', patch: { plausible: { min: 0, max: 100 } }, reason: '合理范围' }));
    const added = await h.addPlanIndicator({
      planId: PLAN, reason: '新增',
      indicator: { code: '14', domain: '住房市场', name: '新增指标', unit: '个', kind: 'stock', direction: 'higher', tolerance: null, leadUnit: '区住建局', coUnits: [], targets: {} },
    });
    expectValid('addPlanIndicator', added);
    expectValid('setPlanIndicatorRetired', await h.setPlanIndicatorRetired({ planId: PLAN, indicatorId: added.indicatorId, retired: true, reason: '停用' }));
    expectValid('updatePlanInfo', await h.updatePlanInfo({ planId: PLAN, patch: { coordinator: '区住建局' }, reason: '机构调整' }));
    expectValid('listPlanRevisions', await h.listPlanRevisions({ planId: PLAN }));
    expectValid('copyPlanToPeriod', await h.copyPlanToPeriod({ planId: PLAN, years: [2028, 2029, 2030, 2031, 2032], shortName: '住有宜居2028' }));
    const table = await h.exportPlanTable({ planId: PLAN });
    expectValid('exportPlanTable', table);
    const preview = await h.previewPlanTable({ file: { name: table.fileName, base64: table.base64 } });
    expectValid('previewPlanTable', preview);
    expect(preview.match?.planId).toBe(PLAN);
    expectValid('revisePlanFromTable', await h.revisePlanFromTable({ planId: PLAN, draft: preview.draft!, reason: '同表' }));
    expectValid('importPlanTable', await h.importPlanTable({ draft: preview.draft!, asNew: true }));
    expectValid('setPlanYears', await h.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2028, reason: '延长规划期' }));
  });

  it('reporting cycle: contacts, 报送情况, reminders, annotated reply', async () => {
    const h = services.handlers;
    expectValid('saveDepartmentContacts', await h.saveDepartmentContacts({ 区住建局: 'zjj@example.gov.cn' }));
    expectValid('getDepartmentContacts', await h.getDepartmentContacts({}));
    expectValid('getReportingOverview', await h.getReportingOverview({ planId: PLAN, year: 2025 }));
    expectValid('draftReminders', await h.draftReminders({ planId: PLAN, year: 2025 }));
    // The export carries 1012 for zyyj-02 (target 1050, no note): a miss without a note to send back.
    const exported = await h.exportWorkbook({ planId: PLAN, year: 2025, department: '区住建局' });
    const previewed = await h.previewImport({ planId: PLAN, files: [{ name: 'return.xlsx', base64: exported.base64 }] });
    const record = await h.applyImport({ previewIds: previewed.previews.map((p) => p.previewId) });
    const file = record.files[0];
    expectValid('draftImportReply', await h.draftImportReply({ planId: PLAN, importId: record.importId, sha256: file?.sha256 ?? '' }));
  });

  it('the reporting cycle: state, year, change (department and whole year), deadline, note rule', async () => {
    const h = services.handlers;
    const fund = '市住房公积金洞头分中心';
    expectValid('getReportingState', await h.getReportingState({ planId: PLAN, year: 2024, department: fund }));
    expectValid('getReportingYear', await h.getReportingYear({ planId: PLAN, year: 2024 }));
    expectValid('setMissNoteRequired', await h.setMissNoteRequired({ planId: PLAN, required: true }));
    expectValid('setReportingDeadline', await h.setReportingDeadline({ planId: PLAN, year: 2024, deadline: '2025-02-15' }));
    expectValid('changeReportingState', await h.changeReportingState({ planId: PLAN, year: 2024, department: fund, action: 'lock', reason: null }));
    expectValid('changeReportingState', await h.changeReportingState({ planId: PLAN, year: 2024, department: null, action: 'lock' }));
    const refused = await dispatch(h, 'changeReportingState', { planId: PLAN, year: 2024, department: fund, action: 'unlock' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'refused', message: { zh: '解锁必须填写原因。未做任何改动' } });
  });

  it('a failure is an ApiError: a refusal from a handler and a malformed request alike', async () => {
    const refused = await dispatch(services.handlers, 'undoImport', { importId: 999 });
    const malformed = await dispatch(services.handlers, 'getGrid', { planId: PLAN, year: 'last' });
    for (const r of [refused, malformed]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(ApiErrorSchema.safeParse(r.error).success).toBe(true);
    }
    expect(refused.ok ? null : refused.error.code).toBe('not-found');
    expect(malformed.ok ? null : malformed.error.code).toBe('invalid-request');
  });

  it('every method of the contract was checked', () => {
    expect([...checked].sort()).toEqual([...API_METHODS].sort());
  });
});
