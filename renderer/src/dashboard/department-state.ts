// A department's reporting-cycle state as the dashboard and the report write it: the state's name
// (未填报 … 已锁定, the cycle's own words: shared/i18n/cycle-messages.ts) and 逾期 N 天. The state itself
// is the reporting-cycle rule's (shared/domain/dashboard.ts DepartmentCycle); nothing is decided here.
import type { DepartmentCycle } from '../../../shared/domain/dashboard';
import { ReportingStateSchema } from '../../../shared/domain/reporting-cycle';
import type { ReportingState } from '../../../shared/domain/reporting-cycle';
import { cycleText, overdueWords } from '../../../shared/i18n/cycle-messages';
import type { Lang } from '../../../shared/i18n/lang';
import { cyCount } from '../i18n/overview-messages';
import { LATE_COLOURS, OVERDUE_COLOURS, REPORTING_STATE_COLOURS } from './colours';

/** The state's name ('—' when the department has none). */
export function stateText(lang: Lang, cycle: DepartmentCycle | null): string {
  return cycle ? cycleText(lang, `state.${cycle.state}`) : '—';
}

/** 逾期 43 天 (still owed), 逾期 43 天提交 (submitted late), or '' when neither. */
export function overdueText(lang: Lang, cycle: DepartmentCycle | null): string {
  if (cycle?.overdueDays) return overdueWords(lang, cycle.overdueDays);
  if (cycle?.submittedLateDays) return cyCount(lang, 'overview.late-days', cycle.submittedLateDays, { days: cycle.submittedLateDays });
  return '';
}

/** The badge colours of overdueText: red while owed, amber once in. */
export function overdueColours(cycle: DepartmentCycle | null): { fg: string; bg: string } {
  return cycle?.overdueDays ? OVERDUE_COLOURS : LATE_COLOURS;
}

/** ECharts rich-text style names: one per state (`state0`…), `overdue` and `late`. */
function richName(state: ReportingState): string {
  return `state${ReportingStateSchema.options.indexOf(state)}`;
}

/** The rich-text styles of a category axis label that carries a state badge and the overdue badge. */
export function stateLabelStyles(): Record<string, Record<string, unknown>> {
  const badge = { padding: [1, 4], borderRadius: 2, fontSize: 11, lineHeight: 18 };
  const styles: Record<string, Record<string, unknown>> = {
    overdue: { ...badge, color: OVERDUE_COLOURS.fg, backgroundColor: OVERDUE_COLOURS.bg, fontWeight: 600 },
    late: { ...badge, color: LATE_COLOURS.fg, backgroundColor: LATE_COLOURS.bg, fontWeight: 600 },
  };
  for (const s of ReportingStateSchema.options) styles[richName(s)] = { ...badge, color: REPORTING_STATE_COLOURS[s].fg, backgroundColor: REPORTING_STATE_COLOURS[s].bg, fontWeight: 600 };
  return styles;
}

/** Rich text never sees our markup characters in a name: {, } and | are dropped. */
const plain = (text: string): string => text.replace(/[{}|]/g, '');

/**
 * A department's axis label: its name, and on a second line its state badge and, if overdue, the
 * overdue badge (one line would leave the bars too little of a half-width chart).
 */
export function departmentAxisLabel(lang: Lang, department: string, cycle: DepartmentCycle | null): string {
  if (!cycle) return plain(department);
  const overdue = overdueText(lang, cycle);
  const overdueStyle = cycle.overdueDays ? 'overdue' : 'late';
  return `${plain(department)}\n{${richName(cycle.state)}|${stateText(lang, cycle)}}${overdue ? ` {${overdueStyle}|${overdue}}` : ''}`;
}
