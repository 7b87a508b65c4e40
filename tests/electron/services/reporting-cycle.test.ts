// The reporting cycle on a real database file: submit refused then accepted after the note, send back
// (reason required) → reopened, lock refuses typing/paste/setTarget/import with its reason, unlock
// with a reason, a year-wide lock, the deadline and overdue days with a fixed clock, audit rows,
// and bad input (unknown department or year) refused with nothing written.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { changeState, departmentYearState, setDeadline, setMissNoteRequired, yearStates } from '../../../electron/services/reporting-service';
import { ApiFailure } from '../../../shared/api/result';
import { WITHDRAWN_REASON } from '../../../electron/store/repositories/reporting-repo';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = 'dongtou-zyyj-2023-2027';
const FUND = '市住房公积金洞头分中心'; // leads zyyj-13 only (2025 target 15460)
const NOW = new Date('2026-03-15T09:00:00+08:00');
const CTX = { who: '协调办', at: NOW.toISOString() };
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => NOW });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

/** What failed, as the clerk reads it (zh) — or null when `fn` did not fail. */
function refusal(fn: () => unknown): { zh: string; en: string; key: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return error.appMessage;
  }
}

function type(indicatorId: string, field: 'actual' | 'note', text: string) {
  return services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId, year: 2025, field, text }] }) as ReturnType<typeof services.handlers.saveCells> & Promise<{ results: { ok: boolean; refusal?: string; error?: { zh: string; en: string } }[] }>;
}

function cycleAudit(): { field: string; old_value: string; new_value: string; reason: string | null; who: string }[] {
  const raw = new Database(services.dbPath, { readonly: true });
  try {
    return raw.prepare("SELECT field, old_value, new_value, reason, who FROM audit_log WHERE entity = 'reporting' ORDER BY id").all() as never;
  } finally {
    raw.close();
  }
}

describe('a department-year through the cycle', () => {
  it('not started → in progress → submit refused for a miss without a note → accepted after the note', async () => {
    const store = services.store;
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW)).toMatchObject({ state: 'not-started', deadline: '2026-01-31', deadlineIsDefault: true, overdueDays: 43, lock: null });
    await type('zyyj-13', 'actual', '15000');
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW).state).toBe('in-progress');

    const refused = refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW));
    expect(refused?.zh).toContain('13.住房公积金年末实缴职工人数（未达标，缺说明）');
    expect(refused?.en).toContain('missed, no note');
    expect(cycleAudit()).toEqual([]);

    await type('zyyj-13', 'note', '企业缴存户减少');
    const after = changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    expect(after).toMatchObject({ state: 'submitted', overdueDays: null, lastChange: { who: '协调办', reason: null } });
    expect(cycleAudit()).toEqual([{ field: `state:${FUND}`, old_value: 'open', new_value: 'submitted', reason: null, who: '协调办' }]);
  });

  it('an empty due cell is refused; the plan setting relaxes only the note rule', async () => {
    const store = services.store;
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW))?.zh).toContain('实际值未填');
    await type('zyyj-13', 'actual', '15000');
    setMissNoteRequired(store, PLAN, false, CTX);
    expect(changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW)?.state).toBe('submitted');
  });

  it('send back needs a reason and reopens; resubmitted; a second submit is refused', async () => {
    const store = services.store;
    await type('zyyj-13', 'actual', '16000');
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    const noReason = refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '  ' }, CTX, NOW));
    expect(noReason).toMatchObject({ zh: '退回修改必须填写原因。未做任何改动', en: 'To send back a reason is required. Nothing was changed' });
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW))?.zh).toContain('当前为“已提交”，不能提交');

    const back = changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '人数与社保口径不一致' }, CTX, NOW);
    expect(back).toMatchObject({ state: 'returned', overdueDays: 43, lastChange: { reason: '人数与社保口径不一致' } });
    // Returned is open for correction: typing works.
    expect((await type('zyyj-13', 'actual', '16100')).results[0]?.ok).toBe(true);
    expect(changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW)?.state).toBe('submitted');
    expect(cycleAudit().map((a) => [a.old_value, a.new_value, a.reason])).toEqual([
      ['open', 'submitted', null],
      ['submitted', 'returned', '人数与社保口径不一致'],
      ['returned', 'submitted', null],
    ]);
  });
});

describe('a change after submitting', () => {
  it('typing or importing into a submitted year withdraws the submission (audited); a returned year stays returned', async () => {
    const store = services.store;
    await type('zyyj-13', 'actual', '16000');
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    // Unchanged text writes nothing, so the submission stands.
    await type('zyyj-13', 'actual', '16000');
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW).state).toBe('submitted');
    // A real change (here a miss without a note, which the submit check would refuse) withdraws it.
    expect((await type('zyyj-13', 'actual', '15000')).results[0]?.ok).toBe(true);
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW)).toMatchObject({ state: 'in-progress', overdueDays: 43 });
    expect(cycleAudit().at(-1)).toMatchObject({ old_value: 'submitted', new_value: 'open', reason: WITHDRAWN_REASON });
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW))?.zh).toContain('缺说明');

    // The same through an import of the department's return.
    await type('zyyj-13', 'note', '企业缴存户减少');
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    const { writeHandMadeReturn } = await import('../../helpers/returns');
    const { readFileSync } = await import('node:fs');
    const path = writeHandMadeReturn({ path: join(tmp.dir, '公积金.xlsx'), year: 2025, departments: [FUND], actuals: { '13': 15800 } });
    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: '公积金.xlsx', base64: readFileSync(path).toString('base64') }] });
    await services.handlers.applyImport({ previewIds: previews.map((p) => p.previewId) });
    expect(store.actuals.get('zyyj-13', 2025).value).toBe(15800);
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW).state).toBe('in-progress');

    // Sent back for correction: correcting it keeps it 已退回 until resubmitted.
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '口径' }, CTX, NOW);
    await type('zyyj-13', 'actual', '15900');
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW).state).toBe('returned');
  });
});

describe('a lock', () => {
  it('refuses typing and paste with its reason, and setTarget; unlock needs a reason and restores the state before', async () => {
    const store = services.store;
    await type('zyyj-13', 'actual', '16000');
    changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW);
    const locked = changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'lock', reason: '年度数据已审定' }, CTX, NOW);
    expect(locked).toMatchObject({ state: 'locked', lock: { department: FUND, who: '协调办', reason: '年度数据已审定' } });

    const typed = await type('zyyj-13', 'actual', '17000');
    expect(typed.results[0]).toMatchObject({ ok: false, refusal: 'locked' });
    expect(typed.results[0]?.error?.zh).toBe(`${FUND} 2025 年度已于 2026-03-15 由 协调办 锁定（原因：年度数据已审定），不能修改。如需修改，请先解锁（解锁须填写原因）`);
    expect(typed.results[0]?.error?.en).toContain('was locked by 协调办 on 2026-03-15 (reason: 年度数据已审定)');
    // A paste block: the locked cell refused, another department's cell saved.
    const pasted = await services.handlers.saveCells({
      planId: PLAN,
      source: 'pasted',
      edits: [
        { indicatorId: 'zyyj-13', year: 2025, field: 'note', text: '补充' },
        { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1050' },
      ],
    });
    expect(pasted.results.map((r) => [r.ok, r.refusal])).toEqual([[false, 'locked'], [true, undefined]]);
    // Other years of the department are not locked.
    expect((await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-13', year: 2024, field: 'actual', text: '15000' }] })).results[0]?.ok).toBe(true);
    // The grid marks the locked cells with the reason.
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: FUND });
    expect(grid.rows[0]?.cells['2025']?.locked?.zh).toContain('年度数据已审定');
    expect(grid.rows[0]?.cells['2024']?.locked).toBeUndefined();
    // setTarget refuses with the reason; nothing written.
    const target = refusal(() => store.transaction(() => store.plans.setTarget('zyyj-13', 2025, 99999, { ...CTX, source: 'settings' })));
    expect(target?.zh).toContain('不能修改');
    expect(store.plans.getPlan(PLAN).indicators.find((i) => i.id === 'zyyj-13')?.targets[2025]).toBe(15460);
    expect(store.actuals.get('zyyj-13', 2025)).toMatchObject({ value: 16000, note: null });

    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'unlock' }, CTX, NOW))?.en).toBe('To unlock a reason is required. Nothing was changed');
    const unlocked = changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'unlock', reason: '更正公积金人数' }, CTX, NOW);
    expect(unlocked).toMatchObject({ state: 'submitted', lock: null });
    expect((await type('zyyj-13', 'actual', '17000')).results[0]?.ok).toBe(true);
    // Unlocked back to 已提交; the correction typed then withdraws the submission (submit again).
    expect(cycleAudit().slice(-3).map((a) => [a.old_value, a.new_value, a.reason])).toEqual([
      ['submitted', 'locked', '年度数据已审定'],
      ['locked', 'submitted', '更正公积金人数'],
      ['submitted', 'open', WITHDRAWN_REASON],
    ]);
  });

  it('a year-wide lock locks every department; department actions are refused until the year is unlocked', async () => {
    const store = services.store;
    changeState(store, { planId: PLAN, year: 2025, department: null, action: 'lock' }, CTX, NOW);
    expect(yearStates(store, PLAN, 2025, NOW).every((s) => s.state === 'locked' && s.lock?.department === null)).toBe(true);
    const typed = await type('zyyj-02', 'actual', '1050');
    expect(typed.results[0]?.error?.zh).toContain('2025 年度（全部单位）已于');
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, CTX, NOW))?.zh).toContain('2025 年度已整体锁定');
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: null, action: 'submit' }, CTX, NOW))?.zh).toContain('须指定单位');
    expect(refusal(() => changeState(store, { planId: PLAN, year: 2025, department: null, action: 'lock' }, CTX, NOW))?.zh).toContain('不能锁定');
    changeState(store, { planId: PLAN, year: 2025, department: null, action: 'unlock', reason: '补报' }, CTX, NOW);
    expect((await type('zyyj-02', 'actual', '1050')).results[0]?.ok).toBe(true);
    expect(cycleAudit().map((a) => [a.field, a.new_value, a.reason])).toEqual([['state:*', 'locked', null], ['state:*', 'open', '补报']]);
  });
});

describe('deadline and bad input', () => {
  it('an edited deadline moves the overdue days; a bad date is refused', () => {
    const store = services.store;
    setDeadline(store, PLAN, 2025, '2026-03-10', CTX);
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW)).toMatchObject({ deadline: '2026-03-10', deadlineIsDefault: false, overdueDays: 5 });
    setDeadline(store, PLAN, 2025, '2026-03-31', CTX);
    expect(departmentYearState(store, PLAN, 2025, FUND, NOW).overdueDays).toBeNull();
    expect(refusal(() => setDeadline(store, PLAN, 2025, '2026-02-30', CTX))?.zh).toContain('不是有效日期');
    const early = refusal(() => setDeadline(store, PLAN, 2025, '2024-12-31', CTX));
    expect(early?.zh).toBe('截止日期 2024-12-31 早于 2025 年度开始，不能作为该年度的报送截止日期。未做任何改动');
    expect(early?.en).toContain('before 2025 has even begun');
    setDeadline(store, PLAN, 2025, '2025-01-01', CTX);
    setDeadline(store, PLAN, 2025, '2026-03-31', CTX);
    expect(store.reporting.deadline(PLAN, 2025).deadline).toBe('2026-03-31');
    expect(cycleAudit().map((a) => [a.field, a.old_value, a.new_value])).toEqual([
      ['deadline', '2026-01-31', '2026-03-10'],
      ['deadline', '2026-03-10', '2026-03-31'],
      ['deadline', '2026-03-31', '2025-01-01'],
      ['deadline', '2025-01-01', '2026-03-31'],
    ]);
  });

  it('an unknown department or year is refused in both languages, nothing written', () => {
    const store = services.store;
    const dept = refusal(() => changeState(store, { planId: PLAN, year: 2025, department: '区不存在局', action: 'lock' }, CTX, NOW));
    expect(dept).toMatchObject({ zh: '找不到单位“区不存在局”', en: 'No department "区不存在局"' });
    const year = refusal(() => changeState(store, { planId: PLAN, year: 2031, department: FUND, action: 'lock' }, CTX, NOW));
    expect(year).toMatchObject({ zh: '2031 年不在规划年度范围内', en: '2031 is not a year of the plan' });
    expect(cycleAudit()).toEqual([]);
  });
});

describe('an import into a locked department-year', () => {
  it('the preview marks the locked cells and apply writes nothing for them; all-locked is refused with nothing written', async () => {
    const { writeHandMadeReturn } = await import('../../helpers/returns');
    const { readFileSync } = await import('node:fs');
    // A 区住建局 return with 2025 values for 老旧小区 (4, 区住建局) and 公积金 (13, led by the fund).
    const path = writeHandMadeReturn({ path: join(tmp.dir, '住建局.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '4': 6, '13': 15500 } });
    const file = { name: '住建局.xlsx', base64: readFileSync(path).toString('base64') };
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'lock', reason: '已审定' }, CTX, NOW);

    const { previews } = await services.handlers.previewImport({ planId: PLAN, files: [file] });
    const p = previews[0]!;
    expect(p.locked?.map((c) => [c.indicatorId, c.year, c.newValue])).toEqual([['zyyj-13', 2025, '15500']]);
    expect([...p.changes, ...p.otherUnits].some((c) => c.indicatorId === 'zyyj-13')).toBe(false);
    expect(p.issues.find((i) => i.message.key === 'cycle.import.locked-cells')?.message.zh).toContain('1 个单元格已锁定，不会导入');
    // Tick the locked value as if it were an other-unit value: refused, it is not one.
    await expect(Promise.resolve().then(() => services.handlers.applyImport({ previewIds: [p.previewId], includeOtherUnits: [{ previewId: p.previewId, indicatorId: 'zyyj-13', year: 2025, field: 'actual' }] }))).rejects.toThrow();
    const { previews: again } = await services.handlers.previewImport({ planId: PLAN, files: [file] });
    await services.handlers.applyImport({ previewIds: [again[0]!.previewId] });
    expect(services.store.actuals.get('zyyj-04', 2025).value).toBe(6);
    expect(services.store.actuals.get('zyyj-13', 2025).value).toBeNull();

    // Lock the whole year: a return with only locked values is refused, not recorded as an import.
    changeState(services.store, { planId: PLAN, year: 2025, department: null, action: 'lock' }, CTX, NOW);
    const importsBefore = services.store.imports.list().length;
    const path2 = writeHandMadeReturn({ path: join(tmp.dir, '住建局2.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '4': 7 } });
    const { previews: locked } = await services.handlers.previewImport({ planId: PLAN, files: [{ name: '住建局2.xlsx', base64: readFileSync(path2).toString('base64') }] });
    expect(locked[0]?.changes).toEqual([]);
    const refused = await Promise.resolve()
      .then(() => services.handlers.applyImport({ previewIds: [locked[0]!.previewId] }))
      .then(() => null, (e: unknown) => (e as ApiFailure).appMessage);
    expect(refused?.zh).toContain('都属于已锁定的单元格，未导入任何内容');
    expect(refused?.en).toContain('nothing was imported');
    expect(services.store.imports.list()).toHaveLength(importsBefore);
    expect(services.store.actuals.get('zyyj-04', 2025).value).toBe(6);
  });
});
