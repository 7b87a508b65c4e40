// Side panel: every recorded change of the focused cell (who, when, old → new, how — typed, pasted,
// imported from which file and department), and the list of imports — who, when, each file's
// department and counts — with reopen and undo buttons for each.
import type { AuditEntry, ImportRecord } from '../../../shared/api/contract';
import type { MessageKey } from '../i18n/catalogue';
import { tCount } from '../i18n/catalogue';
import { formatDateTime, formatNumber } from '../../../shared/i18n/engine';
import { useLang, useT } from '../i18n/context';
import { ImportFileLines } from './import/ImportFileLines';
import { pt } from '../i18n/plans-messages';

export interface FocusedCell {
  indicatorId: string;
  year: number;
  code: string;
  name: string;
}

interface HistoryPanelProps {
  cell: FocusedCell | null;
  entries: AuditEntry[] | null;
  imports: ImportRecord[];
  onUndoImport: (importId: number) => void;
  /** Open a past import's kept files again in the preview. */
  onReopenImport?: (importId: number) => void;
  /** The plan, for the annotated reply to a file (absent = no reply button). */
  planId?: string;
  onClose: () => void;
}

const SOURCE_KEYS: Record<string, MessageKey> = {
  typed: 'source.typed',
  pasted: 'source.pasted',
  undo: 'source.undo',
  redo: 'source.redo',
  import: 'source.import',
  imported: 'source.imported',
  'undo-import': 'source.undo-import',
  seed: 'source.seed',
};

export function HistoryPanel({ cell, entries, imports, onUndoImport, onReopenImport, planId, onClose }: HistoryPanelProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const value = (v: string | null): string => {
    if (v === null || v === '') return t('history.empty-value');
    return /^-?\d+(\.\d+)?$/.test(v) ? formatNumber(lang, Number(v)) : v;
  };
  const sourceLabel = (e: AuditEntry): string => {
    const key = SOURCE_KEYS[e.source];
    if (e.source === 'plan-edit' || e.source === 'plan-import') return pt(lang, `source.${e.source}`);
    return key ? t(key) : e.source;
  };
  const sorted = entries ? [...entries].sort((a, b) => b.id - a.id) : null;

  return (
    <aside className="side-panel" aria-label={t('history.title')} data-testid="history-panel">
      <div className="side-title">
        <span>{t('history.title')}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>×</button>
      </div>
      <div className="side-body">
        {cell === null ? (
          <p className="muted">{t('history.pick-cell')}</p>
        ) : (
          <>
            <div className="side-cell">{t('history.cell', { code: cell.code, name: cell.name, year: cell.year })}</div>
            {sorted === null ? (
              <p className="muted">{t('history.loading')}</p>
            ) : sorted.length === 0 ? (
              <p className="muted">{t('history.none')}</p>
            ) : (
              <ol className="history-list" data-testid="cell-history">
                {sorted.map((e) => (
                  <li key={e.id}>
                    <div className="history-meta">
                      <span>{formatDateTime(lang, e.at)}</span>
                      {/* The name typed in settings, and the computer account when it differs. */}
                      <span className="who">{e.osUser && e.osUser !== e.who ? `${e.who}（${e.osUser}）` : e.who}</span>
                    </div>
                    <div className="history-change">
                      {e.field === 'note' ? <span className="field-tag">{t('field.note')}</span> : null}
                      {/* A target revision (issue 14): 原目标 → 调整后目标. */}
                      {e.field === 'target' ? <span className="field-tag" data-testid="history-target">{t('field.target')}</span> : null}
                      <span className="old">{value(e.oldValue)}</span>
                      <span className="arrow">→</span>
                      <span className="new">{value(e.newValue)}</span>
                    </div>
                    {e.reason ? <div className="history-reason" data-testid="history-reason">{pt(lang, 'editor.reason')}：{e.reason}</div> : null}
                    <div className="history-source">
                      {sourceLabel(e)}
                      {e.sourceFile ? <span className="file-name" title={e.sourceSha256 ?? undefined}>：{e.sourceFile}</span> : null}
                      {e.sourceDepartment ? <span className="dept">（{e.sourceDepartment}）</span> : null}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
        <h3>{t('history.imports')}</h3>
        {imports.length === 0 ? (
          <p className="muted">{t('history.no-imports')}</p>
        ) : (
          <ol className="history-list" data-testid="import-list">
            {[...imports].sort((a, b) => b.importId - a.importId).map((r) => (
              <li key={r.importId}>
                <div className="history-meta">
                  <span>{formatDateTime(lang, r.at)}</span>
                  <span className="who">{r.who}</span>
                </div>
                <div className="history-source">
                  {tCount(lang, 'history.import-line', r.changeCount, { files: r.files.map((f) => f.name).join(lang === 'zh' ? '、' : ', ') })}
                </div>
                <ImportFileLines record={r} onReopen={onReopenImport} planId={planId} />
                {r.undone ? (
                  <span className="tag">{t('history.undone')}</span>
                ) : (
                  <button type="button" className="small" onClick={() => onUndoImport(r.importId)}>{t('import.undo')}</button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
