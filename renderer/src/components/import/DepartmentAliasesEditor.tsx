// Settings: the names departments write on their returns (full names, old names) and the plan
// department each stands for, e.g. 区住房和城乡建设局 → 区住建局. Saved on its own button.
import { useMemo } from 'react';
import { getApi } from '../../api';
import { useLang } from '../../i18n/context';
import { useCt } from '../../i18n/consolidation-messages';
import { useDepartmentAliases } from './useDepartmentAliases';

export function DepartmentAliasesEditor({ departments }: { departments: string[] }): React.JSX.Element {
  const c = useCt();
  const lang = useLang();
  const api = useMemo(() => getApi(), []);
  const { rows, setRows, save, message } = useDepartmentAliases(api, lang);
  const update = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <fieldset className="aliases" data-testid="department-aliases">
      <legend>{c('aliases.title')}</legend>
      <p className="hint">{c('aliases.hint')}</p>
      {rows.map((row, i) => (
        <div key={i} className="alias-row">
          <input value={row.alias} maxLength={200} aria-label={c('aliases.alias')} placeholder={c('aliases.alias')} onChange={(e) => update(i, { alias: e.target.value })} />
          <span className="arrow">→</span>
          <select value={row.department} aria-label={c('aliases.department')} onChange={(e) => update(i, { department: e.target.value })}>
            <option value="">—</option>
            {departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
          <button type="button" className="small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{c('aliases.remove')}</button>
        </div>
      ))}
      <div className="alias-actions">
        <button type="button" className="small" onClick={() => setRows([...rows, { alias: '', department: '' }])}>{c('aliases.add')}</button>
        <button type="button" className="small" onClick={() => void save()}>{c('aliases.save')}</button>
        {message ? <span className={message.kind === 'error' ? 'error-text' : 'hint'} role="status">{message.kind === 'error' ? message.text : c('aliases.saved')}</span> : null}
      </div>
    </fieldset>
  );
}
