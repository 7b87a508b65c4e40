// An .xls saved by LibreOffice with an open password (tests/helpers/encrypt-xls.py drives it over
// UNO): a legacy workbook that truly needs a password, not Office's default one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sofficePath } from './libreoffice';
import { PYTHON } from './python';

/** Save `src` (any workbook LibreOffice opens) as `dst`, an .xls encrypted under `password`. */
export function saveXlsWithPassword(src: string, dst: string, password: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui');
  execFileSync(PYTHON, [join(import.meta.dirname, 'encrypt-xls.py'), soffice, src, dst, password], { stdio: 'pipe', timeout: 150_000 });
  if (!existsSync(dst)) throw new Error(`LibreOffice did not write ${dst}`);
  return dst;
}
