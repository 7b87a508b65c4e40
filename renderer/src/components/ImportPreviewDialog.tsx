// What an import would do, before anything is written: the files (tick which to apply), each file's
// detail, and the batch's conflicts side by side with a pick per cell. Leaving a file out or choosing
// a department for a return that names none compares the batch again (consolidateImport). 应用
// writes the ticked files; conflicts not picked and other departments' values not ticked are skipped.
import { useId, useMemo, useState } from 'react';
import type { ApiRequest, ImportConflict, ImportFailure, ImportPreview } from '../../../shared/api/contract';
import { formatNumber, renderCount } from '../../../shared/i18n/engine';
import { UI_MESSAGES } from '../i18n/catalogue';
import { useLang, useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { ConflictsPanel } from './import/ConflictsPanel';
import { ImportFileDetail } from './import/ImportFileDetail';
import { useImportChoices } from './import/useImportChoices';
import { applyReadiness } from './import/apply-readiness';
import { issuesToList } from '../../../shared/api/preview-issues';
import { usePreviewLifetime } from './use-preview-lifetime';

/** Compare the given previews again; resolves to the fresh batch, or an error text to show. */
export type Consolidate = (
  previewIds: string[],
  departments: Record<string, string | null>,
) => Promise<{ previews: ImportPreview[]; conflicts: ImportConflict[] } | string>;

interface ImportPreviewDialogProps {
  previews: ImportPreview[];
  failures: ImportFailure[];
  conflicts?: ImportConflict[];
  /** The plan's departments, for returns that name none. */
  departments?: string[];
  onApply: (request: ApiRequest<'applyImport'>) => Promise<string | null>;
  onConsolidate?: Consolidate;
  onClose: () => void;
  /** The plan on screen (issue 14): each file says which plan it belongs to. */
  currentPlanId?: string;
}

export function ImportPreviewDialog({ previews: initial, failures, conflicts: initialConflicts = [], departments = [], onApply, onConsolidate, onClose, currentPlanId }: ImportPreviewDialogProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const [previews, setPreviews] = useState(initial);
  const [conflicts, setConflicts] = useState(initialConflicts);
  const [chosenDepartments, setChosenDepartments] = useState<Record<string, string | null>>({});
  const [selected, setSelected] = useState(0);
  const [included, setIncluded] = useState<Set<string>>(() => new Set(initial.map((p) => p.previewId)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = useImportChoices();
  usePreviewLifetime(useMemo(() => previews.map((p) => p.previewId), [previews]));
  const current = previews[selected];
  const chosen = previews.filter((p) => included.has(p.previewId));
  const changeCount = chosen.reduce((n, p) => n + p.changes.length, 0);
  // 应用 that can do nothing is not offered; the hint says why, or that it will only record the
  // files as received (apply-readiness.ts).
  const readiness = applyReadiness(chosen, conflicts, choices.picks, choices.ticks, currentPlanId);
  const blocked = readiness.block !== null && !readiness.recordsOnly;
  const hintId = useId();

  /** Compare the included files again after a change of files or departments. */
  const refresh = async (ids: Set<string>, departmentsById: Record<string, string | null>): Promise<void> => {
    if (!onConsolidate) return;
    const list = previews.filter((p) => ids.has(p.previewId)).map((p) => p.previewId);
    if (list.length === 0) {
      setConflicts([]);
      return;
    }
    setBusy(true);
    const r = await onConsolidate(list, departmentsById);
    setBusy(false);
    if (typeof r === 'string') {
      setError(r);
      return;
    }
    const byId = new Map(r.previews.map((p) => [p.previewId, p]));
    setPreviews((prev) => prev.map((p) => byId.get(p.previewId) ?? p));
    setConflicts(r.conflicts);
  };

  const toggle = (id: string): void => {
    const next = new Set(included);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setIncluded(next);
    void refresh(next, chosenDepartments);
  };

  const chooseDepartment = (previewId: string, department: string | null): void => {
    const next = { ...chosenDepartments, [previewId]: department };
    setChosenDepartments(next);
    void refresh(included, next);
  };

  const apply = async (): Promise<void> => {
    if (blocked) return;
    if (chosen.length === 0) {
      setError(t('import.nothing-selected'));
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await onApply(choices.request(chosen, conflicts));
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
            {t('import.summary', {
              files: renderCount(UI_MESSAGES, lang, 'import.n-files', previews.length),
              changes: renderCount(UI_MESSAGES, lang, 'import.n-changes', changeCount, { count: formatNumber(lang, changeCount) }),
              failures: renderCount(UI_MESSAGES, lang, 'import.n-unreadable', failures.length),
            })}
          </span>
          {/* A live region, so the reason is read out when it appears (a file unticked, a conflict left open). */}
          <span id={hintId} className="apply-hint" role="status" data-testid="apply-hint">
            {readiness.block === null ? null : readiness.recordsOnly ? t('import.apply-records-only') : t(`import.apply-blocked.${readiness.block}`)}
          </span>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button
            type="button"
            className="primary"
            disabled={busy || previews.length === 0}
            aria-disabled={blocked || undefined}
            aria-describedby={readiness.block !== null ? hintId : undefined}
            data-testid="import-apply"
            onClick={() => void apply()}
          >
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
      <ConflictsPanel conflicts={conflicts} previews={chosen} choices={choices} />
      {previews.length > 0 ? (
        <div className="preview-layout">
          {/* A plain list: each file has its include checkbox and a button that shows its detail
              (keyboard-reachable; a listbox may not hold other controls). */}
          <ul className="preview-files" aria-label={t('import.file')}>
            {previews.map((p, i) => (
              <li key={p.previewId} className={i === selected ? 'selected' : ''} onClick={() => setSelected(i)}>
                <input
                  type="checkbox"
                  checked={included.has(p.previewId)}
                  title={t('import.include')}
                  aria-label={`${t('import.include')}: ${p.fileName}`}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggle(p.previewId)}
                />
                <button type="button" className="file-pick" aria-pressed={i === selected} title={p.fileName} onClick={(e) => { e.stopPropagation(); setSelected(i); }}>
                  <span className="file-name">{p.fileName}</span>
                  <span className="badges">
                    <span className="badge">{p.changes.length}</span>
                    {issuesToList(p).length > 0 ? <span className="badge badge-warn">{issuesToList(p).length}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {current ? (
            <ImportFileDetail preview={current} departments={departments} choices={choices} onChooseDepartment={(d) => chooseDepartment(current.previewId, d)} currentPlanId={currentPlanId} />
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
