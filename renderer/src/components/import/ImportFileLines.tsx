// One past import's files in the history panel: department and counts per file, and a button to
// open the kept files again.
import type { ImportRecord } from '../../../../shared/api/contract';
import { ctCount, useCt } from '../../i18n/consolidation-messages';
import { useLang } from '../../i18n/context';
import { ReplyButton } from '../cycle/ReplyButton';

export function ImportFileLines({ record, onReopen, planId }: { record: ImportRecord; onReopen?: (importId: number) => void; planId?: string }): React.JSX.Element {
  const c = useCt();
  const lang = useLang();
  return (
    <>
      <ul className="import-files" data-testid="import-files">
        {record.files
          .filter((f) => f.changed !== undefined)
          .map((f) => (
            <li key={f.sha256} title={f.sha256}>
              {c('history.file-line', {
                name: f.name,
                department: f.department ?? c('dept.unspecified'),
                changed: ctCount(lang, 'history.n-changed', f.changed ?? 0),
                conflicts: ctCount(lang, 'history.n-conflicts', f.conflicts ?? 0),
                skipped: ctCount(lang, 'history.n-skipped', f.skipped ?? 0),
              })}
              {planId ? <ReplyButton planId={planId} importId={record.importId} sha256={f.sha256} /> : null}
            </li>
          ))}
      </ul>
      {onReopen ? (
        <button type="button" className="small" onClick={() => onReopen(record.importId)}>{c('history.reopen')}</button>
      ) : null}
    </>
  );
}
