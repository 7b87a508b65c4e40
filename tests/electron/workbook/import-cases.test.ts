// The handed cases (tests/fixtures/returns/cases, see its README): returns written by real office
// software with one trait each that the importer once misread or refused. Each must read exactly
// as expected.json says a clerk expects: kind, every 2025 actual by 序号, the notes, and the
// targets listed ("/" = no target, distinct from null = nothing given) — also through
// `inspect --json`, where "/" stays the string "/".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InspectJson } from '../../../electron/cli/inspect';
import { runCli } from '../../../electron/cli/main';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import type { CaseExpectation } from '../../helpers/case-return';
import { CASES_DIR, caseReading } from '../../helpers/case-return';

const DIR = CASES_DIR;

type Expected = CaseExpectation & { trait: string };

const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

describe.each(Object.keys(EXPECTED))('%s', (file) => {
  const exp = EXPECTED[file] as Expected;

  it(`reads as a clerk expects (${exp.trait})`, async () => {
    const book = await readAndInterpret(readFileSync(join(DIR, file)), file, SEED_PLAN);
    expect(caseReading(book, exp)).toEqual({ kind: exp.kind, actual: exp.actual, note: exp.note, target: exp.target });
    // Every row matched, nothing refused.
    expect(book.rows.every((r) => r.indicatorId !== null)).toBe(true);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('inspect --json keeps "/" as the string "/" and "no value" as null', async () => {
    let out = '';
    const code = await runCli(['inspect', join(DIR, file), '--json', '--today', '2026-03-15'], { stdout: (s) => (out += s), stderr: () => {} });
    expect(code).toBe(0);
    const json = JSON.parse(out) as InspectJson;
    const byCode = new Map(json.rows.map((r) => [r.code, r]));
    for (const [y, codes] of Object.entries(exp.target))
      for (const [c, t] of Object.entries(codes)) expect(byCode.get(c)?.values[y]?.target, `${c} ${y}`).toStrictEqual(t);
    // 2027 has no actuals: null, never "/".
    expect(byCode.get('6')?.values['2027']?.actual).toBeNull();
    expect(byCode.get('12')?.values[String(exp.year)]?.note).toBe(exp.note['12']);
  });
});

it('the hidden draft column of p25 is reported by its column, the visible final one used', async () => {
  const file = 'p25-hidden-superseded-column.xlsx';
  const book = await readAndInterpret(readFileSync(join(DIR, file)), file, SEED_PLAN);
  const superseded = book.issues.filter((i) => i.message.key === 'import.superseded-column');
  expect(superseded.map((i) => [i.severity, i.cell, i.message.params])).toEqual([['warning', 'F:F', { header: '2025年实际值', used: 'G', hidden: 'F', otherHeader: '2025年实际值' }]]);
  expect(book.rows.find((r) => r.code === '2')?.values['2025']?.actualCell).toBe(`${book.rows[0]?.sheet}!G5`);
});
