// Which view the page shows: the app, or the printable report (?view=report&year=2025&lang=zh).
// Kept apart from ReportPage so the entry can decide without loading the report's chunk.
import type { Lang } from '../../../shared/i18n/lang';

export interface ReportParams {
  year: number;
  lang: Lang;
  /** The plan reported (&plan=ID); absent = the default plan (issue 14: several plans). */
  planId?: string;
}

/** Reads ?view=report&year=2025&lang=zh; null when the page is not the report view. */
export function reportParams(search: string): ReportParams | null {
  const q = new URLSearchParams(search);
  if (q.get('view') !== 'report') return null;
  const yearText = q.get('year') ?? '';
  if (!/^\d{4}$/.test(yearText)) return null;
  const planId = q.get('plan');
  return { year: Number(yearText), lang: q.get('lang') === 'en' ? 'en' : 'zh', ...(planId ? { planId } : {}) };
}
