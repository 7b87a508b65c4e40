// Chart colours, matching the grid's status colours (renderer/src/grid/grid.css: --status-met-fg,
// --status-missed-fg, --status-near-fg, --status-none-fg) and the outlook badges of the 进度 panel,
// so a red point on a chart means what a red cell means in the grid.
import type { Outlook } from '../../../shared/domain/progress';

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
