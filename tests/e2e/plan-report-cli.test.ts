// `report --plan … --out FILE.pdf` as a real child process (issue 14 part 3): the PDF prints the
// named plan's report view, not the first plan listed. In the e2e project because it prints the
// built renderer (npm run test:e2e builds it first) in Chromium; the other --plan cases are in
// tests/electron/cli/plan-option-cli.test.ts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTwoPlanDatabase } from '../helpers/second-plan';
import { cliChild as cli } from '../helpers/cli';
import { makeTempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  tmp = makeTempDir('plan-cli-');
  db = makeTwoPlanDatabase(tmp.dir);
});
afterAll(() => tmp.cleanup());

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
