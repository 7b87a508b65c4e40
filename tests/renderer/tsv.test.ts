import { describe, expect, it } from 'vitest';
import { parseTsv, quoteTsvField, toTsv } from '../../renderer/src/grid/tsv';

describe('parseTsv (Excel/WPS clipboard text)', () => {
  it('reads a single value, with or without the trailing line break Excel adds', () => {
    expect(parseTsv('1050')).toEqual([['1050']]);
    expect(parseTsv('1050\r\n')).toEqual([['1050']]);
    expect(parseTsv('1050\n')).toEqual([['1050']]);
  });

  it('reads a block with \\r\\n and with \\n line ends, keeping empty fields', () => {
    expect(parseTsv('1\t2\r\n3\t\r\n')).toEqual([
      ['1', '2'],
      ['3', ''],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('\t\t\n')).toEqual([['', '', '']]);
  });

  it('keeps tabs, line breaks and doubled quotes inside quoted fields', () => {
    const text = '"第一行\n第二行"\t"含\t制表符"\t"他说""好"""\r\n';
    expect(parseTsv(text)).toEqual([['第一行\n第二行', '含\t制表符', '他说"好"']]);
  });

  it('takes quotes literally when the field does not start with one', () => {
    expect(parseTsv('12"5\t"a')).toEqual([['12"5', '"a']]);
  });

  it('only one trailing line break is dropped; a blank last line inside the block is a row', () => {
    expect(parseTsv('1\n\n')).toEqual([['1'], ['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('a copied blank cell pastes as one empty value', () => {
    expect(parseTsv('\r\n')).toEqual([['']]);
  });

  it('round-trips whatever toTsv writes', () => {
    const rows = [
      ['1,050', '说明 "口袋公园"', ''],
      ['多行\r\n说明', 'tab\there', '/'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('toTsv', () => {
  it('quotes only fields that need it and ends rows with \\r\\n', () => {
    expect(quoteTsvField('1012')).toBe('1012');
    expect(quoteTsvField('a"b')).toBe('"a""b"');
    expect(toTsv([['1', 'x\ty']])).toBe('1\t"x\ty"\r\n');
    expect(toTsv([])).toBe('');
  });
});
