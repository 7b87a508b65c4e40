// The 调整记录 of a plan: every change made with a reason — when, who, what (indicator, year,
// field), old → new and the reason — newest first, as the repository lists them.
import { formatDateTime } from '../../../shared/i18n/engine';
import { useLang, useT } from '../i18n/context';
import { usePt } from '../i18n/plans-messages';
import type { PlanRevisionEntry } from '../../../shared/api/plan-schemas';

/** "2. 公租房在保家庭户数 · 2026年 · 目标值": what a revision changed. */
function whatText(r: PlanRevisionEntry, t: ReturnType<typeof useT>): string {
  const parts = [r.indicatorName ?? '', r.year !== null ? t('toolbar.year-option', { year: r.year }) : '', r.field === 'target' ? t('field.target') : (r.field ?? r.entity)];
  return parts.filter((x) => x !== '').join(' · ');
}

export function RevisionsTable({ revisions }: { revisions: PlanRevisionEntry[] | null }): React.JSX.Element {
  const p = usePt();
  const t = useT();
  const lang = useLang();
  if (revisions === null) return <div className="loading">{t('app.loading')}</div>;
  if (revisions.length === 0) return <p className="muted">{p('editor.revisions-none')}</p>;
  const v = (x: string | null) => (x === null || x === '' ? t('history.empty-value') : x);
  return (
    <table className="data-table revisions-table" data-testid="plan-revisions">
      <thead>
        <tr>
          <th>{p('editor.rev.when')}</th><th>{p('editor.rev.who')}</th><th>{p('editor.rev.what')}</th><th>{p('editor.rev.change')}</th><th>{p('editor.rev.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((r) => (
          <tr key={r.id} data-field={r.field ?? ''}>
            <td className="nowrap">{formatDateTime(lang, r.at)}</td>
            <td className="nowrap">{r.osUser && r.osUser !== r.who ? `${r.who}（${r.osUser}）` : r.who}</td>
            <td>{whatText(r, t)}</td>
            <td className="nowrap"><span className="old">{v(r.oldValue)}</span> → <span className="new">{v(r.newValue)}</span></td>
            <td className="reason">{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
