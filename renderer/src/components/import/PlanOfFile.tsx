// The plan an imported file belongs to (found in main: electron/services/plan-match.ts), as a fact
// of the preview, with a warning when that is not the plan on screen or no plan at all.
import type { ImportPreview } from '../../../../shared/api/contract';
import { usePt } from '../../i18n/plans-messages';
import { planLabel } from '../../../../shared/domain/plan-label';

export function PlanOfFile({ preview, currentPlanId }: { preview: ImportPreview; currentPlanId?: string }): React.JSX.Element | null {
  const p = usePt();
  if (preview.plan === undefined) return null;
  const plan = preview.plan;
  // Named as the window names plans: short name, then title (shared/domain/plan-label.ts).
  const label = plan === null ? '' : planLabel({ id: plan.planId, shortName: plan.shortName, title: plan.title });
  const text = plan === null ? p('import.plan-none') : p(plan.by === 'meta' ? 'import.plan-by-meta' : 'import.plan-by-names', { title: label });
  const other = plan !== null && currentPlanId !== undefined && plan.planId !== currentPlanId;
  return (
    <>
      <dt>{p('import.plan')}</dt>
      <dd data-testid="import-plan" className={plan === null || other ? 'warn-text' : ''}>
        {text}
        {/* The plan is named just above: the note says only what to do. */}
        {other ? <div role="note">{p('import.plan-other')}</div> : null}
      </dd>
    </>
  );
}
