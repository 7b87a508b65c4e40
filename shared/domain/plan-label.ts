// How a plan is named to a clerk in a sentence: its short name (规划简称) and title, as the window
// names plans (switcher and 总览 show the short name first: plans imported from one table share a
// title). One rule for the importer's messages, the import preview and the command line
// (docs/ARCHITECTURE.md §Returns from another plan). The plan's id is a last resort only.

/** What a plan may be known by; `shortName`/`title` may be missing (an old return's _meta names only the id). */
export interface PlanNaming {
  id: string;
  shortName?: string | null;
  title?: string | null;
}

/**
 * The plan as a clerk reads it: `学有优教《温州市洞头区“学有优教”工程五年目标》` (short name, then the
 * title in 《》, the Chinese mark for a document's name — the same text in both languages: it is the
 * plan's own name). Only one of the two when the other is blank or the same; the id when both are
 * blank. Never throws.
 */
export function planLabel(plan: PlanNaming): string {
  const short = (plan.shortName ?? '').trim();
  const title = (plan.title ?? '').trim();
  if (short !== '' && title !== '' && short !== title) return `${short}《${title}》`;
  if (short !== '') return short;
  if (title !== '') return `《${title}》`;
  return plan.id;
}
