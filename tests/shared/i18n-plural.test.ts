// Counted messages through the one engine (renderCount): the language's plural rule picks .one or .other.
import { describe, expect, it } from 'vitest';
import { defineCatalogue, renderCount } from '../../shared/i18n/engine';

const ROWS = defineCatalogue(
  'test-plural',
  { 'rows.one': '{count} 行（{file}）', 'rows.other': '{count} 行（{file}）' },
  { 'rows.one': '{count} row ({file})', 'rows.other': '{count} rows ({file})' },
);

describe('renderCount', () => {
  it('English: one for 1, other for 0, 2 and 1.5', () => {
    expect([1, 0, 2, 1.5].map((n) => renderCount(ROWS, 'en', 'rows', n, { file: 'a.xlsx' }))).toEqual([
      '1 row (a.xlsx)', '0 rows (a.xlsx)', '2 rows (a.xlsx)', '1.5 rows (a.xlsx)',
    ]);
  });
  it('Chinese has one form', () => {
    expect(renderCount(ROWS, 'zh', 'rows', 1, { file: 'a.xlsx' })).toBe('1 行（a.xlsx）');
    expect(renderCount(ROWS, 'zh', 'rows', 3, { file: 'a.xlsx' })).toBe('3 行（a.xlsx）');
  });
});
