// A return exported from another plan is said to be so with both plans named as a clerk knows them —
// short name and title (planLabel), never the internal id while anything better is known
// (docs/ARCHITECTURE.md §Returns from another plan). Real services on a temporary SQLite file holding
// two plans; templates from our exporter, and an "old" one whose _meta names the plan by id only
// (its name rows deleted by openpyxl, as files exported before this change are).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { InspectJson } from '../../../electron/cli/inspect';
import { planLabel } from '../../../shared/domain/plan-label';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { cliInProcess } from '../../helpers/cli';
import { python } from '../../helpers/python';
import { SECOND_PLAN, SECOND_PLAN_ID, addSecondPlan } from '../../helpers/second-plan';
import { makeTempDir } from '../../helpers/tmp';

const SECOND_LABEL = '学有优教《温州市洞头区“学有优教”工程五年目标》';
const SEED_LABEL = `住有宜居《${SEED_PLAN.title}》`;

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let fresh = '';
let old = '';
beforeAll(async () => {
  tmp = makeTempDir('other-plan-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
  addSecondPlan(services.store);
  const exported = await services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: null });
  fresh = join(tmp.dir, 'xyyj.xlsx');
  writeFileSync(fresh, Buffer.from(exported.base64, 'base64'));
  old = join(tmp.dir, 'xyyj-old.xlsx');
  // A return from before _meta carried the plan's names: the same file with those rows deleted.
  execFileSync(python(), ['-c', [
    'import openpyxl, sys',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb["_meta"]',
    'rows = [c.row for c in ws["A"] if c.value in ("planShortName", "planTitle")]',
    'assert len(rows) == 2, rows',
    'ws.delete_rows(rows[0], 2)',
    'wb.save(sys.argv[2])',
  ].join('\n'), fresh, old]);
}, 120_000);
afterAll(() => {
  services.close();
  tmp.cleanup();
});

async function otherPlanWarning(path: string) {
  const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [{ name: 'x.xlsx', base64: readFileSync(path).toString('base64') }] });
  expect(batch.failures).toEqual([]);
  const warnings = batch.previews[0]!.issues.filter((i) => i.message.key === 'import.other-plan');
  expect(warnings).toHaveLength(1);
  return warnings[0]!;
}

describe('a return from another plan, named as a clerk reads it', () => {
  it('the label is the short name and the title; one of them when the other is blank; the id only as a last resort', () => {
    expect(planLabel(SECOND_PLAN)).toBe(SECOND_LABEL);
    expect(planLabel({ id: 'p', shortName: '学有优教', title: '' })).toBe('学有优教');
    expect(planLabel({ id: 'p', shortName: null, title: '某规划' })).toBe('《某规划》');
    expect(planLabel({ id: 'p', shortName: '同名', title: '同名' })).toBe('同名');
    expect(planLabel({ id: 'plan-2023-2027-31db7933' })).toBe('plan-2023-2027-31db7933');
  });

  it('the exported _meta names the plan by short name and title', () => {
    const meta = execFileSync(python(), ['-c', 'import openpyxl, sys\nws = openpyxl.load_workbook(sys.argv[1])["_meta"]\nprint("|".join(str(ws.cell(r, 2).value) for r in range(1, 30) if ws.cell(r, 1).value in ("planId", "planShortName", "planTitle")))', fresh]).toString().trim();
    expect(meta).toBe(`${SECOND_PLAN_ID}|${SECOND_PLAN.shortName}|${SECOND_PLAN.title}`);
  });

  it('the import preview names both plans in Chinese and English, not by id', async () => {
    const w = await otherPlanWarning(fresh);
    expect(w.message.zh).toBe(`文件导出自另一规划：${SECOND_LABEL}；当前规划：${SEED_LABEL}。已按指标名称匹配`);
    expect(w.message.en).toBe(`The file was exported from another plan, ${SECOND_LABEL}; the current plan is ${SEED_LABEL}. Rows were matched by indicator name`);
    expect(w.message.zh).not.toContain(SECOND_PLAN_ID);
    expect(w.message.en).not.toContain(SEED_PLAN.id);
    // The id stays in the message's params, for scripts.
    expect(w.message.params.planId).toBe(SECOND_PLAN_ID);
  });

  it('an old return naming only the plan id is named from the database that holds the plan', async () => {
    const w = await otherPlanWarning(old);
    expect(w.message.zh).toContain(`另一规划：${SECOND_LABEL}`);
    expect(w.message.en).toContain(`another plan, ${SECOND_LABEL}`);
    expect(w.message.zh).not.toContain(SECOND_PLAN_ID);
    // Still read as the other plan's return: its rows matched by name, none to this plan.
  });

  it('inspect without a database names the file\'s plan from its _meta, and an old file\'s by id (nothing else is known)', async () => {
    const newer = await cliInProcess('inspect', fresh, '--json');
    const older = await cliInProcess('inspect', old, '--json', '--lang', 'en');
    expect(newer.code).toBe(0);
    expect(older.code).toBe(0);
    const message = (run: { out: string }) => (JSON.parse(run.out) as InspectJson).issues.find((i) => i.sheet === '_meta')?.message;
    expect(message(newer)).toBe(`文件导出自另一规划：${SECOND_LABEL}；当前规划：${SEED_LABEL}。已按指标名称匹配`);
    expect(message(older)).toBe(`The file was exported from another plan, ${SECOND_PLAN_ID}; the current plan is ${SEED_LABEL}. Rows were matched by indicator name`);
  });
});
