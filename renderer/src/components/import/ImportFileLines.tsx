// One past import's files in the history panel: department and counts per file, and a button to
// open the kept files again.
import type { ImportRecord } from '../../../../shared/api/contract';
import { useCt } from '../../i18n/consolidation-messages';
import { ReplyButton } from '../cycle/ReplyButton';

export function ImportFileLines({ record, onReopen, planId }: { record: ImportRecord; onReopen?: (importId: number) => void; planId?: string }): React.JSX.Element {
  const c = useCt();
  return (
    <>
      <ul className="import-files" data-testid="import-files">
        {record.files
          .filter((f) => f.changed !== undefined)
          .map((f) => (
            <li key={f.sha256} title={f.sha256}>
              {c('history.file-line', { name: f.name, department: f.department ?? c('dept.unspecified'), changed: f.changed ?? 0, conflicts: f.conflicts ?? 0, skipped: f.skipped ?? 0 })}
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
