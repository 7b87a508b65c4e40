// Every message catalogue of every layer has each key in Chinese AND English, with the same
// {placeholders} in both, and every catalogue is made with the one engine: the test finds the
// catalogues by searching the sources for defineCatalogue(, loads those modules, and checks what
// they registered — so a new catalogue is covered without being listed here.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, fillTemplate, formatDate, formatNumber, formatPercent, placeholdersOf, registeredCatalogues } from '../../shared/i18n/engine';
import { ROOT, catalogueFiles } from '../helpers/catalogue-files';

const defining = catalogueFiles();

describe('message catalogues', () => {
  it('are found in every layer', () => {
    const where = defining.map((f) => relative(ROOT, f).split('\\').join('/'));
    for (const expected of ['shared/i18n/messages.ts', 'renderer/src/i18n/catalogue.ts', 'renderer/src/grid/grid-messages.ts', 'electron/workbook/import/import-messages.ts', 'electron/main/texts.ts', 'electron/main/menu.ts', 'electron/backup/backups.ts']) {
      expect(where).toContain(expected);
    }
  });

  it('have every key in both languages with the same placeholders', async () => {
    for (const file of defining) await import(pathToFileURL(file).href);
    const catalogues = registeredCatalogues();
    expect(catalogues.length).toBeGreaterThanOrEqual(defining.length);
    expect(catalogues.flatMap(catalogueProblems)).toEqual([]);
    // Each area is named once, so a problem report names one catalogue.
    const areas = catalogues.map((c) => c.area);
    expect(new Set(areas).size).toBe(areas.length);
  });

  it('the checker itself catches a missing key and a placeholder mismatch', () => {
    const broken = { area: 'probe', texts: { zh: { a: '{x}年', b: '有' }, en: { a: 'year {y}' } } } as never;
    expect(catalogueProblems(broken)).toEqual(['probe: "a" placeholders differ: zh {x} en {y}', 'probe: "b" has no en text']);
  });
});

describe('the engine', () => {
  it('fills placeholders once, leaving unknown ones visible', () => {
    expect(fillTemplate('{year}年 {name} {missing}', { year: 2025, name: '住建局' })).toBe('2025年 住建局 {missing}');
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
  });

  it('fills a template the same way every time it is used, repeats and edges included', () => {
    const t = '{first}：{n} 与 {n}，{first}{last}';
    expect(fillTemplate(t, { first: 'A', n: 0, last: '!' })).toBe('A：0 与 0，A!');
    // The second use goes through the template's cached split: the same result, other values.
    expect(fillTemplate(t, { first: '{n}', n: 1.5 })).toBe('{n}：1.5 与 1.5，{n}{last}');
    expect(fillTemplate('no placeholders', { n: 1 })).toBe('no placeholders');
    expect(fillTemplate('', {})).toBe('');
  });

  it('formats numbers, percentages and dates with Intl in either language', () => {
    expect(formatNumber('zh', 13862)).toBe('13,862');
    expect(formatNumber('en', 10.45678)).toBe('10.4568');
    expect(formatNumber('en', 10.456, 2)).toBe('10.46');
    expect(formatPercent('zh', 0.9638)).toBe('96.4%');
    expect(formatDate('zh', '2026-03-05')).toBe('2026年3月5日');
    expect(formatDate('en', '2026-03-05')).toBe('5 March 2026');
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});
