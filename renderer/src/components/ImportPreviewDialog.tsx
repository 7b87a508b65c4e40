// What an import would do, file by file, before anything is written: the changes (old → new with
// the cell each value came from), targets that differ from the plan, rows that match no indicator,
// issues with their cell, and the files that could not be read. 应用 writes the ticked files.
import { useMemo, useState } from 'react';
import type { ImportFailure, ImportPreview } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import { formatNumber } from '../../../shared/i18n/engine';
import { useLang, useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { usePreviewLifetime } from './use-preview-lifetime';

interface ImportPreviewDialogProps {
  previews: ImportPreview[];
  failures: ImportFailure[];
  onApply: (previewIds: string[]) => Promise<string | null>;
  onClose: () => void;
}

function showValue(lang: Lang, value: string | number | null, empty: string): string {
  if (value === null || value === '') return empty;
  if (typeof value === 'number') return formatNumber(lang, value);
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(value.trim()) ? formatNumber(lang, n) : value;
}

function FilePreview({ preview }: { preview: ImportPreview }): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const empty = t('history.empty-value');
  return (
    <div className="preview-detail" data-testid="import-preview-detail">
      <dl className="preview-facts">
        <dt>{t('import.file')}</dt><dd>{preview.fileName}</dd>
        <dt>{t('import.format')}</dt><dd>{preview.format.toUpperCase()}</dd>
        <dt>{t('import.kind')}</dt><dd>{preview.kind === 'return' ? t('import.kind-return') : t('import.kind-plan')}</dd>
        <dt>{t('import.department')}</dt><dd>{preview.department ?? '—'}</dd>
        <dt>{t('import.years')}</dt><dd>{preview.years.join(', ') || '—'}</dd>
      </dl>
      <h3>{t('import.changes', { count: preview.changes.length })}</h3>
      <p className="hint">{t('import.unchanged', { count: preview.unchanged })}</p>
      {preview.changes.length === 0 ? (
        <p className="muted">{t('import.no-changes')}</p>
      ) : (
        <table className="data-table" data-testid="import-changes">
          <thead>
            <tr>
              <th>{t('import.indicator')}</th><th>{t('import.year')}</th><th>{t('import.field')}</th>
              <th className="num">{t('import.old')}</th><th></th><th className="num">{t('import.new')}</th><th>{t('import.cell')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.map((c) => (
              <tr key={`${c.indicatorId}-${c.year}-${c.field}`}>
                <td>{c.code}. {c.name}</td>
                <td className="nowrap">{c.year}</td>
                <td className="nowrap">{c.field === 'actual' ? t('field.actual') : t('field.note')}</td>
                <td className={c.field === 'actual' ? 'num old' : 'old'}>{c.field === 'actual' ? showValue(lang, c.oldValue, empty) : c.oldValue || empty}</td>
                <td className="arrow">→</td>
                <td className={c.field === 'actual' ? 'num new' : 'new'}>{c.field === 'actual' ? showValue(lang, c.newValue, empty) : c.newValue || empty}</td>
                <td className="cellref">{c.cell}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.targetDiffs.length > 0 ? (
        <>
          <h3>{t('import.target-diffs', { count: preview.targetDiffs.length })}</h3>
          <table className="data-table">
            <thead>
              <tr><th>{t('import.indicator')}</th><th>{t('import.year')}</th><th className="num">{t('import.plan-target')}</th><th className="num">{t('import.file-target')}</th><th>{t('import.cell')}</th></tr>
            </thead>
            <tbody>
              {preview.targetDiffs.map((d) => (
                <tr key={`${d.indicatorId}-${d.year}`}>
                  <td>{d.code}. {d.name}</td>
                  <td>{d.year}</td>
                  <td className="num">{showValue(lang, d.planTarget, empty)}</td>
                  <td className="num">{showValue(lang, d.fileTarget, empty)}</td>
                  <td className="cellref">{d.cell}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.unmatched.length > 0 ? (
        <>
          <h3>{t('import.unmatched', { count: preview.unmatched.length })}</h3>
          <table className="data-table">
            <thead><tr><th>{t('import.sheet')}</th><th className="num">{t('import.row')}</th><th>{t('import.code')}</th><th>{t('import.name')}</th></tr></thead>
            <tbody>
              {preview.unmatched.map((u) => (
                <tr key={`${u.sheet}-${u.row}`}><td>{u.sheet}</td><td className="num">{u.row}</td><td>{u.code ?? ''}</td><td>{u.name}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.issues.length > 0 ? (
        <>
          <h3>{t('import.issues', { count: preview.issues.length })}</h3>
          <table className="data-table" data-testid="import-issues">
            <thead><tr><th>{t('import.severity')}</th><th>{t('import.where')}</th><th>{t('import.message')}</th></tr></thead>
            <tbody>
              {preview.issues.map((issue, i) => (
                <tr key={i} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                  <td className="nowrap">{issue.severity === 'error' ? t('import.severity-error') : t('import.severity-warning')}</td>
                  <td className="cellref">{issue.sheet}!{issue.cell}</td>
                  <td>{issue.message[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

export function ImportPreviewDialog({ previews, failures, onApply, onClose }: ImportPreviewDialogProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const [selected, setSelected] = useState(0);
  const [included, setIncluded] = useState<Set<string>>(() => new Set(previews.map((p) => p.previewId)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePreviewLifetime(useMemo(() => previews.map((p) => p.previewId), [previews]));
  const current = previews[selected];
  const changeCount = previews.filter((p) => included.has(p.previewId)).reduce((n, p) => n + p.changes.length, 0);

  const toggle = (id: string): void => {
    const next = new Set(included);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setIncluded(next);
  };

  const apply = async (): Promise<void> => {
    const ids = previews.filter((p) => included.has(p.previewId)).map((p) => p.previewId);
    if (ids.length === 0) {
      setError(t('import.nothing-selected'));
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await onApply(ids);
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <Dialog
      title={t('import.title')}
      onClose={onClose}
      wide
      testId="import-preview"
      footer={
        <>
          <span className="footer-note">
            {t('import.summary', { files: previews.length, changes: formatNumber(lang, changeCount), failures: failures.length })}
          </span>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={busy || previews.length === 0} onClick={() => void apply()}>
            {busy ? t('import.applying') : t('import.apply')}
          </button>
        </>
      }
    >
      {failures.length > 0 ? (
        <div className="failures" role="alert" data-testid="import-failures">
          <strong>{t('import.failures', { count: failures.length })}</strong>
          <ul>
            {failures.map((f, i) => <li key={i}><span className="file-name">{f.fileName}</span>：{f.message[lang]}</li>)}
          </ul>
        </div>
      ) : null}
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      {previews.length > 0 ? (
        <div className="preview-layout">
          <ul className="preview-files" role="listbox" aria-label={t('import.file')}>
            {previews.map((p, i) => (
              <li key={p.previewId} className={i === selected ? 'selected' : ''} role="option" aria-selected={i === selected} onClick={() => setSelected(i)}>
                <input
                  type="checkbox"
                  checked={included.has(p.previewId)}
                  title={t('import.include')}
                  aria-label={`${t('import.include')}: ${p.fileName}`}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggle(p.previewId)}
                />
                <span className="file-name" title={p.fileName}>{p.fileName}</span>
                <span className="badges">
                  <span className="badge">{p.changes.length}</span>
                  {p.issues.length > 0 ? <span className="badge badge-warn">{p.issues.length}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {current ? <FilePreview preview={current} /> : null}
        </div>
      ) : null}
    </Dialog>
  );
}
