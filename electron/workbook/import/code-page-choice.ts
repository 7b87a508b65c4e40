// Which reading of a legacy .xls to keep when its 8-bit text may be GBK though the file does not
// declare it (xls-code-page.ts reads it both ways): the one whose indicator names match more of
// the plan's (or whose header is recognised at all), never silently — a warning says which code page the text was read with and why.
import type { Plan } from '../../../shared/domain/plan';
import type { InterpretedWorkbook } from './interpret';
import { importMessage } from './import-messages';
import type { NeutralWorkbook } from './model';
import { GBK } from './xls-code-page';

/** Rows matched to the plan first; then, when no row matches, whether a table was recognised at all. */
const fit = (r: InterpretedWorkbook) => r.rows.filter((row) => row.indicatorId !== null).length * 1_000_000 + r.rows.length + r.years.length;

/**
 * `interpret` applied to the workbook as read, and to its GBK reading when it has one; the GBK
 * reading is kept only when more rows match the plan's indicators (or, none matching, when only it
 * shows a table). Either way the result carries
 * a warning naming the code page used (import.code-page-gbk / import.code-page-assumed).
 */
export function chooseCodePage(book: NeutralWorkbook, plan: Plan, interpret: (b: NeutralWorkbook, p: Plan) => InterpretedWorkbook): InterpretedWorkbook {
  const asRead = interpret(book, plan);
  const alt = book.gbkReading;
  if (!alt) return asRead;
  const asGbk = interpret({ format: book.format, sheets: alt.sheets }, plan);
  const useGbk = fit(asGbk) > fit(asRead);
  const chosen = useGbk ? asGbk : asRead;
  const declared = alt.declared === null ? '—' : String(alt.declared);
  const message = useGbk
    ? importMessage('import.code-page-gbk', { biff: alt.biff, declared, gbk: GBK })
    : importMessage('import.code-page-assumed', { biff: alt.biff, declared, used: alt.used, gbk: GBK });
  chosen.issues.unshift({ severity: 'warning', sheet: chosen.rows[0]?.sheet ?? alt.sheets[0]?.name ?? '', cell: 'A1', message });
  return chosen;
}
