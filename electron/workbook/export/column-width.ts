// Column widths for the exported workbook. Excel measures widths in "characters of the default
// font"; a Chinese character is about two of those, so CJK text needs twice the room of Latin.

/** East Asian wide and full-width characters (CJK ideographs and punctuation, kana, hangul, full-width forms, “”). */
const WIDE = /[\u1100-\u115F\u2018-\u201F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Display width of `text` in Excel width units: 2 per wide character, 1 per other character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += WIDE.test(ch) || cp >= 0x20000 ? 2 : 1;
  }
  return width;
}

/**
 * Width of a column holding `texts` (one per cell, multi-line texts measured by their longest
 * line), plus padding, clamped to [min, max]. Columns that wrap use max as the line length.
 */
export function columnWidth(texts: readonly string[], min: number, max: number, padding = 2): number {
  let widest = 0;
  for (const text of texts) for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return Math.min(max, Math.max(min, widest + padding));
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
    for (const ch of paragraph) {
      const w = displayWidth(ch);
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
