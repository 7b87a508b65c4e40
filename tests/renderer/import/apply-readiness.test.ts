// 应用 in the import preview is offered only when it would change something or record the files
// as received (apply-readiness.ts); otherwise the hint says why. Judged on real previews: the real services on a temporary SQLite
// file, returns written by openpyxl, the batch compared as the window compares it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { applyReadiness } from '../../../renderer/src/components/import/apply-readiness';
import { conflictKey, tickKey } from '../../../renderer/src/components/import/useImportChoices';
import { UI_MESSAGES, t } from '../../../renderer/src/i18n/catalogue';
import { ct, ctCount } from '../../../renderer/src/i18n/consolidation-messages';
import { renderCount } from '../../../shared/i18n/engine';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { writeHandMadeReturn } from '../../helpers/returns';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeAll(() => {
  tmp = makeTempDir('apply-ready-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

const NONE = new Map<string, string>();
const NO_TICKS = new Set<string>();

async function preview(...files: string[]) {
  const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: files.map((f) => ({ name: f.split('/').pop()!, base64: readFileSync(f).toString('base64') })) });
  expect(batch.failures).toEqual([]);
  return services.handlers.consolidateImport({ previewIds: batch.previews.map((p) => p.previewId), departments: {} });
}

describe('whether 应用 would change anything', () => {
  it('a return with new figures can be applied; the same return again changes nothing, and says so', async () => {
    const file = writeHandMadeReturn({ path: join(tmp.dir, 'housing.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 88, '2': 1100 } });
    const first = await preview(file);
    expect(applyReadiness(first.previews, first.conflicts, NONE, NO_TICKS)).toEqual({ writes: 2, block: null, recordsOnly: false });
    await services.handlers.applyImport({ previewIds: first.previews.map((p) => p.previewId) });

    const again = await preview(file);
    expect(again.previews[0]!.changes).toEqual([]);
    expect(again.previews[0]!.unchanged).toBe(2);
    // Still offered, to record the file as received (the office replies to it from 修改记录).
    expect(applyReadiness(again.previews, again.conflicts, NONE, NO_TICKS, SEED_PLAN.id)).toEqual({ writes: 0, block: 'nothing', recordsOnly: true });
    expect(t('zh', 'import.apply-records-only')).toContain('只记录已收到这些文件');
    expect(t('en', 'import.apply-records-only')).toContain('only records these files as received');
    const before = (await services.handlers.listImports({})).length;
    await services.handlers.applyImport({ previewIds: again.previews.map((p) => p.previewId) });
    const records = await services.handlers.listImports({});
    expect(records).toHaveLength(before + 1);
    expect(records.map((r) => r.changeCount)).toContain(0);
    // Under another plan on screen the same file is not recorded: it names a plan that is not this one.
    const third = await preview(file);
    expect(applyReadiness(third.previews, third.conflicts, NONE, NO_TICKS, 'another-plan')).toEqual({ writes: 0, block: 'other-plan', recordsOnly: false });
    expect(t('zh', 'import.apply-blocked.other-plan')).toContain('请切换到该规划后再导入');
    expect(t('zh', 'import.apply-blocked.nothing')).toContain('应用不会改变任何数值');
    expect(t('en', 'import.apply-blocked.nothing')).toContain('Applying would change nothing');
    // No file ticked: nothing to do at all.
    expect(applyReadiness([], [], NONE, NO_TICKS)).toEqual({ writes: 0, block: 'no-file', recordsOnly: false });
  });

  it('only another department\'s values: not until one is ticked', async () => {
    // 13 (住房公积金…) is led by the 公积金中心, not by 区住建局.
    const file = writeHandMadeReturn({ path: join(tmp.dir, 'other.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '13': 15000 } });
    const batch = await preview(file);
    const p = batch.previews[0]!;
    expect(p.changes).toEqual([]);
    expect(p.otherUnits).toHaveLength(1);
    expect(applyReadiness(batch.previews, batch.conflicts, NONE, NO_TICKS)).toMatchObject({ block: 'other-units', recordsOnly: true });
    expect(applyReadiness(batch.previews, batch.conflicts, NONE, new Set([tickKey(p.previewId, p.otherUnits[0]!)]))).toEqual({ writes: 1, block: null, recordsOnly: false });
  });

  it('two files disagreeing on one cell: not until a file\'s value is picked; keeping the current value changes nothing', async () => {
    const a = writeHandMadeReturn({ path: join(tmp.dir, 'a.xlsx'), year: 2024, departments: ['区住建局'], actuals: { '2': 1001 } });
    const b = writeHandMadeReturn({ path: join(tmp.dir, 'b.xlsx'), year: 2024, departments: ['区住建局'], actuals: { '2': 1002 } });
    const batch = await preview(a, b);
    expect(batch.conflicts).toHaveLength(1);
    const conflict = batch.conflicts[0]!;
    expect(applyReadiness(batch.previews, batch.conflicts, NONE, NO_TICKS)).toMatchObject({ block: 'conflicts-open', recordsOnly: false });
    const takeB = new Map([[conflictKey(conflict), batch.previews[1]!.previewId]]);
    expect(applyReadiness(batch.previews, batch.conflicts, takeB, NO_TICKS)).toEqual({ writes: 1, block: null, recordsOnly: false });
    const keep = new Map([[conflictKey(conflict), 'current']]);
    expect(applyReadiness(batch.previews, batch.conflicts, keep, NO_TICKS).block).toBe('nothing');
  });

  it('"1 value equals the current data", "1 conflict", "1 change": counts agree in English', () => {
    expect(renderCount(UI_MESSAGES, 'en', 'import.unchanged', 1)).toBe('1 value equals the current data');
    expect(renderCount(UI_MESSAGES, 'en', 'import.unchanged', 2)).toBe('2 values equal the current data');
    expect(renderCount(UI_MESSAGES, 'zh', 'import.unchanged', 1)).toBe('1 个数值与现有数据相同');
    // The preview's other counts: open conflicts, and the history's line per imported file.
    expect(ctCount('en', 'conflicts.unresolved', 1)).toBe('1 conflict not picked; it will not be written');
    expect(ctCount('en', 'conflicts.unresolved', 3)).toBe('3 conflicts not picked; they will not be written');
    const line = (lang: 'zh' | 'en', n: number) =>
      ct(lang, 'history.file-line', { name: 'a.xlsx', department: '区住建局', changed: ctCount(lang, 'history.n-changed', n), conflicts: ctCount(lang, 'history.n-conflicts', n), skipped: ctCount(lang, 'history.n-skipped', n) });
    expect(line('en', 1)).toBe('a.xlsx (区住建局): 1 change, 1 conflict left, 1 other-department value skipped');
    expect(line('en', 2)).toBe('a.xlsx (区住建局): 2 changes, 2 conflicts left, 2 other-department values skipped');
    expect(line('zh', 1)).toBe('a.xlsx（区住建局）：1 处修改，1 处冲突未处理，1 个非本单位数值未导入');
  });
});
