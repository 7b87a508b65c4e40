// Tab-separated text as Excel, WPS and LibreOffice put it on the clipboard, and back. Quoting
// follows Excel: a field that starts with " is quoted; inside it "" is a literal quote and tabs and
// line breaks are data. A field that does not start with " is taken literally, quotes and all.

/** Parse clipboard text into rows of fields. A single trailing line break is not an extra row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      // Quoted field: runs to the closing quote; what follows it up to the next separator is kept
      // as Excel does with malformed input like "a"b.
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const ch = text[j];
        if (ch === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        field += ch;
        j += 1;
      }
      if (!closed) {
        // An unterminated quote is not quoting at all: take the text literally up to the separator.
        const end = nextSeparator(text, i);
        field = text.slice(i, end);
        i = end;
      } else {
        const end = nextSeparator(text, j);
        field += text.slice(j, end);
        i = end;
      }
    } else {
      const end = nextSeparator(text, i);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    // Line break: \r\n, \n or a lone \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break; // trailing line break ends the block
  }
  return rows;
}

function nextSeparator(text: string, from: number): number {
  for (let k = from; k < text.length; k += 1) {
    const ch = text[k];
    if (ch === '\t' || ch === '\n' || ch === '\r') return k;
  }
  return text.length;
}

/** Quote a field when Excel would need it to read it back as one cell. */
export function quoteTsvField(field: string): string {
  if (/[\t\r\n"]/.test(field)) return `"${field.replace(/"/g, '""')}"`;
  return field;
}

/** Rows of fields → clipboard text, \r\n line ends as Excel writes them, with a trailing break. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return rows.map((r) => r.map(quoteTsvField).join('\t')).join('\r\n') + '\r\n';
}
