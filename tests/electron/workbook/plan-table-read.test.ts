// Reading plan tables typed into workbooks (openpyxl) and re-saved by LibreOffice: the seed's own
// table gives the embedded plan; variants (no 序号, 牵头单位, qualifiers) and bad tables.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { readPlanTable } from '../../../electron/workbook/plan-table/read-plan-table';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { seedTableFromText, writePlanTable, XUE_YOU_YOU_JIAO } from '../../helpers/plan-tables';
import type { TableSpec } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

async function read(name: string, spec: TableSpec) {
  const path = await writePlanTable(tmp.dir, name, spec);
  return readPlanTable(await readWorkbook(new Uint8Array(readFileSync(path)), `${name}.xlsx`), `${name}.xlsx`);
}

describe('the seed table, typed from the seed document and saved by LibreOffice', () => {
  it('reads as the embedded plan: indicators, order, 序号, names, units, kinds, directions, every target', async () => {
    const result = await read('seed', seedTableFromText());
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const draft = result.draft!;
    expect(draft.shortName).toBe('住有宜居');
    expect(draft.tableTitle).toBe(SEED_PLAN.tableTitle);
    expect(draft.years).toEqual(SEED_PLAN.years);
    expect(draft.domains).toEqual(SEED_PLAN.domains);
    const pick = (i: { code: string; domain: string; name: string; unit: string; kind: string; direction: string; targets: object }) => ({
      code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, targets: i.targets,
    });
    expect(draft.indicators.map(pick)).toEqual(SEED_PLAN.indicators.map(pick));
  }, 120_000);
});
