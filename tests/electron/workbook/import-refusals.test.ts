// Messages a clerk can act on: encrypted, damaged, unsupported, unreadable, not a workbook and
// "no indicator table found" are distinct refusals, and each says what to do, in Chinese and English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASES_DIR } from '../../helpers/case-return';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { editXmlParts, writeZip } from '../../helpers/zip';

let tmp: ReturnType<typeof makeTempDir>;
const files: Record<string, Buffer> = {};

beforeAll(() => {
  tmp = makeTempDir();
  const good = readFileSync(join(CASES_DIR, 'p16-single-quoted-attributes.xlsx'));
  files['import.encrypted'] = officeCrypto.encrypt(good, { password: '真密码' });
  files['import.damaged'] = good.subarray(0, Math.floor(good.length / 2));
  files['import.unsupported-format'] = writeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
  ]);
  files['import.read-failed'] = editXmlParts(good, (name, xml) => (name.includes('sheet1') ? xml.replace('</sheetData>', '') : xml));
  files['import.not-a-workbook'] = Buffer.from([0x07, 0x00, 0x13, 0x37, 0x00, 0x42, 0x99, 0x01]);
  files['import.no-table'] = readFileSync(writeWithPython(join(tmp.dir, 'notable.xlsx'), [['会议纪要'], ['时间', '地点'], ['2025年1月', '三楼']]));
});
afterAll(() => tmp.cleanup());

it('each kind of unreadable file gets its own refusal, and each says what to do', async () => {
  const seen: string[] = [];
  for (const [key, bytes] of Object.entries(files)) {
    const err = await readAndInterpret(bytes, '报表.xlsx', SEED_PLAN).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, key).toBeInstanceOf(UnreadableWorkbookError);
    const m = (err as UnreadableWorkbookError).appMessage;
    expect(m.key).toBe(key);
    seen.push(m.key);
    // What to do: a request in Chinese (请…), an instruction in English.
    expect(m.zh, key).toMatch(/请/);
    expect(m.en, key).toMatch(/\b(open|save|ask|get|add|check|use|fill in|import again)\b/i);
    expect(m.zh).toContain('报表.xlsx');
  }
  expect(new Set(seen).size).toBe(Object.keys(files).length);
});
