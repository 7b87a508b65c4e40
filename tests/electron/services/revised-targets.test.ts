// Revised targets in the grid (issue 14 part 2): after a target revision the grid's cell carries
// the target before it (原目标) beside the revised one, and its status follows the revised target;
// a second revision keeps the first target as the original; revising back clears it. Real services
// on a temporary SQLite file; revisions written by PlansRepo.setTarget (the one place targets change).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { Target } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeEach(() => {
  tmp = makeTempDir('revised-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

function revise(indicatorId: string, year: number, target: Target): void {
  services.store.transaction(() => services.store.plans.setTarget(indicatorId, year, target, { who: '陈静', at: '2026-03-10T08:00:00.000Z', source: 'plan-editor' }));
}

async function cell(indicatorId: string, year: number) {
  const grid = await services.handlers.getGrid({ planId: SEED_PLAN.id, year, department: null });
  return grid.rows.find((r) => r.indicatorId === indicatorId)!.cells[String(year)]!;
}

describe('a revised target in the grid', () => {
  it('shows 原目标 beside the revised target, and the status follows the revised one', async () => {
    // 住宅小区专业物业服务覆盖率 2025: target 90; 89 reported is missed.
    await services.handlers.saveCells({ planId: SEED_PLAN.id, source: 'typed', edits: [{ indicatorId: 'zyyj-05', year: 2025, field: 'actual', text: '89' }] });
    expect(await cell('zyyj-05', 2025)).toMatchObject({ target: 90, status: 'missed' });
    expect((await cell('zyyj-05', 2025)).originalTarget).toBeUndefined();

    revise('zyyj-05', 2025, 88);
    expect(await cell('zyyj-05', 2025)).toMatchObject({ target: 88, originalTarget: 90, status: 'met' });
    // Other cells are untouched.
    expect((await cell('zyyj-05', 2026)).originalTarget).toBeUndefined();

    // A save answers with the cell as the grid shows it: the original target stays on it.
    const saved = await services.handlers.saveCells({ planId: SEED_PLAN.id, source: 'typed', edits: [{ indicatorId: 'zyyj-05', year: 2025, field: 'actual', text: '87' }] });
    expect(saved.results[0]?.cell).toMatchObject({ target: 88, originalTarget: 90, status: 'missed' });

    revise('zyyj-05', 2025, '/');
    expect(await cell('zyyj-05', 2025)).toMatchObject({ target: '/', originalTarget: 90, status: 'no-target' });
    revise('zyyj-05', 2025, 90);
    expect((await cell('zyyj-05', 2025)).originalTarget).toBeUndefined();
  });

  it('a "/" of the plan revised to a number shows "/" as the original', async () => {
    revise('zyyj-06', 2027, 5);
    expect(await cell('zyyj-06', 2027)).toMatchObject({ target: 5, originalTarget: '/' });
  });
});
