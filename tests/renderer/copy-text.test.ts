import { describe, expect, it } from 'vitest';
import { copyBlock } from '../../renderer/src/grid/copy-text';
import { toRowData } from '../../renderer/src/grid/row-model';
import { parseTsv, toTsv } from '../../renderer/src/grid/tsv';
import { seedRow } from './grid-fixtures';

describe('copy as TSV', () => {
  it('copies plain values Excel reads back as numbers, "/" and completion percentages', () => {
    const rows = [toRowData(seedRow('zyyj-13', { 2025: 15012.5 })), toRowData(seedRow('zyyj-06', {}, { 2025: '第"3"个' }))];
    const block = copyBlock(rows, ['code', 'target-2025', 'actual-2025', 'completion-2025', 'target-2027', 'note'], 2025, 'zh');
    expect(block).toEqual([
      ['13', '15460', '15012.5', '97.1%', '17060', ''],
      ['6', '3', '', '', '/', '第"3"个'],
    ]);
    // and it survives the clipboard round trip
    expect(parseTsv(toTsv(block))).toEqual(block);
  });

  it('copies the responsible units with the lead marked', () => {
    const [[units]] = copyBlock([toRowData(seedRow('zyyj-13'))], ['units'], 2025, 'zh') as [[string]];
    expect(units.startsWith('*市住房公积金洞头分中心、')).toBe(true);
  });
});
