// Column widths for the exported workbook. Excel measures widths in "characters of the default
// font"; a Chinese character is about two of those, so CJK text needs twice the room of Latin.

/** East Asian wide and full-width code points (CJK ideographs and punctuation, kana, hangul, full-width forms, “”), as [from, to] ranges. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2018, 0x201f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

/** Width of one code point: 2 for the wide ranges and everything from U+20000 (CJK extensions), else 1. */
function codePointWidth(cp: number): number {
  if (cp < 0x1100) return 1; // Latin, digits and the like: most of a workbook's text, decided at once
  if (cp >= 0x20000) return 2;
  for (const [from, to] of WIDE_RANGES) if (cp >= from && cp <= to) return 2;
  return 1;
}

/** Display width of `text` in Excel width units: 2 per wide character, 1 per other character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i += 1; // the second half of a surrogate pair
    width += codePointWidth(cp);
  }
  return width;
}

/** Display width of a cell's text: of its longest line when it has several. */
function cellTextWidth(text: string): number {
  return text.includes('\n') ? Math.max(...text.split('\n').map(displayWidth)) : displayWidth(text);
}

/**
 * Width of a column holding `texts` (one per cell, multi-line texts measured by their longest
 * line), plus padding, clamped to [min, max]. Columns that wrap use max as the line length.
 */
export function columnWidth(texts: readonly string[], min: number, max: number, padding = 2): number {
  return columnWidthOf('', texts, (t) => t, min, max, padding);
}

/**
 * columnWidth() of the column headed `header` whose cells show `text(item)` for each item, without
 * making the list of texts.
 */
export function columnWidthOf<T>(header: string, items: readonly T[], text: (item: T) => string, min: number, max: number, padding = 2): number {
  const column = new TextColumnWidth(header, min, max, padding);
  for (let i = 0; i < items.length && !column.full; i += 1) column.add(text(items[i] as T));
  return column.width;
}

/**
 * columnWidth() fed one cell text at a time, so that a sheet's columns are measured in one pass
 * over its rows (a 10,000-row export measures a dozen before its first row goes out).
 */
export class TextColumnWidth {
  private widest: number;
  /** The column is as wide as it may be: later texts need not be measured. */
  full: boolean;

  constructor(
    header: string,
    private readonly min: number,
    private readonly max: number,
    private readonly padding = 2,
  ) {
    this.widest = cellTextWidth(header);
    this.full = this.widest + padding >= max;
  }

  add(text: string): void {
    if (this.full) return;
    const w = cellTextWidth(text);
    if (w > this.widest) {
      this.widest = w;
      this.full = w + this.padding >= this.max;
    }
  }

  /** Width in Excel units, clamped to [min, max]. */
  get width(): number {
    return this.full ? this.max : Math.min(this.max, Math.max(this.min, this.widest + this.padding));
  }
}

/**
 * Lines `text` takes when wrapped in a column `width` units wide. LibreOffice does not grow rows
 * for wrapped text on its own (and Excel only sometimes), so the exporter sets row heights from
 * this. Greedy, character by character, with a little slack for the cell's inner margins.
 */
export function wrappedLineCount(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (let i = 0; i < paragraph.length; i += 1) {
      const cp = paragraph.codePointAt(i) as number;
      if (cp > 0xffff) i += 1;
      const w = codePointWidth(cp);
      if (line + w > usable) {
        count += 1;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Row height in points for a row whose tallest cell wraps to `lines` lines of a `fontSize` font. */
export function rowHeightForLines(lines: number, fontSize = 10): number {
  return Math.ceil(lines * fontSize * 1.3 + 6);
}
