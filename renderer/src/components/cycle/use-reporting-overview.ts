// Loads the 报送情况 overview of a year while the panel is open, and drafts the reminders (each .eml
// offered as a download); the panel stays layout only.
import { useCallback, useEffect, useState } from 'react';
import type { IndicatorDeskApi, ReportingOverview } from '../../../../shared/api/contract';
import type { Lang } from '../../../../shared/i18n/lang';
import { downloadBase64 } from '../../files';
import { cy, cyCount } from '../../i18n/overview-messages';

export type OverviewState = { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'ready'; overview: ReportingOverview };

export const EML_TYPE = 'message/rfc822';

export function useReportingOverview(api: IndicatorDeskApi, planId: string, year: number, lang: Lang) {
  const [state, setState] = useState<OverviewState>({ kind: 'loading' });
  const [remindText, setRemindText] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void api.getReportingOverview({ planId, year }).then((r) => {
      if (!live) return;
      setState(r.ok ? { kind: 'ready', overview: r.value } : { kind: 'error', text: cy(lang, 'overview.failed', { reason: r.error.message[lang] }) });
    });
    return () => {
      live = false;
    };
  }, [api, planId, year, lang]);

  const remind = useCallback(async () => {
    setRemindText(cy(lang, 'overview.reminding'));
    const r = await api.draftReminders({ planId, year });
    if (!r.ok) {
      setRemindText(r.error.message[lang]);
      return;
    }
    for (const d of r.value.drafts) downloadBase64(d.fileName, d.base64, EML_TYPE);
    const lines: string[] = [];
    if (r.value.drafts.length > 0) lines.push(cyCount(lang, 'overview.reminded', r.value.drafts.length));
    if (r.value.withoutAddress.length > 0) lines.push(cy(lang, 'overview.no-address', { departments: r.value.withoutAddress.join('、') }));
    if (lines.length === 0) lines.push(cy(lang, 'overview.none-owed'));
    setRemindText(lines.join(' '));
  }, [api, planId, year, lang]);

  return { state, remind, remindText };
}
