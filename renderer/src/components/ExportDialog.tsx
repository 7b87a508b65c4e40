// Export: pick year and department, get the standard return workbook as a download.
import { useState } from 'react';
import { useT } from '../i18n/context';
import { Dialog } from './Dialog';

interface ExportDialogProps {
  years: number[];
  departments: string[];
  year: number;
  department: string | null;
  onExport: (year: number, department: string | null) => Promise<string | null>;
  onClose: () => void;
}

const ALL = '__all__';

export function ExportDialog(props: ExportDialogProps): React.JSX.Element {
  const t = useT();
  const [year, setYear] = useState(props.year);
  const [department, setDepartment] = useState<string | null>(props.department);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const problem = await props.onExport(year, department);
    setBusy(false);
    if (problem) setError(problem);
    else props.onClose();
  };

  return (
    <Dialog
      title={t('export.title')}
      onClose={props.onClose}
      testId="export-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {busy ? t('export.working') : t('export.button')}
          </button>
        </>
      }
    >
      <p className="hint">{t('export.hint')}</p>
      <div className="form-grid">
        <label htmlFor="export-year">{t('export.year')}</label>
        <select id="export-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {props.years.map((y) => <option key={y} value={y}>{t('toolbar.year-option', { year: y })}</option>)}
        </select>
        <label htmlFor="export-department">{t('export.department')}</label>
        <select id="export-department" value={department ?? ALL} onChange={(e) => setDepartment(e.target.value === ALL ? null : e.target.value)}>
          {props.departments.map((d) => <option key={d} value={d}>{d}</option>)}
          <option value={ALL}>{t('toolbar.all-departments')}</option>
        </select>
      </div>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
    </Dialog>
  );
}
