// The command line suggests --plan (docs/ARCHITECTURE.md §Returns from another plan): `inspect` and
// `import` reading a file that belongs to another plan of the --db — by its _meta plan id, or by its
// indicator names — say which `--plan <id>` reads it as its own, in Chinese and English, on stderr
// (so --json stays one JSON document). Both list a row matching no indicator once. A real
// SQLite file holding two plans; a template of the second plan from our exporter (CLI `export`) and a
// hand-made return of the seed plan written by openpyxl.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliQuick } from '../../../electron/cli/quick-start';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { cliInProcess as cli } from '../../helpers/cli';
import { writeHandMadeReturn } from '../../helpers/returns';
import { SECOND_PLAN_ID, makeTwoPlanDatabase } from '../../helpers/second-plan';
import { makeTempDir } from '../../helpers/tmp';

const SECOND_LABEL = '学有优教《温州市洞头区“学有优教”工程五年目标》';

let tmp: ReturnType<typeof makeTempDir>;
let db: string;
let xyyj: string;
let seedReturn: string;
beforeAll(async () => {
  tmp = makeTempDir('plan-hint-');
  db = makeTwoPlanDatabase(tmp.dir);
  xyyj = join(tmp.dir, 'xyyj.xlsx');
  const exported = await cli('export', '--db', db, '--plan', '学有优教', '--year', '2025', '--out', xyyj);
  expect(exported.code, exported.err).toBe(0);
  seedReturn = writeHandMadeReturn({ path: join(tmp.dir, '住建局.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 900, '2': 1100, '3': 230 } });
}, 120_000);
afterAll(() => tmp.cleanup());

describe('inspect and import say which --plan reads a file of another plan', () => {
  it('inspect --db (no --plan): the hint in Chinese, names not ids in the warning', async () => {
    const r = await cli('inspect', xyyj, '--db', db);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`属于另一规划：${SECOND_LABEL}（模板中的规划编号）；加 --plan ${SECOND_PLAN_ID} 即按该规划读取`);
    expect(r.out).toContain(`另一规划：${SECOND_LABEL}`);
    // Each unmatched row once: marked [未匹配] in its line, not listed again as an issue.
    for (const name of ['普惠性幼儿园在园幼儿占比', '新建改扩建中小学累计数量', '义务教育阶段大班额比例']) expect(r.out.split(name).length - 1, name).toBe(1);
    expect(r.out).toContain('[未匹配] 普惠性幼儿园在园幼儿占比');
  });

  it('inspect --db --json --lang en: stdout is one JSON document, the hint in English on stderr', async () => {
    const r = await cli('inspect', xyyj, '--db', db, '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain(`belongs to another plan, ${SECOND_LABEL} (plan id in the template); add --plan ${SECOND_PLAN_ID} to read it as that plan's own`);
  });

  it('the quick start hands inspect --db to the full command line, which gives the hint', async () => {
    let err = '';
    const code = await runCliQuick(['inspect', xyyj, '--db', db], { stdout: () => undefined, stderr: (s) => (err += `${s}\n`) });
    expect(code).toBe(0);
    expect(err).toContain(`--plan ${SECOND_PLAN_ID}`);
  });

  it('read under its own plan there is no hint, and its rows match', async () => {
    const r = await cli('inspect', xyyj, '--db', db, '--plan', '学有优教', '--json');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('--plan');
    expect((JSON.parse(r.out) as { rows: { indicatorId: string | null }[] }).rows.every((row) => row.indicatorId !== null)).toBe(true);
  });

  it('a hand-made return of the seed plan read with --plan 学有优教 points back by its indicator names', async () => {
    const r = await cli('inspect', seedReturn, '--db', db, '--plan', '学有优教', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`belongs to another plan, 住有宜居《${SEED_PLAN.title}》 (judged by its indicator names); add --plan ${SEED_PLAN.id}`);
  });

  it('without a database inspect cannot know the plans and gives no hint', async () => {
    const r = await cli('inspect', xyyj);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('--plan');
  });

  it('import --dry-run: the hint in both languages, each unmatched row listed once', async () => {
    const zh = await cli('import', xyyj, '--db', db, '--dry-run');
    expect(zh.err).toContain(`“xyyj.xlsx”属于另一规划：${SECOND_LABEL}（模板中的规划编号）；加 --plan ${SECOND_PLAN_ID} 即按该规划读取`);
    for (const name of ['普惠性幼儿园在园幼儿占比', '新建改扩建中小学累计数量', '义务教育阶段大班额比例']) expect(zh.out.split(name).length - 1, name).toBe(1);
    // The summary counts the issues it lists (the other-plan warning and "names no department"), not the unmatched rows again.
    expect(zh.out).toContain('3 行未匹配，2 个问题');

    const en = await cli('import', xyyj, '--db', db, '--dry-run', '--json', '--lang', 'en');
    expect(() => JSON.parse(en.out)).not.toThrow();
    expect(en.err).toContain(`add --plan ${SECOND_PLAN_ID} to read it as that plan's own`);
    const own = await cli('import', xyyj, '--db', db, '--dry-run', '--plan', SECOND_PLAN_ID);
    expect(own.err).not.toContain('--plan');
  });
});
