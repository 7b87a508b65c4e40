// The plan an imported file belongs to (found in main: electron/services/plan-match.ts), as a fact
// of the preview, with a warning when that is not the plan on screen or no plan at all.
import type { ImportPreview } from '../../../../shared/api/contract';
import { usePt } from '../../i18n/plans-messages';

export function PlanOfFile({ preview, currentPlanId }: { preview: ImportPreview; currentPlanId?: string }): React.JSX.Element | null {
  const p = usePt();
  if (preview.plan === undefined) return null;
  const plan = preview.plan;
  const text = plan === null ? p('import.plan-none') : p(plan.by === 'meta' ? 'import.plan-by-meta' : 'import.plan-by-names', { title: plan.title });
  const other = plan !== null && currentPlanId !== undefined && plan.planId !== currentPlanId;
  return (
    <>
      <dt>{p('import.plan')}</dt>
      <dd data-testid="import-plan" className={plan === null || other ? 'warn-text' : ''}>
        {text}
        {other ? <div role="note">{p('import.plan-other', { title: plan.title })}</div> : null}
      </dd>
    </>
  );
}
