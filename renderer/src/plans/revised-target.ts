// How a revised target reads in the grid's tooltips and the cell history (issue 14 part 2):
// "原目标 90 → 调整后目标 88", with the grid's own target formatting ("/" for no target).
import type { GridCell } from '../../../shared/api/contract';
import type { Target } from '../../../shared/domain/plan';
import type { Lang } from '../../../shared/i18n/lang';
import { formatTarget } from '../grid/format';
import { pt } from '../i18n/plans-messages';

/** The line for a cell whose target was revised, or null when it never was. */
export function revisedTargetTip(lang: Lang, cell: Pick<GridCell, 'target' | 'originalTarget'> | null): string | null {
  if (!cell || cell.originalTarget === undefined) return null;
  return pt(lang, 'revised.tooltip', { old: targetShown(lang, cell.originalTarget), new: targetShown(lang, cell.target) });
}

function targetShown(lang: Lang, t: Target | null): string {
  return t === null ? '—' : formatTarget(t, lang);
}
