// Excel 2003 XML (SpreadsheetML) writes an empty merged cell self-closed:
// `<Cell ss:MergeAcross="1" ss:StyleID="s21"/>`. SheetJS then does not move past the merged
// columns, so every later cell of the row landed to the left — an actual read as a target.
// read-xls.ts expandEmptyCells writes such cells open and closed first. Shapes: the 领域 column
// merged across two columns with blank cells under a domain, with and without an ss: prefix on
// the element, with a later explicit ss:Index, and an attribute whose quoted value holds "/>".
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { expandEmptyCells } from '../../../electron/workbook/import/read-xls';
import { CASE_READING, caseReading, caseRows } from '../../helpers/case-return';

const NS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"';

/** The case rows with column A (领域) merged across A:B; a blank 领域 is `blank` (a self-closed merged cell). */
function workbook(blank: string, prefix = '', indexAfterBlank = false): string {
  const C = `${prefix}Cell`;
  const data = (v: string | number) => `<${prefix}Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</${prefix}Data>`;
  // A domain is written once, on its first row (the cells below it blank, as under a merged 领域).
  const rows = caseRows().map((row, r, all) => {
    const [domain, ...rest] = r > 3 && all[r - 1]?.[0] === row[0] ? [null, ...row.slice(1)] : row;
    const first = domain === null || domain === undefined ? blank.replaceAll('Cell', C) : `<${C} ss:MergeAcross="1">${data(domain)}</${C}>`;
    const after = rest.map((v, i) => {
      if (v === null || v === undefined) return '';
      const index = i === 0 && indexAfterBlank ? ' ss:Index="3"' : '';
      // Blanks are left out, so the next cell says its column.
      const prevBlank = i > 0 && (rest[i - 1] === null || rest[i - 1] === undefined);
      return `<${C}${prevBlank ? ` ss:Index="${i + 3}"` : index}>${data(v)}</${C}>`;
    });
    return `<${prefix}Row>${first}${after.join('')}</${prefix}Row>`;
  });
  return `<?xml version="1.0"?>\n<Workbook ${NS}><${prefix}Worksheet ss:Name="2025年度"><${prefix}Table>${rows.join('')}</${prefix}Table></${prefix}Worksheet></Workbook>`;
}

describe('an empty merged cell in Excel 2003 XML keeps the cells after it in place', () => {
  it.each([
    ['self-closed with a style', '<Cell ss:MergeAcross="1" ss:StyleID="s21"/>', '', false],
    ['self-closed, spaces before the slash', '<Cell ss:MergeAcross="1"   />', '', false],
    ['with an ss: prefix on the element', '<Cell ss:MergeAcross="1"/>', 'ss:', false],
    ['an attribute value holding "/>"', '<Cell ss:MergeAcross="1" ss:HRef="http://x/a/>b"/>', '', false],
    ['the next cell giving its column too', '<Cell ss:MergeAcross="1"/>', '', true],
  ])('%s', async (_shape, blank, prefix, indexAfterBlank) => {
    const xml = workbook(blank, prefix, indexAfterBlank);
    expect(xml).toContain('MergeAcross="1"');
    const book = await readAndInterpret(Buffer.from(xml, 'utf8'), 'excel2003.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it('rewrites only self-closed cells, whatever their attributes hold', () => {
    const xml = '<Row><Cell ss:MergeAcross="1" ss:HRef="a/>b"/><Cell><Data>x</Data></Cell><Cells/><ss:Cell/></Row>';
    expect(expandEmptyCells(xml)).toBe('<Row><Cell ss:MergeAcross="1" ss:HRef="a/>b"></Cell><Cell><Data>x</Data></Cell><Cells/><ss:Cell></ss:Cell></Row>');
  });
});
