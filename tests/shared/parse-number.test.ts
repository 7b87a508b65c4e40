import { describe, expect, it } from 'vitest';
import { parseNumberInput, toHalfWidth } from '../../shared/domain/parse-number';
import { parseRefusalMessage } from '../../shared/i18n/messages';

function value(text: string, kind?: 'cumulative' | 'stock' | 'rate') {
  const r = parseNumberInput(text, kind ? { kind } : {});
  if (!r.ok) throw new Error(`refused ${text}: ${r.code}`);
  return r.kind === 'number' ? r.value : r.kind;
}

describe('parseNumberInput: accepted forms', () => {
  it.each([
    ['1050', 1050],
    ['1,050', 1050],
    ['13,862', 13862],
    ['1,234,567.5', 1234567.5],
    ['１０５０', 1050],
    ['１，０５０', 1050],
    ['８７．５', 87.5],
    ['87.5%', 87.5],
    ['87.5％', 87.5],
    [' 12 ', 12],
    ['\t12\u00a0', 12],
    ['1 050', 1050],
    ['12 345 678.5', 12345678.5],
    ['1\u00a0050', 1050],
    ['+ 3', 3],
    ['87.5 %', 87.5],
    ['\u22122.5', -2.5],
    ['+3', 3],
    ['0', 0],
    ['-0', 0],
    ['.5', 0.5],
    ['10.', 10],
    ['100%', 100],
  ])('%j → %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('marks a value that carried a percent sign', () => {
    expect(parseNumberInput('87.5%')).toEqual({ ok: true, kind: 'number', value: 87.5, fromPercent: true });
    expect(parseNumberInput('87.5')).toEqual({ ok: true, kind: 'number', value: 87.5, fromPercent: false });
  });

  it.each(['', '   ', '-', '—', '——', '–', '－'])('%j means no value', (text) => {
    expect(value(text)).toBe('empty');
  });

  it.each(['/', '／', ' / '])('%j is the explicit "no target / no value" mark', (text) => {
    expect(value(text)).toBe('slash');
  });

  it('a negative rate is allowed (a growth rate can fall)', () => {
    expect(value('-2.5', 'rate')).toBe(-2.5);
  });
});

describe('parseNumberInput: refusals carry a reason', () => {
  it.each([
    ['abc', 'not-a-number'],
    ['约1.6万', 'approximate'],
    ['1.6万', 'chinese-magnitude'],
    ['1.2.3', 'several-decimal-points'],
    ['12,34', 'bad-thousands-separator'],
    ['1,0500', 'bad-thousands-separator'],
    ['1e3', 'not-a-number'],
    ['100左右', 'approximate'],
    ['12a', 'not-a-number'],
    ['%', 'not-a-number'],
    ['10 62', 'space-inside'],
    ['2 2 3', 'space-inside'],
    ['11\u00a04', 'space-inside'],
    ['1 0500', 'space-inside'],
    ['12.3 4', 'space-inside'],
    ['1,0 50', 'space-inside'],
  ])('%j → %s', (text, code) => {
    const r = parseNumberInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it.each(['cumulative', 'stock'] as const)('a negative count is refused for %s indicators', (kind) => {
    const r = parseNumberInput('-3', { kind });
    expect(r).toMatchObject({ ok: false, code: 'negative-count' });
  });

  it('the refusal reads well in Chinese and English', () => {
    const m = parseRefusalMessage('approximate', ' 约1.6万 ');
    expect(m.zh).toBe('“约1.6万”是约数，请填写确切数字');
    expect(m.en).toContain('approximation');
  });
});

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('（１２）　ａ')).toBe('(12) a');
  });
});
