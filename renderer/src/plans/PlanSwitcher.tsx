// The plan switcher of the toolbar (issue 14 part 3): a list of the database's plans, and the
// buttons that open the programme view (every plan side by side) and the plan editor.
import type { PlanSummary } from './use-plan-choice';
import { usePt } from '../i18n/plans-messages';
import './plans.css';

interface PlanSwitcherProps {
  plans: PlanSummary[];
  planId: string;
  onPlan: (planId: string) => void;
  onProgramme: () => void;
  onEdit?: () => void;
}

export function PlanSwitcher({ plans, planId, onPlan, onProgramme, onEdit }: PlanSwitcherProps): React.JSX.Element {
  const p = usePt();
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
    </span>
  );
}
