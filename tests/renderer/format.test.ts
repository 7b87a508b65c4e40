import { describe, expect, it } from 'vitest';
import { cellStatus } from '../../shared/domain/status';
import type { Lang } from '../../shared/i18n/lang';
import { explainStatus, formatActual, formatCompletion, formatGridNumber, formatTarget, formatUnits } from '../../renderer/src/grid/format';

describe('grid number formats', () => {
  it('groups thousands, keeps at most two decimals, in both languages', () => {
    expect(formatGridNumber(13862, 'zh')).toBe('13,862');
    expect(formatGridNumber(10.456, 'en')).toBe('10.46');
    expect(formatGridNumber(87.5, 'zh')).toBe('87.5');
    expect(formatActual(null, 'zh')).toBe('');
  });

  it('shows "/" targets as "/" and a missing target as nothing', () => {
    expect(formatTarget('/', 'zh')).toBe('/');
    expect(formatTarget(null, 'zh')).toBe('');
    expect(formatTarget(1050, 'en')).toBe('1,050');
  });

  it('writes completion as a percentage with one decimal', () => {
    expect(formatCompletion(1012 / 1050, 'zh')).toBe('96.4%');
    expect(formatCompletion(1, 'en')).toBe('100%');
    expect(formatCompletion(null, 'en')).toBe('');
  });

  it('marks the lead unit with * and lists it first', () => {
    expect(formatUnits('区住建局', ['区发改局', '区财政局'], 'zh')).toBe('*区住建局、区发改局、区财政局');
    expect(formatUnits('区住建局', ['区住建局', '区发改局'], 'en')).toBe('*区住建局, 区发改局');
  });
});

describe('explainStatus (why a cell has its colour)', () => {
  const today = new Date(2026, 2, 1);
  const explain = (lang: Lang, target: number | '/', actual: number | null, year = 2025, unit = '套', tolerance: number | null = null) => {
    const s = cellStatus({ indicator: { direction: 'higher', tolerance }, year, target, actual, today });
    return explainStatus(lang, { ...s, year, target, actual, unit, tolerance });
  };

  it('gives target, actual, the gap and the completion for a miss', () => {
    expect(explain('zh', 1050, 1012)).toBe('未达标：目标 1,050，实际 1,012，差 38（96.4%）');
    expect(explain('en', 1050, 1012)).toBe('Missed: target 1,050, actual 1,012, short by 38 (96.4%)');
  });

  it('says by how much a met target was beaten, with % on percent indicators', () => {
    expect(explain('zh', 11, 11.5, 2025, '%')).toBe('达标：目标 11%，实际 11.5%，超出 0.5%（104.5%）');
    expect(explain('zh', 6, 6, 2025, '个')).toBe('达标：目标 6，实际 6（100%）');
  });

  it('explains near, no target, not reported and pending', () => {
    expect(explain('zh', 100, 99, 2025, '%', 0.02)).toBe('接近目标（容差 2%）：目标 100%，实际 99%，差 1%（99%）');
    expect(explain('zh', '/', null, 2027)).toBe('2027 年未设目标（/）');
    expect(explain('zh', 847, null, 2024)).toBe('2024 年已到期，尚未填报');
    expect(explain('en', 847, null, 2024)).toBe('2024 is due and has not been reported');
    expect(explain('zh', 1060, null, 2026)).toBe('2026 年尚未到期');
  });
});
