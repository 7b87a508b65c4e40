// Checks the embedded plan against the seed document's table, value by value. The table printed in
// the document lost its merged 领域 cells (later rows of a domain shift one column left and end in
// an empty cell), so it is read by meaning: the 序号 is the first integer cell of a row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { NO_TARGET, displayName } from '../../shared/domain/plan';
import { parseNumberInput } from '../../shared/domain/parse-number';

const text = readFileSync(join(__dirname, '../fixtures/seed-plan.txt'), 'utf8');

function tableRows(): { code: string; name: string; values: string[] }[] {
  const start = text.indexOf('领域 | 序号 | 指标');
  const end = text.indexOf('三、重点任务');
  const lines = text.slice(start, end).split('\n').slice(1).filter((l) => l.includes('|'));
  return lines.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const codeAt = cells.findIndex((c) => /^\d+$/.test(c));
    return { code: cells[codeAt] as string, name: cells[codeAt + 1] as string, values: cells.slice(codeAt + 2, codeAt + 7) };
  });
}

function normalise(name: string): string {
  return name.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/\s+/g, '');
}

describe('SEED_PLAN', () => {
  const rows = tableRows();

  it('has the 13 indicators of the table in order', () => {
    expect(rows).toHaveLength(13);
    expect(SEED_PLAN.indicators.map((i) => i.code)).toEqual(rows.map((r) => r.code));
  });

  it('names and units match the table (name with its unit suffix)', () => {
    rows.forEach((row, i) => {
      const ind = SEED_PLAN.indicators[i];
      expect(ind).toBeDefined();
      expect(normalise(displayName(ind!))).toBe(normalise(row.name));
    });
  });

  it('every target 2023–2027 matches the table, "/" kept as no-target and "100%" as 100', () => {
    let checked = 0;
    rows.forEach((row, i) => {
      const ind = SEED_PLAN.indicators[i]!;
      SEED_PLAN.years.forEach((year, j) => {
        const printed = row.values[j] as string;
        const parsed = parseNumberInput(printed);
        const expected = parsed.ok && parsed.kind === 'slash' ? NO_TARGET : parsed.ok && parsed.kind === 'number' ? parsed.value : undefined;
        expect(expected, `${row.code} ${year} "${printed}"`).not.toBeUndefined();
        expect(ind.targets[year], `${row.code} ${year}`).toBe(expected);
        checked += 1;
      });
    });
    expect(checked).toBe(65);
    expect(SEED_PLAN.indicators[5]!.targets[2027]).toBe(NO_TARGET);
  });

  it('domains follow the table', () => {
    const byDomain = (d: string) => SEED_PLAN.indicators.filter((i) => i.domain === d).map((i) => i.code);
    expect(byDomain('住房保障')).toEqual(['1', '2', '3', '4']);
    expect(byDomain('住房品质')).toEqual(['5', '6', '7', '8', '9', '10']);
    expect(byDomain('住房安全')).toEqual(['11', '12']);
    expect(byDomain('住房市场')).toEqual(['13']);
  });

  it('kinds: cumulative counts, year-end stocks and rates as the design says', () => {
    const kind = (code: string) => SEED_PLAN.indicators.find((i) => i.code === code)!.kind;
    for (const c of ['2', '4', '6', '7', '8', '10']) expect(kind(c)).toBe('cumulative');
    for (const c of ['3', '13']) expect(kind(c)).toBe('stock');
    for (const c of ['1', '5', '9', '11', '12']) expect(kind(c)).toBe('rate');
    expect(SEED_PLAN.indicators.every((i) => i.direction === 'higher')).toBe(true);
  });

  it('lead units come from section 三 (the unit marked *), co-units are named there', () => {
    for (const ind of SEED_PLAN.indicators.slice(0, 12)) expect(ind.leadUnit).toBe('区住建局');
    const fund = SEED_PLAN.indicators[12]!;
    expect(fund.leadUnit).toBe('市住房公积金洞头分中心');
    expect(text).toContain('*市住房公积金洞头分中心、区公安分局、区民政局、区财政局、区人力社保局、区市场监管局');
    expect(fund.coUnits).toEqual(['区公安分局', '区民政局', '区财政局', '区人力社保局', '区市场监管局', '各街道（乡镇）']);
    // Every unit named for an indicator appears in the plan text.
    for (const ind of SEED_PLAN.indicators) {
      for (const u of ind.coUnits) expect(text.includes(u.replace('（乡镇）', '<乡镇>')), u).toBe(true);
    }
  });

  it('keeps the source note about the text disagreeing with the table (indicator 7)', () => {
    expect(SEED_PLAN.sourceNote).toContain('指标7');
    expect(SEED_PLAN.sourceNote).toContain('20');
  });
});
