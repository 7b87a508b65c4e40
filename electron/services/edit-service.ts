// Saving what the clerk typed or pasted: each edit's text is parsed with the shared parser; refused
// edits are reported with their reason and write nothing; accepted ones commit in ONE transaction.
// An edit of a locked cell (its department-year or whole year locked) is refused with the lock's reason.
import { xmlSafeText } from '../workbook/export/xml-text';
import type { CellEdit, CellEditResult, EditSource } from '../../shared/api/contract';
import type { Indicator } from '../../shared/domain/plan';
import { parseNumberInput } from '../../shared/domain/parse-number';
import { MAX_NOTE_LENGTH } from '../../shared/domain/note';
import { fail } from '../../shared/api/result';
import { message, parseRefusalMessage } from '../../shared/i18n/messages';
import { lockedMessage } from '../../shared/i18n/cycle-messages';
import type { Store, WriteContext } from '../store/store';
import { buildCell } from './grid-service';
import { revisedTargets } from '../store/repositories/revised-targets';
import { actualKey } from '../store/repositories/actuals-repo';


type Planned =
  | { index: number; edit: CellEdit; indicator: Indicator; kind: 'actual'; value: number | null }
  | { index: number; edit: CellEdit; indicator: Indicator; kind: 'note'; note: string | null };

export function saveCells(
  store: Store,
  planId: string,
  source: EditSource,
  edits: CellEdit[],
  ctx: Omit<WriteContext, 'source'>,
  today: Date,
): CellEditResult[] {
  const plan = store.plans.getPlan(planId);
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const results: CellEditResult[] = new Array<CellEditResult>(edits.length);
  const planned: Planned[] = [];
  edits.forEach((edit, index) => {
    const indicator = byId.get(edit.indicatorId);
    if (!indicator) fail('not-found', 'error.unknown-indicator', { id: edit.indicatorId });
    if (!plan.years.includes(edit.year)) fail('refused', 'error.unknown-year', { year: edit.year });
    const base = { indicatorId: edit.indicatorId, year: edit.year, field: edit.field };
    // A locked department-year refuses typing and paste with the lock's reason (reporting cycle).
    const lock = store.reporting.cellLock(edit.indicatorId, edit.year);
    if (lock) {
      results[index] = { ...base, ok: false, error: lockedMessage(lock), refusal: 'locked' };
      return;
    }
    if (edit.field === 'note') {
      // Characters XML forbids could never be exported (or re-imported): they are not kept.
      const note = edit.text.trim() === '' ? null : xmlSafeText(edit.text.replace(/\r\n/g, '\n'));
      if (note !== null && note.length > MAX_NOTE_LENGTH) {
        results[index] = { ...base, ok: false, error: message('error.note-too-long', { max: MAX_NOTE_LENGTH }), refusal: 'note-too-long' };
      } else planned.push({ index, edit, indicator, kind: 'note', note });
      return;
    }
    const parsed = parseNumberInput(edit.text, { kind: indicator.kind });
    if (!parsed.ok) {
      results[index] = { ...base, ok: false, error: parseRefusalMessage(parsed.code, parsed.text), refusal: parsed.code };
      return;
    }
    // "/" in an actual cell means "no figure", exactly like a blank: the cell is cleared.
    planned.push({ index, edit, indicator, kind: 'actual', value: parsed.kind === 'number' ? parsed.value : null });
  });
  const writeCtx: WriteContext = { ...ctx, source };
  store.transaction(() => {
    for (const p of planned) {
      if (p.kind === 'actual') store.actuals.setValue(p.edit.indicatorId, p.edit.year, p.value, writeCtx);
      else store.actuals.setNote(p.edit.indicatorId, p.edit.year, p.note, writeCtx);
    }
  });
  for (const p of planned) {
    const original = revisedTargets(store.db, plan).get(actualKey(p.edit.indicatorId, p.edit.year));
    const cell = buildCell(p.indicator, p.edit.year, store.actuals.get(p.edit.indicatorId, p.edit.year), today, original);
    results[p.index] = { indicatorId: p.edit.indicatorId, year: p.edit.year, field: p.edit.field, ok: true, cell };
  }
  return results;
}
