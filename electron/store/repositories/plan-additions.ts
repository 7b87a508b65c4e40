// The checks and side writes of adding an indicator to an existing plan (issue 14 part 2, the
// editor's 新增指标): no second indicator with the same name and unit (retired ones count: bring
// those back with 恢复), and a 领域 new to the plan joins its domain list (ordering of grid groups,
// progress and the dashboard), audited like any change to the plan. Used by PlansRepo.addIndicator.
import type Database from 'better-sqlite3';
import type { Plan } from '../../../shared/domain/plan';
import type { IndicatorDraft } from '../../../shared/domain/plan-draft';
import { indicatorKey } from '../../../shared/domain/plan-draft';
import { planYearsFail } from '../../../shared/i18n/plan-years-messages';
import type { AuditRepo, WriteContext } from './audit-repo';

/**
 * Refuse (ApiFailure 'conflict') a draft whose name and unit an indicator of `plan` (read with retired
 * ones) already has, or whose 序号 an indicator in the plan (not retired) already has.
 */
export function checkNotInPlan(plan: Plan, draft: Pick<IndicatorDraft, 'name' | 'unit' | 'code'>): void {
  const key = indicatorKey(draft);
  if (plan.indicators.some((i) => indicatorKey(i) === key)) planYearsFail('conflict', 'indicator.duplicate', { name: draft.name.trim(), unit: draft.unit.trim() });
  const code = draft.code.trim();
  const holder = plan.indicators.find((i) => !i.retiredAt && i.code === code);
  if (holder) planYearsFail('conflict', 'indicator.duplicate-code', { code, name: holder.name });
}

/** Append `domain` to the plan's 领域 list when it is new there (an audit row, field 'domains', with the reason). */
export function addDomain(db: Database.Database, audit: AuditRepo, plan: Plan, domain: string, reason: string, ctx: WriteContext): void {
  const d = domain.trim();
  if (d === '' || plan.domains.includes(d)) return;
  const next = [...plan.domains, d];
  db.prepare('UPDATE plans SET domains_json = ? WHERE id = ?').run(JSON.stringify(next), plan.id);
  audit.write(ctx, { action: 'update', entity: 'plan', planId: plan.id, field: 'domains', oldValue: plan.domains.join('、'), newValue: next.join('、'), reason });
}
