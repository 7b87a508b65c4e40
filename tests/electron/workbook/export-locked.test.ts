// A template exported for a locked department-year (or a locked whole year) protects every cell of
// 填报表 and says 已锁定 in its header; read back by openpyxl, a reader that is not ours. An
// unlocked export of the same department still leaves its reporting-year cells open (control).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { changeState } from '../../../electron/services/reporting-service';
import { python } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = 'dongtou-zyyj-2023-2027';
const NOW = new Date('2026-03-15T09:00:00+08:00');
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

const READ = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['填报表']
unlocked = [c.coordinate for row in ws.iter_rows() for c in row if c.protection is not None and c.protection.locked is False]
print(json.dumps({'title': ws['A1'].value, 'info': ws['A2'].value, 'protected': bool(ws.protection.sheet), 'unlocked': unlocked}))
`;

async function exported(department: string | null): Promise<{ title: string; info: string; protected: boolean; unlocked: string[] }> {
  const { base64 } = await services.handlers.exportWorkbook({ planId: PLAN, year: 2025, department });
  const file = join(tmp.dir, `${department ?? 'all'}-${Math.random()}.xlsx`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return JSON.parse(execFileSync(python(), ['-c', READ, file], { encoding: 'utf8' })) as never;
}

describe('export of a locked department-year', () => {
  it('protects every cell and says 已锁定 in the header; the unlocked export leaves the reporting year open', async () => {
    const open = await exported('区住建局');
    expect(open.protected).toBe(true);
    expect(open.unlocked.length).toBeGreaterThan(0);
    expect(open.title).not.toContain('已锁定');

    changeState(services.store, { planId: PLAN, year: 2025, department: '区住建局', action: 'lock', reason: '年度数据已审定' }, { who: '协调办', at: NOW.toISOString() }, NOW);
    const locked = await exported('区住建局');
    expect(locked).toMatchObject({ protected: true, unlocked: [] });
    expect(locked.title).toContain('2025年度指标填报表（已锁定）');
    expect(locked.info).toContain('状态：已锁定，不能修改（年度数据已审定）');
    // Another department's template is not locked by 区住建局's lock.
    expect((await exported('市住房公积金洞头分中心')).unlocked.length).toBeGreaterThan(0);
    // The consolidated export: 区住建局's rows protected, the fund's reporting-year cells still open.
    const all = await exported(null);
    expect(all.title).not.toContain('已锁定');
    expect(all.unlocked).toHaveLength(2);
  });

  it('a locked whole year: the consolidated template is locked throughout', async () => {
    changeState(services.store, { planId: PLAN, year: 2025, department: null, action: 'lock' }, { who: '协调办', at: NOW.toISOString() }, NOW);
    const all = await exported(null);
    expect(all).toMatchObject({ protected: true, unlocked: [] });
    expect(all.title).toContain('（已锁定）');
    expect(all.info).toContain('状态：已锁定，不能修改');
  });
});
