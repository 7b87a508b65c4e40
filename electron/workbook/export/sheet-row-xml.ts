// Data rows written straight into an ExcelJS streaming worksheet as <row> XML (docs/ARCHITECTURE.md
// §Export speed). ExcelJS builds a Cell object, a value object and a model per cell and then
// serialises the model through its xforms: about two thirds of a 10,000-row export's time. Rows of
// 填报表 are simple (shared strings, numbers, one formula kind, empty styled cells), so this writer
// emits exactly the XML ExcelJS 4.4.0 would for them, registering styles and strings through the
// workbook's own style and shared-string tables, and hands merges and data validations to the
// worksheet as ranges (data validations as one element per rule, see dataValidationsXml). Everything else (header rows, merges of the header, conditional formats,
// protection, page setup) still goes through ExcelJS's public API (conditional formats are then
// written by conditional-format-xml.ts, the shared strings by shared-strings-xml.ts).
//
// It relies on the streaming writer's internals listed in StreamingInternals (exceljs is pinned at
// 4.4.0 in package.json); the export tests read the result back with ExcelJS, openpyxl and
// LibreOffice, so a change there fails them.
import type { DataValidation, Style, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from './sheet-rules';

/** ExcelJS's value types (lib/doc/enums.js), as its style table takes them. */
const TYPE = { null: 0, merge: 1, number: 2, string: 3 } as const;

/** The parts of ExcelJS 4.4.0's WorkbookWriter / WorksheetWriter this module uses. */
interface StreamingInternals {
  wb: {
    styles: { addStyleModel(style: Partial<Style>, cellType: number): number };
    sharedStrings: { add(text: string): number };
  };
  ws: {
    stream: { write(chunk: string): unknown };
    startedData: boolean;
    _rows: unknown[] | null;
    _rowZero: number;
    _merges: { intersects(other: unknown): boolean; toString(): string }[];
    dataValidations: { model: Record<string, DataValidation | undefined> };
    _writeDataValidations(): void;
  };
}

/** A merged range as the streaming writer keeps it: its `<mergeCell ref>` text and the overlap test. */
class MergedRange {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}

  intersects(o: { top: number; left: number; bottom: number; right: number }): boolean {
    return o.bottom >= this.top && o.top <= this.bottom && o.right >= this.left && o.left <= this.right;
  }

  toString(): string {
    return `${columnLetter(this.left)}${this.top}:${columnLetter(this.right)}${this.bottom}`;
  }
}

/** The control characters ExcelJS's xmlEncode drops. */
// eslint-disable-next-line no-control-regex -- the control characters ExcelJS drops, matched on purpose
const XML_DROPPED = /[\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
/** Any character xmlEncode changes (not global: test() keeps no state). */
// eslint-disable-next-line no-control-regex -- the control characters ExcelJS drops, matched on purpose
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/**
 * `text` escaped as ExcelJS's xmlEncode does (& < > " ' as entities, C0 controls but tab, LF, CR
 * and DEL dropped). Plain string replacements: every 完成率 formula has quotes, and a regex with a
 * callback per match cost a twentieth of a 10,000-row export.
 */
export function xmlEncode(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let s = text.replace(XML_DROPPED, '');
  if (s.includes('&')) s = s.replaceAll('&', '&amp;');
  if (s.includes('<')) s = s.replaceAll('<', '&lt;');
  if (s.includes('>')) s = s.replaceAll('>', '&gt;');
  if (s.includes('"')) s = s.replaceAll('"', '&quot;');
  if (s.includes("'")) s = s.replaceAll("'", '&apos;');
  return s;
}

/**
 * The <dataValidations> element with one <dataValidation> per rule over all its ranges (a
 * space-separated sqref, as Excel writes it), attributes in the order ExcelJS 4.4.0 renders them.
 * ExcelJS's writer would give each run of rows its own copy of the rule's long texts.
 */
function dataValidationsXml(ranges: Map<DataValidation, string[]>): string {
  const attr = (name: string, value: string | number) => ` ${name}="${xmlEncode(String(value))}"`;
  let xml = `<dataValidations count="${ranges.size}">`;
  for (const [v, refs] of ranges) {
    let a = '';
    if ((v.type as string) !== 'any') {
      a += attr('type', v.type);
      if (v.operator && v.type !== 'list' && v.operator !== 'between') a += attr('operator', v.operator);
      if (v.allowBlank) a += attr('allowBlank', 1);
    }
    if (v.showInputMessage) a += attr('showInputMessage', 1);
    if (v.promptTitle) a += attr('promptTitle', v.promptTitle);
    if (v.prompt) a += attr('prompt', v.prompt);
    if (v.showErrorMessage) a += attr('showErrorMessage', 1);
    if (v.errorStyle) a += attr('errorStyle', v.errorStyle);
    if (v.errorTitle) a += attr('errorTitle', v.errorTitle);
    if (v.error) a += attr('error', v.error);
    a += attr('sqref', refs.join(' '));
    const formulae = (v.formulae ?? []).map((f: unknown, i: number) => `<formula${i + 1}>${xmlEncode(String(f))}</formula${i + 1}>`).join('');
    xml += `<dataValidation${a}>${formulae}</dataValidation>`;
  }
  return `${xml}</dataValidations>`;
}

/**
 * Placeholder i of a FormulaTemplate, kept as it is by xmlEncode. Latin-1 ('§'), not a private-use
 * character: V8 keeps pieces cut from a string with any wider character in two bytes a character,
 * which made every flushed chunk of rows two-byte and its UTF-8 encoding several times slower.
 */
const slot = (i: number) => `\u00A7${i}\u00A7`;
const SLOT = /\u00A7(\d+)\u00A7/;

/**
 * A formula that differs from row to row only in its cell references (like 完成率's), XML-escaped
 * once rather than per cell: `build` is called once with placeholders for its `arity` references.
 */
export class FormulaTemplate {
  /** Escaped text between the references, and which reference goes after each piece. */
  private readonly pieces: string[] = [];
  private readonly refs: number[] = [];

  constructor(build: (...refs: string[]) => string, arity: number) {
    const parts = xmlEncode(build(...Array.from({ length: arity }, (_, i) => slot(i)))).split(SLOT);
    for (let i = 0; i < parts.length; i += 2) {
      this.pieces.push(parts[i] as string);
      if (i + 1 < parts.length) this.refs.push(Number(parts[i + 1]));
    }
    if (Array.from({ length: arity }, (_, i) => i).some((i) => !this.refs.includes(i)) || this.refs.some((r) => r >= arity)) {
      throw new Error('FormulaTemplate: build() must use every reference it is given, and no "§"');
    }
  }

  /** The escaped formula with `refs` (A1 references: nothing to escape) in their places. */
  xml(refs: readonly string[]): string {
    let out = this.pieces[0] as string;
    for (let i = 0; i < this.refs.length; i += 1) out += (refs[this.refs[i] as number] as string) + (this.pieces[i + 1] as string);
    return out;
  }
}

/** The style of a cell given none (ExcelJS registers `{}` for it: the workbook's default look). */
const UNSTYLED: Partial<Style> = Object.freeze({});

/** Flush the row text to the sheet's stream in chunks of about this many characters. */
const FLUSH_AT = 64 * 1024;

/**
 * Appends rows to a streaming worksheet whose earlier rows are all committed. Use: begin(row,
 * height), then cells left to right, then end(); finally close(). Rows must come in order.
 * Cells: text (a shared string; '' writes an empty styled cell as ExcelJS does for null), number,
 * empty, formula (with its cached result, '' for none), merged (a non-first cell of a merge).
 */
export class SheetRowWriter {
  private readonly wb: StreamingInternals['wb'];
  private readonly ws: StreamingInternals['ws'];
  private readonly letters: string[] = [];
  private buffer = '';
  private row = 0;
  private cells = '';
  private min = 0;
  private max = 0;
  private readonly validations = new Map<DataValidation, string[]>();
  private readonly styleIds = new Map<Partial<Style>, number>();

  constructor(wb: Workbook, ws: Worksheet) {
    this.wb = wb as unknown as StreamingInternals['wb'];
    const sheet = ws as unknown as StreamingInternals['ws'];
    this.ws = sheet;
    const rows = sheet._rows;
    if (!sheet.startedData || rows === null || rows.some((r) => r !== undefined && r !== null)) {
      throw new Error('SheetRowWriter: commit the rows above first (the sheet must have started its data, with no row pending)');
    }
    // The sheet's commit writes this writer's validations in their place (after the conditional formats).
    const writeOwn = sheet._writeDataValidations.bind(sheet);
    sheet._writeDataValidations = () => {
      if (this.validations.size === 0) return writeOwn();
      if (Object.values(sheet.dataValidations.model).some((v) => v !== undefined)) {
        throw new Error('SheetRowWriter: data validations set both through cells and through this writer');
      }
      sheet.stream.write(dataValidationsXml(this.validations));
    };
  }

  /** A cell's address in the current row, like "H6". */
  address(col: number): string {
    return `${(this.letters[col] ??= columnLetter(col))}${this.row}`;
  }

  /**
   * The style id of `style`. ExcelJS's table remembers a style object's id from its first use
   * (whatever the cell type then), so remembering it here gives the same ids without asking again.
   */
  private styleId(style: Partial<Style>, type: number): number {
    let id = this.styleIds.get(style);
    if (id === undefined) {
      id = this.wb.styles.addStyleModel(style, type);
      this.styleIds.set(style, id);
    }
    return id;
  }

  private open(col: number, style: Partial<Style>, type: number): string {
    if (!this.min) this.min = col;
    this.max = col;
    const s = this.styleId(style, type);
    return `<c r="${this.address(col)}"${s ? ` s="${s}"` : ''}`;
  }

  begin(row: number): void {
    if (row < this.ws._rowZero) throw new Error(`SheetRowWriter: row ${row} is already written`);
    this.row = row;
    this.cells = '';
    this.min = 0;
    this.max = 0;
  }

  /** A text cell; '' is an empty cell (the template's setText). */
  text(col: number, text: string, style: Partial<Style>): void {
    if (text === '') return this.empty(col, style);
    this.string(col, text, style);
  }

  /** A string cell, even for '' (a value assigned as it is). */
  string(col: number, text: string, style: Partial<Style> = UNSTYLED): void {
    const head = this.open(col, style, TYPE.string);
    this.cells += `${head} t="s"><v>${this.wb.sharedStrings.add(text)}</v></c>`;
  }

  /** A cell without value or style: nothing is written, but it counts in the row's spans as in ExcelJS. */
  nothing(col: number): void {
    if (!this.min) this.min = col;
    this.max = col;
  }

  number(col: number, value: number, style: Partial<Style> = UNSTYLED): void {
    this.cells += `${this.open(col, style, TYPE.number)}><v>${value}</v></c>`;
  }

  empty(col: number, style: Partial<Style>): void {
    this.cells += `${this.open(col, style, TYPE.null)}/>`;
  }

  merged(col: number, style: Partial<Style>): void {
    this.cells += `${this.open(col, style, TYPE.merge)}/>`;
  }

  formula(col: number, formula: string, result: number | '', style: Partial<Style>): void {
    this.escapedFormula(col, xmlEncode(formula), result, style);
  }

  /** formula() of `template` with `refs` (A1 references) in their places. */
  templateFormula(col: number, template: FormulaTemplate, refs: readonly string[], result: number | '', style: Partial<Style>): void {
    this.escapedFormula(col, template.xml(refs), result, style);
  }

  private escapedFormula(col: number, escaped: string, result: number | '', style: Partial<Style>): void {
    const f = `<f>${escaped}</f>`;
    this.cells +=
      typeof result === 'number'
        ? `${this.open(col, style, TYPE.number)}>${f}<v>${result}</v></c>`
        : `${this.open(col, style, TYPE.string)} t="str">${f}<v></v></c>`;
  }

  /** Ends the row; `height` in points (written as a custom height, as ExcelJS does for row.height). */
  end(height?: number): void {
    this.buffer += `<row r="${this.row}"${height ? ` ht="${height}" customHeight="1"` : ''}${this.min ? ` spans="${this.min}:${this.max}"` : ''} x14ac:dyDescent="0.25">${this.cells}</row>`;
    this.ws._rowZero = this.row + 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** A merge of rows top..bottom, columns left..right (all already written or about to be). */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.ws._merges.push(new MergedRange(top, left, bottom, right));
  }

  /** `validation` over a range like "H6:H905" or a cell; ranges of the same rule object share one element. */
  validate(range: string, validation: DataValidation): void {
    const refs = this.validations.get(validation);
    if (refs) refs.push(range);
    else this.validations.set(validation, [range]);
  }

  flush(): void {
    if (this.buffer) this.ws.stream.write(this.buffer);
    this.buffer = '';
  }
}
