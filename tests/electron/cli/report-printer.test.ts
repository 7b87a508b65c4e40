// `report --out FILE.pdf` on the plain-Node command line: with no Chromium on the machine it says so
// in one zh/en line, exits 2 and writes nothing; before that it never opens (or creates) the database.
// Printing with the real Chromium: tests/e2e/plan-report-cli.test.ts; with Electron (the packaged
// app's command line): tests/electron/shell/main-bundle.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { chromiumCliReportPrinter } from '../../../electron/cli/report-printer';
import { DeskError } from '../../../shared/errors';
import { makeTempDir } from '../../helpers/tmp';

function catchError(run: () => void): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return null;
}

describe('the plain-Node report printer', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  it('refuses up front when no Chromium is installed, naming INDICATOR_DESK_CHROMIUM', () => {
    const printer = chromiumCliReportPrinter(tmp.dir, {}, () => false);
    const error = catchError(() => printer.check());
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).appMessage.zh).toContain('找不到 Chromium');
    expect((error as DeskError).appMessage.en).toContain('INDICATOR_DESK_CHROMIUM');
  });

  it('says which UI folder is missing when a browser is there but the renderer is not built', () => {
    const printer = chromiumCliReportPrinter(join(tmp.dir, 'no-renderer'), {}, (p) => p === '/usr/bin/chromium');
    const error = catchError(() => printer.check());
    expect((error as DeskError).appMessage.en).toContain(join(tmp.dir, 'no-renderer'));
    expect((error as DeskError).appMessage.en).toContain('npm run build:renderer');
  });

  it('report --out x.pdf with no browser: one zh/en line, exit 2, no PDF, no database created', async () => {
    const stderr: string[] = [];
    const db = join(tmp.dir, 'never.sqlite');
    const pdf = join(tmp.dir, 'x.pdf');
    const code = await runCli(['report', '--year', '2025', '--db', db, '--out', pdf], { stdout: () => undefined, stderr: (s) => stderr.push(s) }, {
      reportPrinter: chromiumCliReportPrinter(tmp.dir, {}, () => false),
    });
    expect(code).toBe(2);
    expect(stderr.join('\n')).toContain('找不到 Chromium');
    expect(stderr.join('\n')).toContain('No Chromium');
    expect(stderr.join('\n')).not.toMatch(/\n\s+at /);
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(db)).toBe(false);
  });
});
