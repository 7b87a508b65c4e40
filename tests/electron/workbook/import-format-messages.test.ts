// What a clerk is told about a file in a format the importer does not read: the format by name, in
// English without a wrong article ("is in HTML format", never "is a HTML file"), and what to do.
// A CSV or text file is recognised as such in whatever encoding it was saved — GBK (a CSV exported
// on a Chinese Windows), UTF-16 (Excel's "Unicode text", tab-separated), UTF-8 with a BOM — and
// whatever its name says (.xls, .xlsx).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_DIR, caseRows } from '../../helpers/case-return';
import { runPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { writeZip } from '../../helpers/zip';
import { refusal } from '../../helpers/refusal';

let tmp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());


/** The case rows written by Python's csv module in `encoding` (`dialect`: excel or excel-tab), `repeat` times over. */
function csvFile(encoding: string, dialect: 'excel' | 'excel-tab', name: string, repeat = 1): Buffer {
  const out = join(tmp.dir, name);
  const rows = Array.from({ length: repeat }, () => caseRows()).flat();
  runPython(
    'import csv, json, sys\nwith open(sys.argv[3], "w", encoding=sys.argv[1], newline="") as f:\n  w = csv.writer(f, dialect=sys.argv[2])\n  for row in json.loads(sys.argv[4]): w.writerow(["" if v is None else v for v in row])',
    [encoding, dialect, out, JSON.stringify(rows)],
  );
  return readFileSync(out);
}

const x = (s: string) => Buffer.from(s, 'utf8');

/** A GBK CSV of more than 4 KB whose first 4,096 bytes end inside a character (the title padded to shift it). */
function gbkCutInside(): Buffer {
  const bytes = csvFile('gbk', 'excel', 'g4.csv', 20);
  for (let pad = 0; pad < 2; pad++) {
    const shifted = Buffer.concat([Buffer.from('#'.repeat(pad)), bytes]);
    try {
      new TextDecoder('gbk', { fatal: true }).decode(shifted.subarray(0, 4096));
    } catch {
      return shifted;
    }
  }
  throw new Error('no padding cuts a character at 4 KB');
}

describe('a format the importer does not read is named, with what to do', () => {
  const xlsb = () =>
    writeZip([
      { name: '_rels/.rels', data: x('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>') },
      { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
    ]);
  const ods = () => writeZip([{ name: 'mimetype', data: x('application/vnd.oasis.opendocument.spreadsheet') }, { name: 'content.xml', data: x('<office:document-content/>') }]);
  const et = () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WpsContent', Buffer.from('wps'));
    return XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer;
  };
  it.each([
    ['HTML', 'HTML', () => x('<html><body><table><tr><td>指标</td></tr></table></body></html>'), '网页.xls'],
    ['Excel .xlsb', 'Excel .xlsb', xlsb, '二进制.xlsb'],
    ['OpenDocument', 'OpenDocument (.ods)', ods, '报表.ods'],
    ['WPS', 'WPS (.et)', et, '报表.et'],
    ['PDF', 'PDF', () => x('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), '报表.pdf'],
  ])('%s', async (_label, format, make, name) => {
    const e = await refusal(make(), name);
    expect(e.appMessage.key).toBe('import.unsupported-format');
    expect(e.appMessage.en).toContain(`is in ${format} format`);
    expect(e.appMessage.en).not.toMatch(/\ba [AEIOU]/);
    expect(e.appMessage.en).toMatch(/open it in WPS\/Excel.*\.xlsx/);
    expect(e.appMessage.zh).toContain(`是 ${format} 格式的文件`);
    expect(e.appMessage.zh).toMatch(/打开.*另存为.*\.xlsx/);
  });
});

describe('a CSV or text file is told as one, whatever its encoding and name', () => {
  it.each([
    ['GBK CSV named .xls (exported on a Chinese Windows)', () => csvFile('gbk', 'excel', 'g.csv'), '导出.xls', 'CSV'],
    ['GBK CSV over 4 KB named .xlsx, its first 4 KB ending inside a character', gbkCutInside, '导出.xlsx', 'CSV'],
    ['UTF-16 tab-separated with a BOM (Excel’s "Unicode text") named .xls', () => csvFile('utf-16', 'excel-tab', 'u.txt'), '报表.xls', 'TXT'],
    ['UTF-8 CSV with a BOM named .xls', () => csvFile('utf-8-sig', 'excel', 'u8.csv'), '报表.xls', 'CSV'],
  ])('%s', async (_label, make, name, format) => {
    const bytes = make();
    const e = await refusal(bytes, name);
    expect(e.appMessage.key).toBe('import.unsupported-format');
    expect(e.appMessage.params).toMatchObject({ format });
    expect(e.appMessage.en).toContain(`is in ${format} format`);
  });
});

describe('a zip archive of returns (mailed that way) is told to be unpacked', () => {
  it('names the workbooks inside, in Chinese and English', async () => {
    const xlsx = readFileSync(join(CASES_DIR, 'p16-single-quoted-attributes.xlsx'));
    const bytes = writeZip([
      { name: '区住建局/2025年报表.xlsx', data: xlsx },
      { name: '说明.txt', data: x('见附件') },
    ]);
    const e = await refusal(bytes, '住建局报表.zip');
    expect(e.appMessage.key).toBe('import.zip-archive');
    expect(e.appMessage.params.names).toBe('2025年报表.xlsx');
    expect(e.appMessage.zh).toContain('请先解压');
    expect(e.appMessage.en).toContain('unpack it first');
  });

  it('a zip holding no workbook is still "not a workbook"', async () => {
    const e = await refusal(writeZip([{ name: 'a.txt', data: x('hello') }]), 'a.xlsx');
    expect(e.appMessage.key).toBe('import.not-a-workbook');
  });
});
