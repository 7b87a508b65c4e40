// A second launch's command line → the workbook import the first instance performs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMenuAction } from '../../../shared/api/shell';
import { handOffSecondInstance, workbookPathsFromArgv } from '../../../electron/main/second-instance';
import { makeTempDir } from '../../helpers/tmp';

describe('second-instance hand-off', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  it('finds workbook paths among flags, the executable and other files, resolving relative ones', () => {
    const argv = [
      '/opt/指标填报台/indicator-desk',
      '--allow-file-access-from-files',
      '--original-process-start-time=1',
      'returns/2025年度_区住建局.XLSX',
      '/home/clerk/旧表.xls',
      '/home/clerk/说明.docx',
      '.',
      'returns/2025年度_区住建局.XLSX',
    ];
    expect(workbookPathsFromArgv(argv, '/home/clerk')).toEqual(['/home/clerk/returns/2025年度_区住建局.XLSX', '/home/clerk/旧表.xls']);
    expect(workbookPathsFromArgv(['/opt/app/indicator-desk'], '/')).toEqual([]);
  });

  it('reads the named workbooks into one import-files action and reports the unreadable', () => {
    const folder = join(tmp.dir, '下载');
    mkdirSync(folder);
    const a = Buffer.from([0x50, 0x4b, 3, 4, 0xff, 0, 1, 2]);
    const b = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(join(folder, '甲.xlsx'), a);
    writeFileSync(join(folder, '乙.xls'), b);
    mkdirSync(join(folder, '文件夹.xlsx'));

    const { action, skipped } = handOffSecondInstance(['indicator-desk', '甲.xlsx', '乙.xls', '丢失.xlsx', '文件夹.xlsx'], folder);
    expect(skipped).toEqual([join(folder, '丢失.xlsx'), join(folder, '文件夹.xlsx')]);
    expect(isMenuAction(action)).toBe(true);
    if (action?.type !== 'import-files') throw new Error('expected an import-files action');
    expect(action.files.map((f) => f.name)).toEqual(['甲.xlsx', '乙.xls']);
    expect(Buffer.from(action.files[0]?.base64 ?? '', 'base64').equals(a)).toBe(true);
    expect(Buffer.from(action.files[1]?.base64 ?? '', 'base64').equals(b)).toBe(true);

    expect(handOffSecondInstance(['indicator-desk', '丢失.xlsx'], folder).action).toBeNull();
  });
});
