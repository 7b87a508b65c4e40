// Conditional formats of a streaming worksheet, written cheaply (docs/ARCHITECTURE.md §Export speed).
// 填报表 has one conditional-format block per year column and run of rows sharing a rule: ~1,500
// blocks and ~4,600 expression rules in a 10,000-row export. ExcelJS 4.4.0's writer (a) adds a new
// <dxf> to styles.xml for every rule, even when rules share one style object: ~3,100 identical
// dxfs, 425 kB of styles.xml that every reader then parses; and (b) renders each block through its
// xform tree. shareDxfStyles gives rules that hand in the same style object one dxfId (as Excel
// does for its own rules); writeExpressionFormatsAsXml writes a sheet's blocks as the XML ExcelJS
// would, straight to the sheet's stream. What the sheet holds is still built with ExcelJS's public
// addConditionalFormatting.
//
// It relies on the ExcelJS internals named in StreamingCfInternals (exceljs is pinned at 4.4.0 in
// package.json); the export tests read the rules, their formulas and fills back with ExcelJS,
// openpyxl and LibreOffice.
import type { ConditionalFormattingOptions, Style, Workbook, Worksheet } from 'exceljs';
import { xmlEncode } from './sheet-row-xml';

/** The parts of ExcelJS 4.4.0's WorkbookWriter (its StylesXform) and WorksheetWriter used here. */
interface StreamingCfInternals {
  wb: { styles: { addDxfStyle(style: Partial<Style>): number } };
  ws: {
    stream: { write(chunk: string): unknown };
    conditionalFormatting: ConditionalFormattingOptions[];
    _writeConditionalFormatting(): void;
  };
}

/**
 * Makes `wb`'s dxf table hand out one id per style object (by reference) from now on. A style object
 * must not be changed after a rule has used it (ExcelJS only adds its numFmtId, the same each time).
 */
export function shareDxfStyles(wb: Workbook): void {
  const styles = (wb as unknown as StreamingCfInternals['wb']).styles;
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

interface ExpressionRule {
  type: 'expression';
  formulae: string[];
  priority: number;
  style?: Partial<Style>;
}

function isPlainExpression(rule: unknown): rule is ExpressionRule {
  const r = rule as Partial<ExpressionRule>;
  return r.type === 'expression' && typeof r.priority === 'number' && Array.isArray(r.formulae) && typeof r.formulae[0] === 'string';
}

/**
 * Makes the commit of streaming worksheet `ws` write its conditional formats as XML here when every
 * rule is an expression with its priority set (those of 填报表); otherwise ExcelJS writes them.
 * Same elements, attributes and order as ExcelJS 4.4.0: <conditionalFormatting sqref> per block,
 * <cfRule type="expression" dxfId priority><formula>.
 */
export function writeExpressionFormatsAsXml(wb: Workbook, ws: Worksheet): void {
  const styles = (wb as unknown as StreamingCfInternals['wb']).styles;
  const sheet = ws as unknown as StreamingCfInternals['ws'];
  const writeOwn = sheet._writeConditionalFormatting.bind(sheet);
  sheet._writeConditionalFormatting = () => {
    const blocks = sheet.conditionalFormatting;
    if (!blocks.every((cf) => cf.rules.every(isPlainExpression))) return writeOwn();
    let xml = '';
    for (const cf of blocks) {
      if (cf.rules.length === 0) continue;
      xml += `<conditionalFormatting sqref="${xmlEncode(cf.ref)}">`;
      for (const rule of cf.rules as unknown as ExpressionRule[]) {
        const dxf = rule.style ? ` dxfId="${styles.addDxfStyle(rule.style)}"` : '';
        xml += `<cfRule type="expression"${dxf} priority="${rule.priority}"><formula>${xmlEncode(rule.formulae[0] as string)}</formula></cfRule>`;
      }
      xml += '</conditionalFormatting>';
    }
    sheet.stream.write(xml);
  };
}
