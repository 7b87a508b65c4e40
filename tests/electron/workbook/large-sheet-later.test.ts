// A large return's big sheet is inflated on libuv's thread pool while the fast reader parses the
// rest (zip-guard.ts LATER_SHEET_BYTES, GuardedZip.later). The reading must be the one of a
// package unpacked all at once, sheets in the workbook's order, and the hostile-input guards must
// hold on that path too: a sheet lying about its size, a sheet claiming a million rows, and a
// file the fast reader gives up on (ExcelJS must not read a part the guards would refuse), a
// large part no sheet points to, several refusals at once (the first in the package's order is
// told, before anything a reader met), a damaged large stream, and shared strings stored where
// sheets go.
import { describe, expect, it } from 'vitest';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import type { NeutralWorkbook } from '../../../electron/workbook/import/model';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { readXlsxFast } from '../../../electron/workbook/import/read-xlsx-fast';
import { LATER_SHEET_BYTES, guardZip } from '../../../electron/workbook/import/zip-guard';
import type { ZipFile } from '../../helpers/zip';
import { readZip, writeZip } from '../../helpers/zip';

const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet of `rows` rows (a text, a number, a percent-formatted share), past LATER_SHEET_BYTES when rows ≥ 45,000. */
function bigSheet(rows: number, lastRow = rows): string {
  const out: string[] = [SHEET_HEAD, '<sheetData>'];
  for (let r = 1; r <= rows; r++) {
    const n = r === rows ? lastRow : r;
    out.push(`<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>指标${n}</t></is></c><c r="B${n}"><v>${n * 1.5}</v></c><c r="C${n}" s="1"><v>0.${n % 100}</v></c></row>`);
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** A workbook whose first sheet is `first` and second a small one (`second`), with `extra` entries last. */
function twoSheets(first: string, second: string, firstDeclared?: number, extra: ZipFile[] = []): Buffer {
  const x = (s: string) => Buffer.from(s, 'utf8');
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return writeZip([
    { name: '_rels/.rels', data: x(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`) },
    {
      name: 'xl/workbook.xml',
      data: x('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报表" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'worksheet', 'worksheets/sheet2.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`),
    },
    { name: 'xl/styles.xml', data: x('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>') },
    { name: 'xl/worksheets/sheet1.xml', data: x(first), ...(firstDeclared === undefined ? {} : { declaredSize: firstDeclared }) },
    { name: 'xl/worksheets/sheet2.xml', data: x(second) },
    ...extra,
  ]);
}

const SMALL = `${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>填写说明</t></is></c></row></sheetData></worksheet>`;
const G = { file: 'big.xlsx', limits: IMPORT_LIMITS };

function cells(book: NeutralWorkbook): unknown[] {
  return book.sheets.map((s) => ({ name: s.name, maxRow: s.maxRow, maxCol: s.maxCol, rows: [...s.rows].map(([r, row]) => [r, [...row.values()]]) }));
}

async function refusedKey(bytes: Buffer): Promise<string> {
  const err = await readWorkbook(bytes, 'big.xlsx', IMPORT_LIMITS, 'values').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return (err as UnreadableWorkbookError).appMessage.key;
}

describe('a large sheet inflated while the rest is read', () => {
  it('reads as the package unpacked at once, sheets in the workbook order', async () => {
    const bytes = twoSheets(bigSheet(50_000), SMALL);
    const sheet1 = 'xl/worksheets/sheet1.xml';
    const later = guardZip(bytes, G, true);
    expect([...later.later.keys()]).toEqual([sheet1]);
    expect(later.parts.has(sheet1)).toBe(false);
    const atOnce = guardZip(bytes, G);
    expect(atOnce.later.size).toBe(0);
    expect(atOnce.parts.get(sheet1)?.length).toBeGreaterThanOrEqual(LATER_SHEET_BYTES);

    for (const mode of ['values', 'whole'] as const) {
      const read = await readWorkbook(bytes, 'big.xlsx', IMPORT_LIMITS, mode);
      expect(read.sheets.map((s) => s.name)).toEqual(['填报表', '说明']);
      expect(cells(read)).toEqual(cells(await readXlsxFast(atOnce.parts, mode)));
      expect(read.sheets[0]?.rows.get(50_000)?.get(3)).toMatchObject({ address: 'C50000', value: 0, percent: true });
    }
  });

  it('a large sheet lying about its size is refused as a zip bomb', async () => {
    const sheet = bigSheet(50_000);
    expect(await refusedKey(twoSheets(sheet, SMALL, LATER_SHEET_BYTES))).toBe('import.zip-bomb');
  });

  it('a large sheet claiming a million rows is refused for its rows', async () => {
    expect(await refusedKey(twoSheets(bigSheet(50_000, 1_000_000), SMALL))).toBe('import.too-many-rows');
  });

  it('when the fast reader gives up on another sheet, the large one is still refused before ExcelJS reads it', async () => {
    const odd = `${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>not a number</v></c></row></sheetData></worksheet>`;
    expect(await refusedKey(twoSheets(bigSheet(50_000), odd, LATER_SHEET_BYTES))).toBe('import.zip-bomb');
  });

  it('a large sheet part no sheet points to is still checked', async () => {
    const orphan = { name: 'xl/worksheets/sheet99.xml', data: Buffer.from(bigSheet(50_000, 1_000_000)) };
    expect(await refusedKey(twoSheets(SMALL, SMALL, undefined, [orphan]))).toBe('import.too-many-rows');
  });

  it('of several refusals the first in the package is told, before what a reader met', async () => {
    const malformed = `${SHEET_HEAD}<sheetData></sheetDat></worksheet>`;
    expect(await refusedKey(twoSheets(bigSheet(50_000, 1_000_000), malformed))).toBe('import.too-many-rows');
    const claims = `${SHEET_HEAD}<dimension ref="A1:A300000"/><sheetData/></worksheet>`;
    expect(await refusedKey(twoSheets(bigSheet(50_000), claims, LATER_SHEET_BYTES))).toBe('import.zip-bomb');
    expect(await refusedKey(twoSheets(bigSheet(50_000, 1_000_000), claims))).toBe('import.too-many-rows');
  });

  it('a large stream damaged at its end is damaged, not a zip bomb (as when inflated at once)', async () => {
    const bytes = twoSheets(bigSheet(60_000), SMALL);
    // The sheet's compressed bytes, found by its local header (writeZip writes entries in order).
    const at = bytes.indexOf('xl/worksheets/sheet1.xml');
    const size = bytes.readUInt32LE(at - 30 + 18);
    const end = at + 'xl/worksheets/sheet1.xml'.length + size;
    for (let i = end - 30; i < end; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    expect(await refusedKey(bytes)).toBe('import.damaged');
  });

  it('shared strings stored under worksheets/ and past the size read as anywhere else', async () => {
    const base = twoSheets(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`, SMALL);
    const sst = (pad: number) => `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>指标名称</t></si>${' '.repeat(pad)}</sst>`;
    const moved = (pad: number) =>
      writeZip(
        readZip(base).map((f) =>
          f.name === 'xl/_rels/workbook.xml.rels'
            ? { name: f.name, data: Buffer.from(f.data.toString('utf8').replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="worksheets/sharedStrings.xml"/></Relationships>')) }
            : f,
        ).concat([{ name: 'xl/worksheets/sharedStrings.xml', data: Buffer.from(sst(pad)) }]),
      );
    for (const pad of [0, LATER_SHEET_BYTES]) {
      const book = await readWorkbook(moved(pad), 'sst.xlsx', IMPORT_LIMITS, 'values');
      expect(book.sheets[0]?.rows.get(1)?.get(1)?.value, `padded ${pad}`).toBe('指标名称');
    }
  });
});
