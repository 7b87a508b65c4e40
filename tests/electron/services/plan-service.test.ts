// The window's plan use cases through the real handlers on a real database: preview a plan table,
// create it (refused when the same plan exists, unless as new), revise from a table, edit with
// reasons, and the refusals (indicator of another plan, blank reason) that write nothing.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = SEED_PLAN.id;
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeEach(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date('2026-05-01T02:00:00Z') });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

async function exportedSeedTable() {
  const table = await services.handlers.exportPlanTable({ planId: PLAN });
  return { name: table.fileName, base64: table.base64 };
}

describe('plan tables in the window', () => {
  it('preview → the same plan is found; importing it is refused unless as new; as new it is equal to the seed', async () => {
    const h = services.handlers;
    const preview = await h.previewPlanTable({ file: await exportedSeedTable() });
    expect(preview.match).toEqual({ planId: PLAN, shortName: '住有宜居', targetChanges: [] });
    expect(preview.inferred.every((i) => i.kindReason === 'from-file')).toBe(true);
    const refused = await dispatch(h, 'importPlanTable', { draft: preview.draft! });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'conflict', message: { zh: expect.stringContaining('已有指标完全相同的规划“住有宜居”') as string } });
    expect((await h.listPlans({})).length).toBe(1);
    const created = await h.importPlanTable({ draft: preview.draft!, asNew: true });
    expect(created).toMatchObject({ shortName: '住有宜居（2）', indicatorCount: 13, years: SEED_PLAN.years });
    const plan = await h.getPlan({ planId: created.id });
    expect(plan.indicators.map((i) => [i.code, i.name, i.unit, i.kind, i.direction, i.leadUnit, i.coUnits, i.targets])).toEqual(
      SEED_PLAN.indicators.map((i) => [i.code, i.name, i.unit, i.kind, i.direction, i.leadUnit, i.coUnits, i.targets]),
    );
  });

  it('a corrected draft: the user changes a direction and a name in the preview, then creates it under another name', async () => {
    const h = services.handlers;
    const preview = await h.previewPlanTable({ file: await exportedSeedTable(), name: '住有宜居试点' });
    const draft = preview.draft!;
    expect(draft.shortName).toBe('住有宜居试点');
    draft.indicators[0] = { ...draft.indicators[0]!, name: '改名后的指标', direction: 'lower' };
    const created = await h.importPlanTable({ draft });
    const plan = await h.getPlanForEditing({ planId: created.id });
    expect(plan.indicators[0]).toMatchObject({ name: '改名后的指标', direction: 'lower', hasActuals: false });
  });

  it('revisePlanFromTable applies the differing targets with the reason; the 调整记录 lists them', async () => {
    const h = services.handlers;
    const preview = await h.previewPlanTable({ file: await exportedSeedTable() });
    const draft = preview.draft!;
    draft.indicators[6] = { ...draft.indicators[6]!, targets: { ...draft.indicators[6]!.targets, 2027: 20 } };
    expect(await h.revisePlanFromTable({ planId: PLAN, draft, reason: '按正文新增20台' })).toEqual({ changed: 1 });
    const [rev] = await h.listPlanRevisions({ planId: PLAN });
    expect(rev).toMatchObject({ entity: 'target', indicatorId: 'zyyj-07', year: 2027, oldValue: '10', newValue: '20', reason: '按正文新增20台', source: 'plan-import' });
    expect((await h.getGrid({ planId: PLAN, year: 2027, department: null })).rows[6]!.cells['2027']!.target).toBe(20);
  });
});

/** The seed's plan table with every year moved by `shift` (its header and any year in its title). */
async function seedTableForYears(shift: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from((await exportedSeedTable()).base64, 'base64') as unknown as ExcelJS.Buffer);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = cell.value.replace(/20\d\d/g, (y) => String(Number(y) + shift));
      }),
    );
  return { name: `住有宜居_${2023 + shift}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

describe('a file that is no plan table at all', () => {
  it('is refused in the clerk\'s words, as the returns import says it, never as an internal error', async () => {
    const h = services.handlers;
    const files = {
      'not a workbook': { name: '学有优教.xlsx', base64: Buffer.from('这是一个改了扩展名的文本文件').toString('base64') },
      'a damaged one': { name: '学有优教.xlsx', base64: Buffer.from('PK\u0003\u0004 cut short').toString('base64') },
    };
    for (const [what, file] of Object.entries(files)) {
      const refused = await dispatch(h, 'previewPlanTable', { file });
      const error = refused.ok ? null : refused.error;
      expect(error?.code, what).toBe('unreadable-file');
      expect(error?.message.zh, what).toMatch(/^“学有优教\.xlsx”/);
      expect(error?.message.zh, what).not.toContain('内部错误');
      // The same words as the returns import gives for the same file.
      const batch = await h.previewImport({ planId: PLAN, files: [file] });
      expect(batch.failures[0]?.message, what).toEqual(error?.message);
    }
    expect((await h.listPlans({})).length).toBe(1);
  });
});

describe('a plan table of the same indicators for another period', () => {
  for (const [period, shift] of [['2021–2025, overlapping the plan', -2], ['2028–2032, the next period', 5]] as const) {
    it(`${period}: matches no plan, cannot revise it, and says its short name is taken before creating`, async () => {
      const h = services.handlers;
      const preview = await h.previewPlanTable({ file: await seedTableForYears(shift) });
      expect(preview.draft?.years).toEqual(SEED_PLAN.years.map((y) => y + shift));
      expect(preview.match).toBeNull();
      expect(preview.issues.map((i) => [i.severity, i.message.key])).toEqual([['warning', 'plan.short-name-in-use']]);
      expect(preview.issues[0]?.message.zh).toContain('已有名为“住有宜居”的规划（2023—2027）');
      // Applied as a revision anyway (a hand-made request): refused, not one target written.
      const refused = await dispatch(h, 'revisePlanFromTable', { planId: PLAN, draft: preview.draft!, reason: '试' });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'conflict', message: { key: 'plan.other-years' } });
      expect(await h.listPlanRevisions({ planId: PLAN })).toEqual([]);
      expect((await h.getPlan({ planId: PLAN })).indicators.map((i) => i.targets)).toEqual(SEED_PLAN.indicators.map((i) => i.targets));
      // Under its own name it is a plan of its own, with its own years.
      const created = await h.importPlanTable({ draft: { ...preview.draft!, shortName: '住有宜居（下期）' } });
      expect(created).toMatchObject({ shortName: '住有宜居（下期）', years: SEED_PLAN.years.map((y) => y + shift), indicatorCount: 13 });
    });
  }
});

describe('editor refusals write nothing', () => {
  it('an indicator of another plan, a blank reason, a range upside down', async () => {
    const h = services.handlers;
    const copy = await h.copyPlanToPeriod({ planId: PLAN, years: [2028, 2029, 2030, 2031, 2032], shortName: '住有宜居二期' });
    const n = services.store.audit.count();
    const other = await dispatch(h, 'revisePlanTarget', { planId: copy.id, indicatorId: 'zyyj-07', year: 2028, target: 3, reason: '原因' });
    expect(other.ok ? null : other.error.code).toBe('not-found');
    const blank = await dispatch(h, 'revisePlanTarget', { planId: PLAN, indicatorId: 'zyyj-07', year: 2027, target: 3, reason: '   ' });
    expect(blank.ok ? null : blank.error.message.en).toContain('Give a reason');
    const range = await dispatch(h, 'updatePlanIndicator', { planId: PLAN, indicatorId: 'zyyj-05', patch: { plausible: { min: 100, max: 0 } }, reason: '范围' });
    expect(range.ok ? null : range.error.code).toBe('invalid-request');
    expect(services.store.audit.count()).toBe(n);
  });

  it('an indicator with actuals says so to the editor, and retiring keeps its actual', async () => {
    const h = services.handlers;
    await h.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-10', year: 2024, field: 'actual', text: '1' }] });
    const plan = await h.getPlanForEditing({ planId: PLAN });
    expect(plan.indicators.find((i) => i.id === 'zyyj-10')?.hasActuals).toBe(true);
    await h.setPlanIndicatorRetired({ planId: PLAN, indicatorId: 'zyyj-10', retired: true, reason: '并入' });
    expect((await h.getGrid({ planId: PLAN, year: 2024, department: null })).rows.map((r) => r.indicatorId)).not.toContain('zyyj-10');
    expect((await h.getPlanForEditing({ planId: PLAN })).indicators.find((i) => i.id === 'zyyj-10')).toMatchObject({ retiredAt: '2026-05-01T02:00:00.000Z', hasActuals: true });
  });
});
