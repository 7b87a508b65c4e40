// Workbooks that truly need a password (not Office's default one, which is read without asking):
// an .xls that LibreOffice saved with an open password (RC4, a FILEPASS record) and an .xlsx under
// Agile encryption. Read in-process, through `inspect` and through `import`, each is refused with
// the password message in Chinese and English, exit code 2 as for any unreadable file, and nothing
// is written: no backup, no value, no audit row, the file itself untouched.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { EXIT } from '../../../electron/cli/args';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { Store } from '../../../electron/store/store';
import { CASES_DIR, CASE_READING, caseReading } from '../../helpers/case-return';
import { saveXlsWithPassword } from '../../helpers/libreoffice-password';
import { cliInProcess as cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tmp';

const PASSWORD = '区住建局2025';
let tmp: ReturnType<typeof makeTempDir>;
const files: Record<string, string> = {};

beforeAll(() => {
  tmp = makeTempDir();
  files.xls = saveXlsWithPassword(join(CASES_DIR, 'p01-excel95-biff5-gbk.xls'), join(tmp.dir, '加密回报.xls'), PASSWORD);
  files.xlsx = join(tmp.dir, '加密回报.xlsx');
  writeFileSync(files.xlsx, officeCrypto.encrypt(readFileSync(join(CASES_DIR, 'p16-single-quoted-attributes.xlsx')), { password: PASSWORD }));
}, 180_000);
afterAll(() => tmp.cleanup());

describe.each(['xls', 'xlsx'] as const)('an .%s that needs a real password', (kind) => {
  it('is truly encrypted under that password: with it, it reads as the return it is', async () => {
    const bytes = readFileSync(files[kind] as string);
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(await officeCrypto.isEncrypted(bytes)).toBe(true);
    const opened = await officeCrypto.decrypt(bytes, { password: PASSWORD });
    expect(caseReading(await readAndInterpret(opened, `opened.${kind}`, SEED_PLAN))).toEqual(CASE_READING);
  });

  it('is refused saying plainly that the password is needed, in Chinese and English', async () => {
    const err = await readAndInterpret(readFileSync(files[kind] as string), `加密回报.${kind}`, SEED_PLAN).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    const m = (err as UnreadableWorkbookError).appMessage;
    expect(m.key).toBe('import.encrypted');
    expect(m.zh).toContain(`“加密回报.${kind}”设置了打开密码，没有密码无法读取`);
    expect(m.zh).toMatch(/要密码.*取消密码/);
    expect(m.en).toMatch(/has a password to open and cannot be read without it: ask the sender for the password.*remove the password/);
  });

  it('inspect and import: exit 2 with the password line, and nothing written', async () => {
    const file = files[kind] as string;
    const before = readFileSync(file);
    const folder = join(tmp.dir, `db-${kind}`);
    const db = join(folder, 'desk.sqlite');
    const status = async () => (await cli('status', '--year', '2025', '--db', db, '--json', '--today', '2026-03-15')).out;
    const auditRows = () => {
      const store = Store.open(db);
      try {
        return store.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
      } finally {
        store.close();
      }
    };
    Store.open(db).close();
    const statusBefore = await status();
    const auditBefore = auditRows();

    for (const lang of ['zh', 'en'] as const) {
      const inspected = await cli('inspect', file, '--json', '--lang', lang);
      expect(inspected.code).toBe(EXIT.nothingDone);
      expect(inspected.out).toBe('');
      expect(inspected.err).toMatch(lang === 'zh' ? /设置了打开密码，没有密码无法读取/ : /has a password to open and cannot be read without it/);
      expect(inspected.err).not.toMatch(/\bat .+:\d+:\d+/);
    }
    const imported = await cli('import', file, '--db', db, '--today', '2026-03-15');
    expect(imported.code).toBe(EXIT.nothingDone);
    expect(imported.err).toMatch(/设置了打开密码，没有密码无法读取/);
    expect(imported.err).not.toMatch(/\bat .+:\d+:\d+/);

    // Nothing written: the database's figures and audit trail as before, no backup, the file untouched.
    expect(await status()).toBe(statusBefore);
    expect(auditRows()).toEqual(auditBefore);
    const backups = join(folder, 'backups');
    expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
