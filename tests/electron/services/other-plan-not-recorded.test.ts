// A file of another plan that would write nothing under the plan on screen is not recorded there
// (import-service.ts leaveOutOtherPlansWritingNothing): recorded, it showed as the department's
// last import of a return that was never handled (break test). Alone it is refused, zh+en, nothing
// written; beside a return of the plan it is left out and the plan's own file is recorded — also a
// return of the plan sent again, which writes nothing but is still recorded as received. Real
// services on a temporary SQLite file with two plans; returns from our exporter and openpyxl.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { ApiFailure } from '../../../shared/errors';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN_ID, addSecondPlan } from '../../helpers/second-plan';
import { writeHandMadeReturn } from '../../helpers/returns';
import { makeTempDir } from '../../helpers/tmp';
import { cliInProcess } from '../../helpers/cli';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let foreign = '';
beforeAll(async () => {
  tmp = makeTempDir('other-plan-rec-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
  addSecondPlan(services.store);
  const exported = await services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: null });
  foreign = join(tmp.dir, 'xyyj.xlsx');
  writeFileSync(foreign, Buffer.from(exported.base64, 'base64'));
}, 120_000);
afterAll(() => {
  services.close();
  tmp.cleanup();
});

const file = (path: string) => ({ name: path.split('/').pop() as string, base64: readFileSync(path).toString('base64') });

describe('a file of another plan that writes nothing here', () => {
  it('alone: refused in both languages, no import recorded', async () => {
    const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [file(foreign)] });
    expect(batch.previews[0]?.plan?.planId).toBe(SECOND_PLAN_ID);
    expect(batch.previews[0]?.changes).toEqual([]);
    const error = await Promise.resolve().then(() => services.handlers.applyImport({ previewIds: batch.previews.map((p) => p.previewId) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    const message = (error as ApiFailure).appMessage;
    expect(message.key).toBe('import.other-plan-nothing');
    expect(message.zh).toContain('文件属于另一规划：学有优教《');
    expect(message.en).toContain('belongs to another plan, 学有优教《');
    expect(await services.handlers.listImports({})).toEqual([]);
  });

  it('from the command line: exit 2 ("nothing done"), the same words, no import recorded', async () => {
    const run = await cliInProcess('import', foreign, '--db', join(tmp.dir, 'db.sqlite'), '--plan', SEED_PLAN.id);
    expect(run.code).toBe(2);
    expect(run.err).toContain('文件属于另一规划：学有优教《');
    expect(await services.handlers.listImports({})).toEqual([]);
  });

  it('beside a return of the plan: left out, the plan\'s own file recorded with its change', async () => {
    const own = writeHandMadeReturn({ path: join(tmp.dir, 'zjj.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 88 } });
    const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [file(foreign), file(own)] });
    const record = await services.handlers.applyImport({ previewIds: batch.previews.map((p) => p.previewId) });
    expect(record.files.map((f) => [f.name, f.changed])).toEqual([['zjj.xlsx', 1]]);

    // The plan's own return sent again writes nothing and is still recorded; the foreign one is not.
    const again = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [file(foreign), file(own)] });
    const second = await services.handlers.applyImport({ previewIds: again.previews.map((p) => p.previewId) });
    expect(second.files.map((f) => [f.name, f.changed])).toEqual([['zjj.xlsx', 0]]);
    expect((await services.handlers.listImports({})).flatMap((r) => r.files.map((f) => f.name))).not.toContain('xyyj.xlsx');
  });
});
