// Chart colours, matching the grid's status colours (renderer/src/grid/grid.css: --status-met-fg,
// --status-missed-fg, --status-near-fg, --status-none-fg) and the outlook badges of the 进度 panel,
// so a red point on a chart means what a red cell means in the grid.
import type { Outlook } from '../../../shared/domain/progress';
import type { ReportingState } from '../../../shared/domain/reporting-cycle';

export const STATUS_COLOURS = {
  met: '#137333',
  missed: '#9c1c16',
  near: '#c98a00',
  none: '#5f6368',
} as const;

/** Outlook → bar colour: ahead/at-risk/behind/no-data reuse met/missed/near/none; on-track is the badge's blue. */
export const OUTLOOK_COLOURS: Record<Outlook, string> = {
  ahead: STATUS_COLOURS.met,
  'on-track': '#2f6fb3',
  behind: STATUS_COLOURS.near,
  'at-risk': STATUS_COLOURS.missed,
  'no-data': '#9aa0a6',
};

/** The target path line: neutral, so the actuals' status colours stand out. */
export const TARGET_COLOUR = '#17406f';

/**
 * Reporting-cycle state → text and background colour, as the cycle bar shows it
 * (renderer/src/components/reporting-state-bar.css, .cycle-<state>), so 已退回 on the dashboard
 * looks like 已退回 above the grid.
 */
export const REPORTING_STATE_COLOURS: Record<ReportingState, { fg: string; bg: string }> = {
  'not-started': { fg: '#555555', bg: '#f1f1f1' },
  'in-progress': { fg: '#7a5a00', bg: '#fff4d6' },
  submitted: { fg: '#1d6b3c', bg: '#e3f4ea' },
  returned: { fg: '#9b2c25', bg: '#fde8e7' },
  locked: { fg: '#2b3a55', bg: '#e4e8f0' },
};

/** 逾期 N 天: white on the app's danger red (.cycle-overdue, --danger). */
export const OVERDUE_COLOURS = { fg: '#ffffff', bg: '#b42318' } as const;

/** 逾期 N 天提交 (in, but late): the amber of 填报中, a warning rather than an alarm. */
export const LATE_COLOURS = REPORTING_STATE_COLOURS['in-progress'];
