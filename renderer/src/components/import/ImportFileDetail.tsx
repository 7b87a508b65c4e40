// One previewed file in detail: its facts (department found or chosen), the changes (old → new with
// the cell each value came from), other departments' values (unticked), targets that differ from
// the plan, rows that match no indicator, and the other issues with their cell (each fact once).
import type { ImportPreview } from '../../../../shared/api/contract';
import type { Lang } from '../../../../shared/i18n/lang';
import { formatNumber, renderCount } from '../../../../shared/i18n/engine';
import { issuesToList } from '../../../../shared/api/preview-issues';
import { UI_MESSAGES } from '../../i18n/catalogue';
import { useLang, useT } from '../../i18n/context';
import { pi } from '../../i18n/plan-import-messages';
import { DepartmentField } from './DepartmentField';
import { OtherUnitsTable } from './OtherUnitsTable';
import { PlanOfFile } from './PlanOfFile';
import type { ImportChoices } from './useImportChoices';

function showValue(lang: Lang, value: string | number | null, empty: string): string {
  if (value === null || value === '') return empty;
  if (typeof value === 'number') return formatNumber(lang, value);
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(value.trim()) ? formatNumber(lang, n) : value;
}

interface ImportFileDetailProps {
  preview: ImportPreview;
  departments: string[];
  choices: ImportChoices;
  onChooseDepartment: (department: string | null) => void;
  /** The plan on screen: a file of another plan is said to be so. */
  currentPlanId?: string;
}

export function ImportFileDetail({ preview, departments, choices, onChooseDepartment, currentPlanId }: ImportFileDetailProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const empty = t('history.empty-value');
  // A row matching no indicator is listed once, under 未能对应到指标的行, not again as an issue.
  const issues = issuesToList(preview);
  return (
    <div className="preview-detail" data-testid="import-preview-detail">
      <dl className="preview-facts">
        <dt>{t('import.file')}</dt><dd>{preview.fileName}</dd>
        <dt>{t('import.format')}</dt><dd>{preview.format.toUpperCase()}</dd>
        <PlanOfFile preview={preview} currentPlanId={currentPlanId} />
        <dt>{t('import.kind')}</dt>
        <dd>
          {preview.kind === 'return' ? t('import.kind-return') : t('import.kind-plan')}
          {/* A plan table here is only compared with the plan: 导入规划表 creates or revises a plan from it. */}
          {preview.kind === 'return' ? null : <span className="muted" data-testid="plan-table-pointer">{pi(lang, 'from-return-import')}</span>}
        </dd>
        <dt>{t('import.department')}</dt><dd><DepartmentField preview={preview} departments={departments} onChoose={onChooseDepartment} /></dd>
        <dt>{t('import.years')}</dt><dd>{preview.years.join(', ') || '—'}</dd>
      </dl>
      <h3>{t('import.changes', { count: preview.changes.length })}</h3>
      <p className="hint">{renderCount(UI_MESSAGES, lang, 'import.unchanged', preview.unchanged, { count: formatNumber(lang, preview.unchanged) })}</p>
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
      <OtherUnitsTable preview={preview} choices={choices} />
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
      {issues.length > 0 ? (
        <>
          <h3>{t('import.issues', { count: issues.length })}</h3>
          <table className="data-table" data-testid="import-issues">
            <thead><tr><th>{t('import.severity')}</th><th>{t('import.where')}</th><th>{t('import.message')}</th></tr></thead>
            <tbody>
              {issues.map((issue, i) => (
                <tr key={i} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                  <td className="nowrap">{issue.severity === 'error' ? t('import.severity-error') : t('import.severity-warning')}</td>
                  <td className="cellref">{issue.sheet ? `${issue.sheet}!${issue.cell}` : ''}</td>
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
