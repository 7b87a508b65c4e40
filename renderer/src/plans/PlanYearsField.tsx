// The plan editor's 年份 field (issue 14 part 2): the plan's first and last year, editable, and
// 更改年度 to apply them with the editor's 调整原因 (usePlanEditor.changeYears: extend at either end,
// or shrink — a year with actuals is refused by the store, with the year and the count).
import { useState } from 'react';
import { usePa } from '../i18n/plan-add-messages';

interface PlanYearsFieldProps {
  years: number[];
  busy: boolean;
  onChange: (firstYear: number, lastYear: number) => void;
}

export function PlanYearsField({ years, busy, onChange }: PlanYearsFieldProps): React.JSX.Element {
  const a = usePa();
  const [first, setFirst] = useState(String(years[0] ?? ''));
  const [last, setLast] = useState(String(years[years.length - 1] ?? ''));
  return (
    <span className="plan-years" data-testid="plan-years" title={a('years.hint')}>
      <input value={first} inputMode="numeric" aria-label={a('years.first')} onChange={(e) => setFirst(e.target.value)} data-testid="plan-first-year" />
      –
      <input value={last} inputMode="numeric" aria-label={a('years.last')} onChange={(e) => setLast(e.target.value)} data-testid="plan-last-year" />
      <button type="button" className="small" disabled={busy} onClick={() => onChange(Number(first.trim()), Number(last.trim()))} data-testid="plan-years-apply">
        {a('years.apply')}
      </button>
    </span>
  );
}
