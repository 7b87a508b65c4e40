// `report --plan … --out FILE.pdf` as a real child process (issue 14 part 3): the PDF prints the
// named plan's report view, not the first plan listed. In the e2e project because it prints the
// built renderer (npm run test:e2e builds it first) in Chromium; the other --plan cases are in
// tests/electron/cli/plan-option-cli.test.ts.
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/create-services';
import { addSecondPlan } from '../helpers/second-plan';
import { makeTempDir } from '../helpers/tmp';

const MAIN = join(__dirname, '../../electron/cli/main.ts');

let tmp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  tmp = makeTempDir('plan-cli-');
  db = join(tmp.dir, 'two-plans.sqlite');
  const services = createServices({ dbPath: db, mode: 'desktop' });
  addSecondPlan(services.store);
  services.close();
});
afterAll(() => tmp.cleanup());

function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv, '--today', '2026-03-15'], { maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}


describe('report --plan as a child process', () => {
  it('report --out FILE.pdf prints the named plan, not the first listed', async () => {
    // The second plan's id sorts first in listPlans: the report view used to print plans[0].
    const pdf = join(tmp.dir, 'zyyj-report.pdf');
    const reported = await cli('report', '--year', '2025', '--plan', '住有宜居', '--db', db, '--out', pdf);
    expect(reported.code, reported.stderr).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('城镇住房保障受益覆盖率');
    expect(text).not.toContain('普惠性幼儿园在园幼儿占比');
  }, 180_000);
});
