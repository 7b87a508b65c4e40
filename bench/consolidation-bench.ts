// Consolidation benchmark: 30 returns of 13 rows from different departments, previewed (read,
// interpret, departments, diff, conflict detection across the batch) and applied in one
// transaction with every conflict settled — the whole import — against SheetJS merely reading the
// same 30 files, paired and alternated with it. Goal (issue 12): within 1.0× SheetJS.
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { GridRow } from '../shared/api/contract';
import { planDepartments } from '../shared/domain/plan';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { Store } from '../electron/store/store';
import { buildGrid } from '../electron/services/grid-service';
import { resolveByPreference } from '../electron/services/batch-import';
import { applyImports, previewFiles } from '../electron/services/import-service';
import { exportTemplate } from '../electron/workbook/export/export-template';
import type { Figure } from './workbook-bench';

const NOW = new Date('2026-03-15T09:00:00+08:00');
const YEAR = 2025;
const FILES = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** 30 standard returns, each from one of the plan's departments, with values that disagree. */
async function makeReturns(dir: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const store = Store.open(join(dir, 'consolidation-source.sqlite'), { now: () => NOW });
  const rows = buildGrid(store, SEED_PLAN.id, YEAR, null, NOW).rows;
  store.close();
  const departments = planDepartments(SEED_PLAN);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let f = 0; f < FILES; f += 1) {
    const department = departments[f % departments.length] as string;
    const filled: GridRow[] = rows.map((r, i) => ({
      ...r,
      cells: { ...r.cells, [String(YEAR)]: { ...(r.cells[String(YEAR)] as GridRow['cells'][string]), actual: 10 + i + (f % 3) } },
    }));
    const bytes = await exportTemplate({ plan: SEED_PLAN, year: YEAR, department, rows: filled, clerkName: '基准', clerkPhone: '', exportedAt: NOW, appVersion: 'bench' });
    files.push({ name: `return-${f + 1}.xlsx`, bytes });
  }
  return files;
}

/**
 * `runs` paired runs after one warm-up of each side, alternated (ours first on even runs, SheetJS
 * first on odd ones) so that a busy machine's noise and the JIT's warming fall on both alike.
 */
export async function benchConsolidation(dir: string, runs = 9): Promise<Figure[]> {
  const files = await makeReturns(dir);
  const ours: number[] = [];
  const sheetjs: number[] = [];
  let conflicts = 0;
  const importAll = async (r: number | string): Promise<number> => {
    const store = Store.open(join(dir, `consolidation-${r}.sqlite`), { now: () => NOW });
    const plan = store.plans.getPlan(SEED_PLAN.id);
    const t0 = performance.now();
    const batch = await previewFiles(store, plan, files, { at: NOW.toISOString(), who: 'bench' });
    applyImports(store, plan, batch.pending, { who: 'bench', at: NOW.toISOString() }, { resolutions: resolveByPreference(batch.conflicts, 'incoming') });
    const ms = performance.now() - t0;
    conflicts = batch.conflicts.length;
    store.close();
    return ms;
  };
  const readAll = (): number => {
    const t0 = performance.now();
    for (const f of files) XLSX.read(f.bytes, { type: 'array', cellNF: true });
    return performance.now() - t0;
  };
  await importAll('warm-up');
  readAll();
  for (let r = 0; r < runs; r += 1) {
    if (r % 2 === 0) {
      ours.push(await importAll(r));
      sheetjs.push(readAll());
    } else {
      sheetjs.push(readAll());
      ours.push(await importAll(r));
    }
  }
  const a = median(ours);
  const b = median(sheetjs);
  return [
    { label: `30×13-row returns: preview+apply with conflicts (${conflicts} conflicts)`, ms: a },
    { label: '30×13-row returns: reference — SheetJS read of the same files', ms: b },
    { label: `30×13-row returns: ratio ours / SheetJS = ${(a / b).toFixed(2)}× (goal ≤ 1.0×)`, ms: a / b },
  ];
}
