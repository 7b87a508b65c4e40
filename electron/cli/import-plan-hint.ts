// The command line's word for a file of another plan (docs/ARCHITECTURE.md §Returns from another
// plan): when `inspect` or `import` read a file that belongs to another plan of the --db (its _meta
// plan id, else its indicator names: services/plan-match.ts), say which `--plan <id>` reads it as
// that plan's own. On stderr, so `--json` output stays one JSON document.
import { defineCatalogue, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { planLabel } from '../../shared/domain/plan-label';

export const PLAN_HINT_TEXTS = defineCatalogue(
  'cli-plan-hint',
  {
    'cli.other-plan-hint': '提示：“{file}”属于另一规划：{plan}（{by}）；加 --plan {id} 即按该规划读取',
    'cli.by-meta': '模板中的规划编号',
    'cli.by-names': '按指标名称判断',
  },
  {
    'cli.other-plan-hint': 'Note: "{file}" belongs to another plan, {plan} ({by}); add --plan {id} to read it as that plan\'s own',
    'cli.by-meta': 'plan id in the template',
    'cli.by-names': 'judged by its indicator names',
  },
);

/**
 * The hint line for `file` in `lang`, or null when the file belongs to the current plan or to no
 * plan of the database (`belongsTo` null).
 */
export function otherPlanHint(lang: Lang, file: string, belongsTo: { planId: string; title: string; shortName?: string; by: 'meta' | 'names' } | null | undefined, currentPlanId: string): string | null {
  if (!belongsTo || belongsTo.planId === currentPlanId) return null;
  return render(PLAN_HINT_TEXTS, lang, 'cli.other-plan-hint', {
    file,
    plan: planLabel({ id: belongsTo.planId, shortName: belongsTo.shortName, title: belongsTo.title }),
    by: render(PLAN_HINT_TEXTS, lang, belongsTo.by === 'meta' ? 'cli.by-meta' : 'cli.by-names'),
    id: belongsTo.planId,
  });
}
