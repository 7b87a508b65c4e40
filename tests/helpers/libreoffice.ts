// Runs LibreOffice headless the way a clerk's office suite would open and re-save a workbook.
// Each call gets its own profile folder so parallel test files never share a LibreOffice instance.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

/**
 * Convert `file` to `format` ("xlsx", "xls", "pdf", or a full filter spec such as
 * 'xls:MS Excel 97'; the arguments reach soffice without a shell, so no quotes) into `outDir`; resolves to the written file's path.
 */
export function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file];
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: 120_000 }, (error, _stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      const ext = format.split(':')[0] as string;
      const out = join(outDir, `${basename(file, extname(file))}.${ext}`);
      if (error || !existsSync(out)) reject(new Error(`LibreOffice could not convert ${file} to ${format}: ${error?.message ?? ''} ${stderr}`));
      else resolve(out);
    });
  });
}
