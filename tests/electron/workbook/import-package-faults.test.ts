// A package that is ambiguous or broken is refused with the message for what is wrong, never read
// by a guess: two zip entries naming the same part (after "\" → "/" and case folding, as OPC
// compares part names) with different contents; a workbook whose sheets or shared strings are
// missing (LibreOffice shows such sheets empty or their text blank: "damaged", not "no indicator
// table found"); thousands of entries (told as too many entries, not as a compression-ratio bomb).
// Each in the shapes openpyxl and LibreOffice write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { CASES_DIR, CASE_READING, caseByOpenpyxl, caseReading } from '../../helpers/case-return';
import type { ZipFile } from '../../helpers/zip';
import { readZip, writeZip } from '../../helpers/zip';

const LIBREOFFICE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'returns', 'a-title-two-row-header.xlsx'));
const P25 = readFileSync(join(CASES_DIR, 'p25-hidden-superseded-column.xlsx'));
const SHEET = 'xl/worksheets/sheet1.xml';

const openpyxl = caseByOpenpyxl();

async function refusal(bytes: Buffer, name = 'r.xlsx'): Promise<UnreadableWorkbookError> {
  const err = await readAndInterpret(bytes, name, SEED_PLAN).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

/** The package's entries with `edit` applied (return null to drop one). */
function edited(bytes: Buffer, edit: (f: ZipFile) => ZipFile | null, extra: { first?: ZipFile[]; last?: ZipFile[] } = {}): Buffer {
  const files = readZip(bytes)
    .map(edit)
    .filter((f): f is ZipFile => f !== null);
  return writeZip([...(extra.first ?? []), ...files, ...(extra.last ?? [])]);
}

const entry = (bytes: Buffer, name: string) => readZip(bytes).find((f) => f.name === name) as ZipFile;

/** The sheet with its first number changed: another writer's idea of the same part. */
function fakeSheet(bytes: Buffer): Buffer {
  const xml = entry(bytes, SHEET).data.toString('utf8');
  const out = xml.replace(/<v>(\d+(?:\.\d+)?)<\/v>/, '<v>99999</v>');
  expect(out).not.toBe(xml);
  return Buffer.from(out, 'utf8');
}

describe('two zip entries naming the same part', () => {
  it.each([
    ['openpyxl, a backslash twin placed first', () => openpyxl(), (b: Buffer) => ({ first: [{ name: SHEET.replace(/\//g, '\\'), data: fakeSheet(b) }] })],
    ['openpyxl, an upper-case twin placed last', () => openpyxl(), (b: Buffer) => ({ last: [{ name: SHEET.toUpperCase(), data: fakeSheet(b) }] })],
    ['LibreOffice, a mixed-case twin of the shared strings placed first', () => LIBREOFFICE, (b: Buffer) => ({ first: [{ name: 'XL/SharedStrings.xml', data: Buffer.from(entry(b, 'xl/sharedStrings.xml').data.toString('utf8').replace(/<t[^>]*>[^<]*<\/t>/, '<t>假</t>')) }] })],
    ['LibreOffice, a leading-slash backslash twin of the workbook placed last', () => LIBREOFFICE, (b: Buffer) => ({ last: [{ name: '\\xl\\workbook.xml', data: Buffer.from(entry(b, 'xl/workbook.xml').data.toString('utf8').replace(/name="[^"]*"/, 'name="假"')) }] })],
  ])('%s → damaged, naming both entries', async (_label, base, twin) => {
    const b = base();
    const extra: { first?: ZipFile[]; last?: ZipFile[] } = twin(b);
    const e = await refusal(edited(b, (f) => f, extra), '重复.xlsx');
    expect(e.appMessage.key).toBe('import.duplicate-part');
    const names = [...(extra.first ?? []), ...(extra.last ?? [])].map((f) => f.name);
    for (const text of [e.appMessage.zh, e.appMessage.en]) for (const n of names) expect(text).toContain(n);
  });

  it('byte-identical twins do not matter: the return reads as without them', async () => {
    const twin = { name: SHEET.replace(/\//g, '\\'), data: entry(openpyxl(), SHEET).data };
    const book = await readAndInterpret(edited(openpyxl(), (f) => f, { first: [twin], last: [{ ...twin, name: SHEET.toUpperCase() }] }), 'o.xlsx', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });
});

describe('a package pointing at parts it lacks is damaged', () => {
  const drop = (pattern: RegExp) => (f: ZipFile) => (pattern.test(f.name) ? null : f);
  it.each([
    ['openpyxl without the workbook relationships', () => edited(openpyxl(), drop(/^xl\/_rels\/workbook\.xml\.rels$/))],
    ['LibreOffice without the workbook relationships', () => edited(LIBREOFFICE, drop(/^xl\/_rels\/workbook\.xml\.rels$/))],
    ['p25 (double quotes) without its shared strings (cells with t="s" name no string)', () => edited(P25, drop(/^xl\/sharedStrings\.xml$/))],
    ['LibreOffice without its shared strings', () => edited(LIBREOFFICE, drop(/^xl\/sharedStrings\.xml$/))],
    ['LibreOffice with a shared string index past the table', () => edited(LIBREOFFICE, (f) => (f.name === SHEET ? { ...f, data: Buffer.from(f.data.toString('utf8').replace(/(t="s"[^>]*><v>)\d+/, '$1999999')) } : f))],
    ['openpyxl with the sheet relationship pointing at a part that is not there', () => edited(openpyxl(), (f) => (f.name === 'xl/_rels/workbook.xml.rels' ? { ...f, data: Buffer.from(f.data.toString('utf8').replace(/worksheets\/sheet1\.xml/, 'worksheets/sheet9.xml')) } : f))],
    ['LibreOffice with its sheet part removed', () => edited(LIBREOFFICE, drop(/^xl\/worksheets\/sheet1\.xml$/))],
  ])('%s', async (_label, make) => {
    const e = await refusal(make(), '坏包.xlsx');
    expect(e.appMessage.key).toBe('import.damaged');
  });

  it('the same packages whole read normally (the refusals are about what was removed)', async () => {
    expect(caseReading(await readAndInterpret(openpyxl(), 'o.xlsx', SEED_PLAN))).toEqual(CASE_READING);
    expect((await readAndInterpret(LIBREOFFICE, 'a.xlsx', SEED_PLAN)).rows.length).toBeGreaterThanOrEqual(5);
    expect((await readAndInterpret(P25, 'p25.xlsx', SEED_PLAN)).rows.length).toBe(13);
  });
});

describe('too many zip entries', () => {
  it('is told as too many entries (with the count and the limit), not as a compression bomb', async () => {
    const many = Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `junk/${i}.xml`, data: Buffer.from('<a/>') }));
    const e = await refusal(edited(openpyxl(), (f) => f, { last: many }), '多条目.xlsx');
    expect(e.appMessage.key).toBe('import.too-many-entries');
    expect(e.appMessage.params).toMatchObject({ count: readZip(openpyxl()).length + many.length, max: IMPORT_LIMITS.maxEntries });
  });

  it('a package just within the entry limit still reads', async () => {
    const some = Array.from({ length: IMPORT_LIMITS.maxEntries - readZip(openpyxl()).length }, (_, i) => ({ name: `junk/${i}.xml`, data: Buffer.from('<a/>') }));
    expect(caseReading(await readAndInterpret(edited(openpyxl(), (f) => f, { last: some }), 'o.xlsx', SEED_PLAN))).toEqual(CASE_READING);
  });
});
