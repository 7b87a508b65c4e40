// The import summary of the command line in each language: English counts take the right plural
// ("1 change", "1 unmatched row", "2 changes") and ASCII punctuation (", ", "; "); Chinese keeps its
// own ("，", "；"). A row matching no indicator is named by its name cell (Sheet1!B5), not by its
// row alone. Real openpyxl-written returns, a real SQLite file, runCli in-process.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { cliInProcess as cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';

let tmp: ReturnType<typeof makeTempDir>;
let one: string;
let two: string;
beforeAll(() => {
  tmp = makeTempDir();
  one = writeHandMadeReturn({
    path: join(tmp.dir, 'one.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 11.5 },
    extraRows: [{ code: '99', name: '人均住房建筑面积（平方米）', actual: 42 }],
  });
  two = writeHandMadeReturn({ path: join(tmp.dir, 'two.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 11.5, '3': 225 } });
});
afterAll(() => tmp.cleanup());

function freshDb(name: string): string {
  const db = join(tmp.dir, name);
  Store.open(db).close();
  return db;
}

describe('the import summary', () => {
  it('English: singular for one, ASCII punctuation, no full-width marks', async () => {
    const r = await cli('import', one, '--db', freshDb('en1.sqlite'), '--lang', 'en');
    // The unmatched row is listed once, under the unmatched rows, so it is not counted again as an issue.
    expect(r.out).toContain('one.xlsx: 1 change, 0 unchanged, 0 target differences, 1 unmatched row, 0 issues; department 区住建局\n');
    expect(r.out).toContain('Imported: import #1, 1 change.');
    expect(r.err).toContain('one.xlsx: 0 values could not be read and 1 row matched no indicator; none of them was imported');
    const english = (r.out + r.err).replace(/[\u4e00-\u9fff（）]+/g, '');
    expect(english).not.toMatch(/[；，：]/);
  });

  it('English: plural for two', async () => {
    const r = await cli('import', two, '--db', freshDb('en2.sqlite'), '--lang', 'en', '--dry-run');
    expect(r.out).toContain('two.xlsx: 2 changes, 0 unchanged, 0 target differences, 0 unmatched rows, 0 issues; department 区住建局\n');
  });

  it('Chinese reads as before', async () => {
    const r = await cli('import', one, '--db', freshDb('zh.sqlite'), '--lang', 'zh');
    expect(r.out).toContain('one.xlsx: 1 处修改，0 处相同，0 处目标与规划不同，1 行未匹配，0 个问题；填报单位 区住建局\n');
    expect(r.out).toContain('已导入：第 1 次导入，共 1 处修改。');
    expect(r.err).toContain('one.xlsx：0 个数值无法读取、1 行未匹配到指标，均未导入（详见上方各行）');
  });

  it('a row matching no indicator is named by its name cell, in the listing and in the JSON preview', async () => {
    // make-return.py: title (1), 填报单位 (2), header (3), indicator 1 (4), the extra row (5); names in column B.
    const r = await cli('import', one, '--db', freshDb('cell.sqlite'), '--dry-run');
    expect(r.out).toContain('  Sheet1!B5  未匹配的行: 99 人均住房建筑面积（平方米）');
    const json = await cli('import', one, '--db', freshDb('cell-json.sqlite'), '--dry-run', '--json');
    const preview = (JSON.parse(json.out) as { previews: { unmatched: unknown[] }[] }).previews[0];
    expect(preview?.unmatched).toEqual([{ sheet: 'Sheet1', row: 5, cell: 'B5', code: '99', name: '人均住房建筑面积（平方米）' }]);
  });
});

describe('--department for a return naming a department the plan does not know', () => {
  it('says the chosen department was used, never "unspecified department"', async () => {
    const file = writeHandMadeReturn({ path: join(tmp.dir, 'long-name.xlsx'), year: 2025, departments: ['青岚区住房和城乡建设局'], actuals: { '1': 11.5 } });
    const zh = await cli('import', file, '--db', freshDb('dept-zh.sqlite'), '--department', '区住建局');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('填报单位 区住建局');
    expect(zh.out).toContain('填报单位“青岚区住房和城乡建设局”不在规划的单位名单中，已按所选单位“区住建局”读取');
    expect(zh.out + zh.err).not.toContain('未指定单位');
    const en = await cli('import', file, '--db', freshDb('dept-en.sqlite'), '--department', '区住建局', '--lang', 'en');
    expect(en.out).toContain('read as the chosen department "区住建局"');
    expect(en.out + en.err).not.toContain('unspecified department');
  });
});
