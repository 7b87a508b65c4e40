// 导入规划表's model on real previews: plan tables typed with openpyxl (merged 领域, (%) units, 累计,
// ≤N and 降至N targets, "/", a 牵头单位 column or none), read by the real service on a real SQLite
// file. Every indicator becomes a row with the reader's reasons; a correction marks its row and
// drops the reason; the draft sent carries the name and corrections and refuses blanks; a table
// with errors offers nothing, a new one offers create, one matching the seed offers its differing
// targets (from → to) for a revision whose reason is required. Closing asks first only when there is
// work to lose: a real correction, another short name or title, a typed reason.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { PlanTablePreview } from '../../../shared/api/plan-schemas';
import { UNASSIGNED_LEAD } from '../../../shared/domain/plan-draft';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import {
  changeTargetText, correct, draftToSend, hasUnsavedWork, importChoice, previewRows, shortNameMissing,
} from '../../../renderer/src/plans/plan-table-import-model';
import { revisionReason } from '../../../renderer/src/plans/revision-reason';
import { XUE_YOU_YOU_JIAO, seedTableFromText, typePlanTable } from '../../helpers/plan-tables';
import type { TableSpec } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
const previews: Record<string, PlanTablePreview> = {};

const seed = seedTableFromText();
/** The seed's table with one target typed differently (序号 5, 2025: 90 → 92). */
const seedChanged: TableSpec = { ...seed, rows: seed.rows.map((r) => (r.code === '5' ? { ...r, targets: r.targets.map((t, i) => (i === 2 ? '92' : t)) } : r)) };
const duplicate: TableSpec = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r, i) => (i === 1 ? { ...r, code: '1' } : r)) };

beforeAll(async () => {
  tmp = makeTempDir('plan-import-model-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date('2026-03-15T01:00:00Z') });
  const specs: Record<string, TableSpec> = { xue: XUE_YOU_YOU_JIAO, seedChanged, duplicate, noLead: { ...XUE_YOU_YOU_JIAO, unitsHeader: undefined } };
  for (const [name, spec] of Object.entries(specs)) {
    const path = typePlanTable(tmp.dir, name, spec);
    previews[name] = await services.handlers.previewPlanTable({ file: { name: `${name}.xlsx`, base64: readFileSync(path).toString('base64') } });
  }
}, 60_000);
afterAll(() => {
  services?.close();
  tmp?.cleanup();
});

describe('the plan-table preview rows', () => {
  it('lists every indicator in table order with 序号, 领域, unit, kind, direction, lead, targets ("/" as /) and why each was inferred', () => {
    const rows = previewRows(previews.xue!, {}, 'zh');
    expect(rows.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows.map((r) => [r.name, r.unit, r.kind, r.kindReason, r.direction, r.directionReason])).toEqual([
      ['普惠性幼儿园在园幼儿占比', '%', 'rate', 'percent-unit', 'higher', 'default-higher'],
      ['累计新增托位数', '个', 'cumulative', 'cumulative-word', 'higher', 'default-higher'],
      ['义务教育学校专任教师本科及以上学历比例', '%', 'rate', 'percent-unit', 'higher', 'default-higher'],
      ['中小学生近视率', '%', 'rate', 'percent-unit', 'lower', 'upper-bound'],
      ['学生体质健康优良率下降率', '%', 'rate', 'percent-unit', 'higher', 'default-higher'],
      ['教师年均培训学时', '学时', 'stock', 'default-stock', 'higher', 'default-higher'],
    ]);
    expect(rows[0]!.domain).toBe(rows[1]!.domain);
    expect(rows[2]!.domain).not.toBe(rows[1]!.domain);
    expect(rows[3]!.targets.map((t) => t.text)).toEqual(['52', '51', '50', '49', '48']);
    expect(rows[5]!.targets.map((t) => t.text)).toEqual(['72', '72', '72', '/', '/']);
    expect(rows[0]!.leadUnit).toBe('区教育局');
    expect(rows[0]!.coUnits).toEqual(['区财政局']);
    expect(rows.every((r) => r.leadFromTable && r.corrected.length === 0)).toBe(true);
    expect([rows[0]!.nameCell, rows[0]!.sheetRow]).toEqual(['C3', 3]);
  });

  it('a table without a 牵头单位 column marks every lead as not from the table', () => {
    const rows = previewRows(previews.noLead!, {}, 'en');
    expect(rows.every((r) => !r.leadFromTable && r.leadUnit === UNASSIGNED_LEAD)).toBe(true);
  });

  it('a correction shows, marks its row and drops the reason; corrected back to the table it is none', () => {
    let fixes = correct({}, 4, 'direction', 'lower');
    fixes = correct(fixes, 1, 'unit', '个托位');
    const rows = previewRows(previews.xue!, fixes, 'zh');
    expect(rows[4]).toMatchObject({ direction: 'lower', directionReason: null, kindReason: 'percent-unit', corrected: ['direction'] });
    expect(rows[1]).toMatchObject({ unit: '个托位', corrected: ['unit'] });
    const back = previewRows(previews.xue!, correct(fixes, 4, 'direction', 'higher'), 'zh');
    expect(back[4]).toMatchObject({ direction: 'higher', directionReason: 'default-higher', corrected: [] });
  });
});

describe('what the preview offers and what is sent', () => {
  it('a new table: create, with the short name and corrections in the draft (texts trimmed)', () => {
    const p = previews.xue!;
    expect(importChoice(p)).toEqual({ kind: 'create' });
    expect(p.draft!.shortName).toBe('学有优教');
    const sent = draftToSend(p.draft!, ' 学有优教试点 ', correct(correct({}, 4, 'direction', 'lower'), 0, 'leadUnit', ' 区教育局 '));
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.draft.shortName).toBe('学有优教试点');
    expect(sent.draft.indicators[4]!.direction).toBe('lower');
    expect(sent.draft.indicators[0]!.leadUnit).toBe('区教育局');
    expect(sent.draft.indicators.map((i) => i.targets)).toEqual(p.draft!.indicators.map((i) => i.targets));
  });

  it('a blank short name, name or lead unit is named before anything is sent', () => {
    const sent = draftToSend(previews.xue!.draft!, '  ', correct(correct({}, 2, 'name', ' '), 3, 'leadUnit', ''));
    expect(sent).toEqual({ ok: false, problems: [{ key: 'problem.short-name' }, { key: 'problem.field', code: '3', field: 'name' }, { key: 'problem.field', code: '4', field: 'leadUnit' }] });
  });

  it('the short name is required: blank or only whitespace (incl. 全角空格) is missing, any text is not', () => {
    for (const blank of ['', '  ', '\u3000']) expect(shortNameMissing(blank)).toBe(true);
    expect(shortNameMissing(' 学有优教 ')).toBe(false);
  });

  it('a table with errors (duplicate 序号) offers nothing, and names the cell', () => {
    const p = previews.duplicate!;
    expect(importChoice(p)).toEqual({ kind: 'blocked' });
    expect(p.draft).toBeNull();
    expect(previewRows(p, {}, 'zh')).toEqual([]);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => i.cell)).toEqual(['B4']);
  });

  it('the seed typed again with one target changed matches the embedded plan and lists that target, from → to', () => {
    const choice = importChoice(previews.seedChanged!);
    expect(choice).toMatchObject({ kind: 'match', planId: SEED_PLAN.id, name: SEED_PLAN.shortName });
    if (choice.kind !== 'match') return;
    expect(choice.changes.map((c) => [c.code, c.year, changeTargetText(c.from, 'zh'), changeTargetText(c.to, 'zh')])).toEqual([['5', 2025, '90', '92']]);
    expect(changeTargetText(null, 'en')).toBe('—');
    expect(changeTargetText('/', 'en')).toBe('/');
  });

  it('a revision needs a reason (blank is none)', () => {
    expect(revisionReason('  ')).toBeNull();
    expect(revisionReason(' 区政府常务会议调整 ')).toBe('区政府常务会议调整');
  });
});

describe('work a close would lose', () => {
  it('none as read, nor for a correction put back or blank spaces; a correction, a renamed plan or a typed reason is', () => {
    const preview = previews.xue!;
    const draft = preview.draft!;
    const asRead = previewRows(preview, {}, 'zh');
    expect(hasUnsavedWork(null, [], '', '', '')).toBe(false);
    expect(hasUnsavedWork(preview, asRead, draft.shortName, draft.title, '')).toBe(false);
    expect(hasUnsavedWork(preview, asRead, ` ${draft.shortName} `, draft.title, '   ')).toBe(false);
    const back = previewRows(preview, correct({}, 4, 'direction', draft.indicators[4]!.direction), 'zh');
    expect(hasUnsavedWork(preview, back, draft.shortName, draft.title, '')).toBe(false);
    const fixed = previewRows(preview, correct({}, 4, 'direction', 'lower'), 'zh');
    expect(hasUnsavedWork(preview, fixed, draft.shortName, draft.title, '')).toBe(true);
    expect(hasUnsavedWork(preview, asRead, '学有优教2', draft.title, '')).toBe(true);
    expect(hasUnsavedWork(preview, asRead, draft.shortName, `${draft.title}（修订）`, '')).toBe(true);
    expect(hasUnsavedWork(preview, asRead, draft.shortName, draft.title, '区政府常务会议调整')).toBe(true);
  });
});
