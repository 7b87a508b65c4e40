// Hostile and broken files: each must be refused with one clear zh + en line
// (UnreadableWorkbookError), quickly, without a crash, a hang or a huge allocation.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { writeZip as zip, type ZipFile as Entry } from '../../helpers/zip';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'returns', 'd-name-variants-bad-values.xlsx');

/** The smallest workbook Excel's format allows, with `sheetXml` as its only sheet. */
function minimalXlsx(sheetXml: string, extra: Entry[] = []): Buffer {
  const x = (s: string) => Buffer.from(s, 'utf8');
  return zip([
    { name: '[Content_Types].xml', data: x('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: x('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: x('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: x('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: x(sheetXml) },
    ...extra,
  ]);
}

const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

async function refusal(bytes: Uint8Array, name: string): Promise<UnreadableWorkbookError> {
  try {
    await readAndInterpret(bytes, name, SEED_PLAN);
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    const e = err as UnreadableWorkbookError;
    expect(e.appMessage.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.appMessage.en).toMatch(/^[\x20-\x7e]*"[^"]*"[\x20-\x7e\u4e00-\u9fff（）：.]*$/u);
    expect(e.appMessage.zh).toContain(name);
    expect(e.appMessage.zh).not.toMatch(/\n|at .*\(/); // one line, no stack
    return e;
  }
  throw new Error(`${name} was not refused`);
}

describe('bad files are refused with one clear message', () => {
  it('the minimal valid workbook used below is itself readable (so the refusals are about the flaw)', async () => {
    const ok = minimalXlsx(`${SHEET_HEAD}<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row></sheetData></worksheet>`);
    const book = await readWorkbook(ok, 'ok.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['填报']);
    expect(book.sheets[0]?.rows.get(1)?.get(1)?.value).toBe('指标');
  });

  it('truncated xlsx → damaged', async () => {
    const whole = readFileSync(FIXTURE);
    for (const cut of [Math.floor(whole.length / 2), whole.length - 10, 200]) {
      const e = await refusal(whole.subarray(0, cut), '截断.xlsx');
      expect(e.appMessage.key).toBe('import.damaged');
    }
  });

  it('random bytes → not a workbook', async () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0x00; // never a magic number by chance
    const e = await refusal(bytes, 'random.xlsx');
    expect(e.appMessage.key).toBe('import.not-a-workbook');
  });

  it('a text file named .xlsx → unsupported (CSV) with what to do, or not a workbook', async () => {
    const csv = await refusal(Buffer.from('序号,指标,2025年实际值\n1,城镇住房保障受益覆盖率,11.2\n', 'utf8'), '导出.xlsx');
    expect(csv.appMessage.key).toBe('import.unsupported-format');
    expect(csv.appMessage.zh).toContain('另存为');
    const prose = await refusal(Buffer.from('这只是一段说明文字，没有表格。', 'utf8'), '说明.xlsx');
    expect(prose.appMessage.key).toBe('import.not-a-workbook');
    const html = await refusal(Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>', 'utf8'), '网页.xls');
    expect(html.appMessage.key).toBe('import.unsupported-format');
  });

  it('an encrypted (password-protected) workbook → encrypted', async () => {
    // LibreOffice 7.4 ignores EncryptionPassword in --convert-to, so build what Excel/WPS write: an
    // OLE2 compound file holding EncryptionInfo + EncryptedPackage streams.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from('<encryption/>')]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', randomBytes(4096));
    const bytes = XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer;
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const e = await refusal(bytes, '加密.xlsx');
    expect(e.appMessage.key).toBe('import.encrypted');
    expect(e.appMessage.zh).toContain('密码');
  });

  it('a zip bomb (honest sizes, absurd ratio) → zip bomb, before anything is unpacked', async () => {
    const bomb = minimalXlsx(`${SHEET_HEAD}<sheetData/></worksheet>`, [{ name: 'xl/media/padding.bin', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const e = await refusal(bomb, 'bomb.xlsx');
    expect(e.appMessage.key).toBe('import.zip-bomb');
  });

  it('a zip bomb that lies about its size → refused while unpacking, capped at the declared size', async () => {
    const liar = minimalXlsx(`${SHEET_HEAD}<sheetData/></worksheet>`, [{ name: 'xl/media/image1.png', data: Buffer.alloc(32 * 1024 * 1024), declaredSize: 1000 }]);
    const e = await refusal(liar, 'liar.xlsx');
    expect(e.appMessage.key).toBe('import.zip-bomb');
  });

  it('too much unpacked data in total → too large', async () => {
    const big = minimalXlsx(`${SHEET_HEAD}<sheetData/></worksheet>`, [{ name: 'xl/media/a.bin', data: randomBytes(64 * 1024) }]);
    await expect(readWorkbook(big, 'big.xlsx', { ...IMPORT_LIMITS, maxUncompressedBytes: 32 * 1024 })).rejects.toMatchObject({
      appMessage: { key: 'import.too-large-uncompressed' },
    });
  });

  it('a file over the size limit → too large, refused before parsing', async () => {
    const bytes = readFileSync(FIXTURE);
    await expect(readWorkbook(bytes, 'x.xlsx', { ...IMPORT_LIMITS, maxFileBytes: 1024 })).rejects.toMatchObject({ appMessage: { key: 'import.too-large' } });
  });

  it('a sheet that claims a million rows → too many rows (by <dimension> and by <row r>)', async () => {
    const byDimension = minimalXlsx(`${SHEET_HEAD}<dimension ref="A1:Z1000000"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
    expect((await refusal(byDimension, 'dim.xlsx')).appMessage.key).toBe('import.too-many-rows');
    const byRow = minimalXlsx(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="A1000000"><v>2</v></c></row></sheetData></worksheet>`);
    const e = await refusal(byRow, 'row.xlsx');
    expect(e.appMessage.key).toBe('import.too-many-rows');
    expect(e.appMessage.params).toMatchObject({ rows: 1000000, max: IMPORT_LIMITS.maxRows });
  });

  it('malformed sheet XML (thousands of unclosed rows and cells) is refused, not rescanned for ever', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${(i % 100) + 1}"><c r="A1"><v>1`).join('');
    const e = await refusal(minimalXlsx(`${SHEET_HEAD}<sheetData>${rows}</sheetData></worksheet>`), '坏表.xlsx');
    expect(e.appMessage.key).toBe('import.read-failed');
  });

  it('a sheet part with a DOCTYPE declaring entities (billion laughs) is refused, never expanded', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const sheet = `${laughs}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>`;
    const e = await refusal(minimalXlsx(sheet), '实体.xlsx');
    expect(e.appMessage.key).toBe('import.read-failed');
  });

  it('an undeclared entity and absurdly deep nesting are refused as unreadable', async () => {
    const entity = minimalXlsx(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`);
    expect((await refusal(entity, '实体2.xlsx')).appMessage.key).toBe('import.read-failed');
    const deep = minimalXlsx(`${SHEET_HEAD}<sheetData>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</sheetData></worksheet>`);
    expect((await refusal(deep, '深.xlsx')).appMessage.key).toBe('import.read-failed');
  });

  it('an OpenDocument spreadsheet → unsupported, saying to save as .xlsx', async () => {
    const ods = zip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    const e = await refusal(ods, '报表.ods');
    expect(e.appMessage.key).toBe('import.unsupported-format');
    expect(e.appMessage.en).toContain('OpenDocument');
  });

  it('a workbook without any indicator table → no table', async () => {
    const e = await refusal(minimalXlsx(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`), '空表.xlsx');
    expect(e.appMessage.key).toBe('import.no-table');
  });
});
