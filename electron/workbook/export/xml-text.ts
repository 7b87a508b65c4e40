// Every text the exporter writes must be a legal XML 1.0 character sequence, or the workbook's
// XML (sharedStrings.xml, sheet names, properties) is malformed and Excel/openpyxl refuse the file.
// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]:
// C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates are removed. Spaces and
// line breaks are kept as they are (ExcelJS writes xml:space="preserve").
import type ExcelJS from 'exceljs';

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids (see the module comment). */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

function safeValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return xmlSafeText(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return { ...value, richText: value.richText.map((r) => ({ ...r, text: xmlSafeText(r.text) })) };
  if ('hyperlink' in value) return { ...value, text: xmlSafeText(value.text), hyperlink: xmlSafeText(value.hyperlink) };
  if ('formula' in value && typeof value.result === 'string') return { ...value, result: xmlSafeText(value.result) } as ExcelJS.CellValue;
  return value;
}

/**
 * Remove XML-forbidden characters from every text in `wb` just before it is written: cell values
 * (plain, rich, hyperlink, formula results), cell comments, sheet names, header/footer and the
 * document properties. Called once by the exporter, so no text can bypass it.
 */
export function sanitizeWorkbookText(wb: ExcelJS.Workbook): void {
  for (const key of ['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'category', 'description', 'company', 'manager'] as const) {
    const v = wb[key];
    if (typeof v === 'string') wb[key] = xmlSafeText(v);
  }
  wb.eachSheet((ws) => {
    ws.name = xmlSafeText(ws.name);
    const hf = ws.headerFooter as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(hf)) if (typeof v === 'string') hf[k] = xmlSafeText(v);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const safe = safeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
        const note = cell.note;
        if (typeof note === 'string') cell.note = xmlSafeText(note);
        else if (note && Array.isArray(note.texts)) cell.note = { ...note, texts: note.texts.map((t) => ({ ...t, text: xmlSafeText(t.text) })) };
      });
    });
  });
}
