// Which (plan, year, department) the clerk is looking at, learned from the grid requests the page
// makes, so menu commands (导出, 导出并发送邮件) act on the visible table without a second channel.
import type { ApiHandlers, ApiRequest, Bootstrap } from '../../shared/api/contract';
import { defaultReportingYear } from '../../shared/domain/reporting-year';
import { defaultPlanId } from '../../shared/domain/default-plan';
import type { Lang } from '../../shared/i18n/lang';

export type GridView = ApiRequest<'getGrid'>;

export interface ViewTracker {
  handlers: ApiHandlers;
  /** The last grid the page asked for, or null before the first one. */
  lastView(): GridView | null;
}

/** Wrap handlers so successful getGrid calls record the view and saveSettings reports the language. */
export function trackViews(handlers: ApiHandlers, onSettingsSaved: (lang: Lang) => void = () => {}): ViewTracker {
  let last: GridView | null = null;
  const wrapped: ApiHandlers = {
    ...handlers,
    getGrid: async (request) => {
      const grid = await handlers.getGrid(request);
      last = { planId: request.planId, year: request.year, department: request.department };
      return grid;
    },
    saveSettings: async (request) => {
      const saved = await handlers.saveSettings(request);
      onSettingsSaved(saved.lang);
      return saved;
    },
  };
  return { handlers: wrapped, lastView: () => last };
}

/**
 * Before the page has shown a grid: the remembered or default plan, the year the window opens on
 * (defaultReportingYear), the clerk's department. Null when there is no plan or it has no years.
 */
export function defaultView(bootstrap: Bootstrap): GridView | null {
  if (bootstrap.plans.length === 0) return null;
  // The plan the window opens on: the remembered one, else the default (shared/domain/default-plan).
  const plan = bootstrap.plans.find((p) => p.id === bootstrap.settings.planId) ?? bootstrap.plans.find((p) => p.id === defaultPlanId(bootstrap.plans));
  if (!plan || plan.years.length === 0) return null;
  return { planId: plan.id, year: defaultReportingYear(plan, bootstrap.today), department: bootstrap.settings.department };
}
