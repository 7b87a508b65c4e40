// The plan switcher of the toolbar (issue 14 part 3): a list of the database's plans, and the
// buttons that open the programme view (every plan side by side) and the plan editor, and
// 导入规划表 (a plan table picked as a file becomes a new plan after its preview).
import { useRef } from 'react';
import type { PlanSummary } from './use-plan-choice';
import { usePt } from '../i18n/plans-messages';
import { usePi } from '../i18n/plan-import-messages';
import './plans.css';

interface PlanSwitcherProps {
  plans: PlanSummary[];
  planId: string;
  onPlan: (planId: string) => void;
  onProgramme: () => void;
  onEdit?: () => void;
  /** A plan table was picked (导入规划表): the window shows its preview. */
  onImportTable?: (file: File) => void;
}

const PLAN_TABLE_TYPES = '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

export function PlanSwitcher({ plans, planId, onPlan, onProgramme, onEdit, onImportTable }: PlanSwitcherProps): React.JSX.Element {
  const p = usePt();
  const i = usePi();
  const tableInput = useRef<HTMLInputElement>(null);
  return (
    <span className="plan-switcher">
      <label className="field">
        <span>{p('switcher.label')}</span>
        <select value={planId} onChange={(e) => onPlan(e.target.value)} title={p('switcher.title')} data-testid="plan-picker">
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id} title={plan.title}>
              {plan.shortName || plan.title}（{plan.years[0]}–{plan.years[plan.years.length - 1]}）
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="small" onClick={onProgramme} data-testid="programme-open">{p('programme.open')}</button>
      {onEdit ? <button type="button" className="small" onClick={onEdit} data-testid="plan-edit-open">{p('editor.open')}</button> : null}
      {onImportTable ? (
        <>
          <button type="button" className="small" title={i('open-title')} onClick={() => tableInput.current?.click()} data-testid="plan-table-import-open">{i('open')}</button>
          <input
            ref={tableInput}
            type="file"
            accept={PLAN_TABLE_TYPES}
            hidden
            aria-label={i('open')}
            data-testid="plan-table-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onImportTable(file);
            }}
          />
        </>
      ) : null}
    </span>
  );
}
