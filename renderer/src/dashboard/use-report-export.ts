// The dashboard's report buttons: asks main for the leadership report (PDF or consolidated
// workbook) of the reporting year and offers it as a download; says what happened in one line.
import { useCallback, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import { downloadBase64 } from '../files';
import { useLang, useT } from '../i18n/context';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export interface ReportExport {
  busy: boolean;
  message: string | null;
  run: (format: 'pdf' | 'xlsx') => void;
}

export function useReportExport(api: IndicatorDeskApi, planId: string, year: number): ReportExport {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = useCallback(
    (format: 'pdf' | 'xlsx') => {
      setBusy(true);
      setMessage(t('dashboard.report-working'));
      void api.exportReport({ planId, year, format, lang }).then((r) => {
        setBusy(false);
        if (!r.ok) {
          setMessage(t('dashboard.report-failed', { reason: r.error.message[lang] }));
          return;
        }
        downloadBase64(r.value.fileName, r.value.base64, TYPES[format]);
        setMessage(t('dashboard.report-done', { name: r.value.fileName }));
      });
    },
    [api, planId, year, lang, t],
  );
  return { busy, message, run };
}
