// 新规划期: copy the plan to new years (its indicators, no targets) as a new plan (issue 14 part 4).
// The first year defaults to the year after the plan's last, for as many years as the plan has;
// the new plan needs a short name of its own (short names are unique: they name exported files).
import { useState } from 'react';
import { usePt } from '../i18n/plans-messages';

interface NewPeriodFormProps {
  years: number[];
  shortName: string;
  busy: boolean;
  onCreate: (firstYear: number, lastYear: number, shortName: string) => void;
}

export function NewPeriodForm({ years, shortName, busy, onCreate }: NewPeriodFormProps): React.JSX.Element {
  const p = usePt();
  const last = years[years.length - 1] ?? new Date().getFullYear();
  const [first, setFirst] = useState(String(last + 1));
  const [end, setEnd] = useState(String(last + years.length));
  const [name, setName] = useState(`${shortName}${last + 1}`);
  return (
    <fieldset className="new-period" data-testid="new-period">
      <legend>{p('editor.new-period-title')}</legend>
      <p className="hint">{p('editor.new-period-hint')}</p>
      <label className="field">
        <span>{p('editor.new-period-first')}</span>
        <input value={first} inputMode="numeric" className="narrow" onChange={(e) => setFirst(e.target.value)} data-testid="new-period-first" />
      </label>
      <label className="field">
        <span>{p('editor.new-period-last')}</span>
        <input value={end} inputMode="numeric" className="narrow" onChange={(e) => setEnd(e.target.value)} data-testid="new-period-last" />
      </label>
      <label className="field">
        <span>{p('editor.new-period-short-name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="new-period-name" />
      </label>
      <button type="button" disabled={busy} onClick={() => onCreate(Number(first), Number(end), name)} data-testid="new-period-create">
        {p('editor.new-period-create')}
      </button>
    </fieldset>
  );
}
