// --department on the command line is one of the --plan's departments (docs/ARCHITECTURE.md
// §Departments of a plan), on a real SQLite file holding two plans: exporting plan 学有优教 for
// 区住建局 (a department of the other plan only) wrote an EMPTY return with exit code 0; now it is
// refused with exit code 2 (EXIT.nothingDone), one zh/en line naming the plan and its departments,
// and no file. status, import and cycle actions refuse it the same way; the plan's own departments still work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/args';
import { makeTwoPlanDatabase } from '../../helpers/second-plan';
import { cliChild, cliInProcess } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tmp';

const RETURN = join(__dirname, '../../fixtures/returns/a-title-two-row-header.xlsx');
let tmp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  tmp = makeTempDir('plan-department-cli-');
  db = makeTwoPlanDatabase(tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('--department of another plan', () => {
  it('export refuses it as a real process: exit 2, the plan and its departments named in zh and en, no file', async () => {
    const file = join(tmp.dir, 'empty.xlsx');
    const r = await cliChild('export', '--year', '2025', '--plan', '学有优教', '--department', '区住建局', '--db', db, '--out', file);
    expect(r.code).toBe(EXIT.nothingDone);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('单位“区住建局”在规划“学有优教”中没有任何指标');
    expect(r.stderr).toContain('该规划的单位：区财政局、区教育局');
    expect(r.stderr).toContain('Department "区住建局" has no indicator in plan "学有优教"');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('export for a department of the plan still writes its return', async () => {
    const file = join(tmp.dir, 'own.xlsx');
    const r = await cliInProcess('export', '--year', '2025', '--plan', '学有优教', '--department', '区教育局', '--db', db, '--out', file);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(existsSync(file)).toBe(true);
  });

  it('status and a cycle lock refuse it too; the seed plan (the default) still takes 区住建局', async () => {
    const status = await cliInProcess('status', '--year', '2025', '--plan', '学有优教', '--department', '区住建局', '--db', db, '--json');
    expect(status.code).toBe(EXIT.nothingDone);
    expect(status.err).toContain('规划“学有优教”');
    const lock = await cliInProcess('lock', '--year', '2025', '--plan', '学有优教', '--department', '区住建局', '--db', db);
    expect(lock.code).toBe(EXIT.nothingDone);
    expect(lock.err).toContain('规划“学有优教”');
    const seed = await cliInProcess('status', '--year', '2025', '--department', '区住建局', '--db', db, '--json');
    expect(seed.code, seed.err).toBe(EXIT.ok);
  });

  it('import --department of another plan is refused before anything is read or written', async () => {
    const r = await cliInProcess('import', RETURN, '--plan', '学有优教', '--department', '区住建局', '--db', db);
    expect(r.code).toBe(EXIT.nothingDone);
    expect(r.err).toContain('单位“区住建局”在规划“学有优教”中没有任何指标');
    const imports = await cliInProcess('status', '--year', '2025', '--plan', '学有优教', '--db', db, '--json');
    expect(imports.code, imports.err).toBe(EXIT.ok);
    expect((JSON.parse(imports.out) as { rows: { actual: unknown }[] }).rows.every((row) => row.actual === null)).toBe(true);
  });

  it('a name no plan has is still a usage error listing the plan\'s departments', async () => {
    const r = await cliInProcess('export', '--year', '2025', '--plan', '学有优教', '--department', '不存在局', '--db', db, '--out', join(tmp.dir, 'x.xlsx'));
    expect(r.code).toBe(EXIT.nothingDone);
    expect(r.err).toContain('--department 无此项：不存在局；可选：区财政局、区教育局');
  });
});
