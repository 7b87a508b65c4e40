// Throwaway harness to try the grid in a real browser before the app exists (dev only, never
// imported by the app): the seed plan, a fake in-page save that uses the shared parser and status
// rule, ?rows=N to clone rows for a 10,000-row check, ?lang=en.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CellEdit, CellEditResult, EditSource, Grid, GridCell, GridRow } from '../../../../shared/api/contract';
import { parseNumberInput } from '../../../../shared/domain/parse-number';
import { cellStatus } from '../../../../shared/domain/status';
import type { Lang } from '../../../../shared/i18n/messages';
import { message } from '../../../../shared/i18n/messages';
import { SEED_PLAN } from '../../../../shared/seed/zhu-you-yi-ju';
import type { IndicatorGridHandle } from '../IndicatorGrid';
import { IndicatorGrid } from '../IndicatorGrid';
import { StatusLegend } from '../StatusLegend';

const params = new URLSearchParams(location.search);
const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
const rowCount = Number(params.get('rows') ?? SEED_PLAN.indicators.length);
const delay = Number(params.get('delay') ?? 120);
const TODAY = '2026-03-01';
const today = new Date(2026, 2, 1);

const SAMPLE: Record<string, Record<number, number>> = {
  'zyyj-01': { 2023: 10.2, 2024: 10.1 },
  'zyyj-02': { 2023: 640, 2024: 850, 2025: 1012 },
  'zyyj-03': { 2023: 205, 2024: 212 },
  'zyyj-05': { 2023: 86, 2024: 87.5, 2025: 91 },
  'zyyj-13': { 2023: 13900, 2024: 14500 },
};

function makeCell(direction: 'higher' | 'lower', year: number, target: number | '/' | undefined, actual: number | null, note: string | null): GridCell {
  const s = cellStatus({ indicator: { direction, tolerance: null }, year, target, actual, today });
  return { target: target ?? null, actual, note, status: s.status, gap: s.gap, completion: s.completion };
}

function makeGrid(): Grid {
  const rows: GridRow[] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const ind = SEED_PLAN.indicators[i % SEED_PLAN.indicators.length]!;
    const copy = Math.floor(i / SEED_PLAN.indicators.length);
    const id = copy === 0 ? ind.id : `${ind.id}-${copy}`;
    const cells: GridRow['cells'] = {};
    for (const y of SEED_PLAN.years) cells[String(y)] = makeCell(ind.direction, y, ind.targets[y], SAMPLE[ind.id]?.[y] ?? null, null);
    rows.push({ indicatorId: id, code: copy === 0 ? ind.code : `${ind.code}.${copy}`, domain: copy === 0 ? ind.domain : `${ind.domain}${copy}`, name: ind.name, unit: ind.unit, kind: ind.kind, direction: ind.direction, tolerance: ind.tolerance, leadUnit: ind.leadUnit, coUnits: ind.coUnits, cells });
  }
  return { planId: SEED_PLAN.id, year: 2025, department: null, years: SEED_PLAN.years, today: TODAY, rows };
}

const grid = makeGrid();
const store = new Map(grid.rows.map((r) => [r.indicatorId, r]));
const log: { edits: CellEdit[]; source: EditSource }[] = [];
(window as unknown as { __saves: typeof log }).__saves = log;

async function fakeSave(edits: CellEdit[], source: EditSource): Promise<CellEditResult[]> {
  log.push({ edits, source });
  await new Promise((r) => setTimeout(r, delay));
  return edits.map((e) => {
    const row = store.get(e.indicatorId);
    const ind = SEED_PLAN.indicators.find((i) => row && row.indicatorId.startsWith(i.id));
    if (!row || !ind) return { ...e, ok: false, error: message('error.unknown-indicator', { id: e.indicatorId }) };
    const old = row.cells[String(e.year)]!;
    if (e.field === 'note') {
      const cell = { ...old, note: e.text === '' ? null : e.text };
      row.cells[String(e.year)] = cell;
      return { ...e, ok: true, cell };
    }
    const p = parseNumberInput(e.text, { kind: ind.kind });
    if (!p.ok) return { ...e, ok: false, error: message(`parse.${p.code}`, { text: p.text }) };
    const cell = makeCell(ind.direction, e.year, ind.targets[e.year], p.kind === 'number' ? p.value : null, old.note);
    row.cells[String(e.year)] = cell;
    return { ...e, ok: true, cell };
  });
}

function Harness(): React.JSX.Element {
  const [state, setState] = useState('idle');
  const [focus, setFocus] = useState('');
  const handle = useRef<IndicatorGridHandle>(null);
  return (
    <>
      <div style={{ padding: 8, display: 'flex', gap: 16, alignItems: 'center' }}>
        <button id="focus-first" onClick={() => handle.current?.focusFirstEditableCell()}>focus</button>
        <span id="save-state">{state}</span>
        <span id="focus-cell">{focus}</span>
        <StatusLegend lang={lang} />
      </div>
      <div style={{ flex: 1, minHeight: 0, padding: '0 8px 8px' }}>
        <IndicatorGrid
          grid={grid}
          lang={lang}
          save={fakeSave}
          handleRef={handle}
          onSaveStateChange={(s, m) => setState(`${s}${m ? `: ${m}` : ''}`)}
          onCellFocused={(c) => setFocus(c ? `${c.indicatorId}@${c.year}` : '')}
        />
      </div>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
