// The department of a previewed return: as found (template meta sheet or 填报单位 line), or — for
// a return that names none — a choice among the plan's departments (未指定单位 until chosen).
import type { ImportPreview } from '../../../../shared/api/contract';
import { useCt } from '../../i18n/consolidation-messages';

interface DepartmentFieldProps {
  preview: ImportPreview;
  departments: string[];
  onChoose: (department: string | null) => void;
}

export function DepartmentField({ preview, departments, onChoose }: DepartmentFieldProps): React.JSX.Element {
  const c = useCt();
  const from = preview.departmentFrom;
  if (from === 'meta' || from === 'line') return <span data-testid="import-department">{preview.department}{c(`dept.from.${from}`)}</span>;
  return (
    <select
      data-testid="import-department-choice"
      aria-label={c('dept.choose-label')}
      value={preview.department ?? ''}
      onChange={(e) => onChoose(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{c('dept.unspecified')}</option>
      {departments.map((d) => <option key={d} value={d}>{d}</option>)}
    </select>
  );
}
