// One differential style (<dxf> in styles.xml) per distinct style object of a streaming workbook's
// conditional-format rules (docs/ARCHITECTURE.md §Export speed). ExcelJS 4.4.0's writer adds a new
// dxf for every rule it writes, even when rules share one style object: a 10,000-row 填报表 (one
// conditional-format block per run of rows) listed ~3,100 identical dxfs, 425 kB of styles.xml that
// cost a tenth of the export to build and every reader to parse. Rules handing in the same object
// now share its dxfId, as Excel does for its own rules.
//
// It relies on the one ExcelJS internal named in DxfTable (exceljs is pinned at 4.4.0 in
// package.json); the export tests read the rules and their fills back with ExcelJS and LibreOffice.
import type { Style, Workbook } from 'exceljs';

/** The part of ExcelJS 4.4.0's WorkbookWriter (its StylesXform) this module uses. */
interface DxfTable {
  styles: { addDxfStyle(style: Partial<Style>): number };
}

/**
 * Makes `wb`'s dxf table hand out one id per style object (by reference) from now on. A style object
 * must not be changed after a rule has used it (ExcelJS only adds its numFmtId, the same each time).
 */
export function shareDxfStyles(wb: Workbook): void {
  const styles = (wb as unknown as DxfTable).styles;
  const add = styles.addDxfStyle.bind(styles);
  const ids = new Map<Partial<Style>, number>();
  styles.addDxfStyle = (style) => {
    let id = ids.get(style);
    if (id === undefined) {
      id = add(style);
      ids.set(style, id);
    }
    return id;
  };
}
