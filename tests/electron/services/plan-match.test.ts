// Several plans in one database (issue 14 part 3): an incoming workbook is matched to its plan — the
// plan id of its _meta sheet first, else its indicator names — and the preview says which plan it
// belongs to, or none. Real services on a temporary SQLite file with a second plan; workbooks from
// our exporter, from LibreOffice (fixtures) and from openpyxl.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN, SECOND_PLAN_ID, addSecondPlan } from '../../helpers/second-plan';
import { makeTempDir } from '../../helpers/tmp';

const FIXTURE = join(__dirname, '../../fixtures/returns/a-title-two-row-header.xlsx');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeEach(() => {
  tmp = makeTempDir('plan-match-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
  addSecondPlan(services.store);
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

async function previewUnder(planId: string, name: string, bytes: Uint8Array) {
  const batch = await services.handlers.previewImport({ planId, files: [{ name, base64: Buffer.from(bytes).toString('base64') }] });
  expect(batch.failures).toEqual([]);
  return batch.previews[0]!;
}

describe('the plan an incoming workbook belongs to', () => {
  it('a template exported from the second plan names it by its meta plan id, whichever plan is on screen', async () => {
    const exported = await services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: null });
    const bytes = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    const underSeed = await previewUnder(SEED_PLAN.id, exported.fileName, bytes);
    expect(underSeed.plan).toEqual({ planId: SECOND_PLAN_ID, title: SECOND_PLAN.title, shortName: SECOND_PLAN.shortName, by: 'meta' });
    const underOwn = await previewUnder(SECOND_PLAN_ID, exported.fileName, bytes);
    expect(underOwn.plan).toEqual({ planId: SECOND_PLAN_ID, title: SECOND_PLAN.title, shortName: SECOND_PLAN.shortName, by: 'meta' });
    // Its rows are the second plan's: under it they are matched, under the seed they are not.
    expect(underOwn.unmatched).toEqual([]);
    expect(underSeed.unmatched.length).toBe(SECOND_PLAN.indicators.length);
  });

  it('a return typed by a clerk (LibreOffice, no meta sheet) is matched to the seed plan by its indicator names', async () => {
    const preview = await previewUnder(SECOND_PLAN_ID, '住建局.xlsx', new Uint8Array(readFileSync(FIXTURE)));
    expect(preview.plan).toEqual({ planId: SEED_PLAN.id, title: SEED_PLAN.title, shortName: SEED_PLAN.shortName, by: 'names' });
  });

  it('a return whose rows name no plan\'s indicators belongs to none, and a refresh keeps the answer', async () => {
    const path = join(tmp.dir, 'other.xlsx');
    const spec = `${path}.json`;
    writeFileSync(spec, JSON.stringify({
      path, year: 2025, departments: ['区卫生健康局'],
      rows: [
        { code: '1', name: '每千人口执业（助理）医师数（人）', target: 3, actual: 3.1 },
        { code: '2', name: '县域就诊率（%）', target: 90, actual: 91 },
      ],
    }));
    execFileSync(PYTHON, [join(__dirname, '../../helpers/make-return.py'), spec]);
    const preview = await previewUnder(SEED_PLAN.id, 'other.xlsx', new Uint8Array(readFileSync(path)));
    expect(preview.plan).toBeNull();
    const again = services.handlers.consolidateImport({ previewIds: [preview.previewId] });
    expect((await again).previews[0]?.plan).toBeNull();
  });
});
