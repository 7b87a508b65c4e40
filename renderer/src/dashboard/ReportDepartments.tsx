// The report's table of departments for the reporting year: completeness beside the reporting-cycle
// state and days overdue — the same rows as the per-department chart's text alternative
// (chart-options.ts departmentChart), shown, with the state in the cycle bar's colours.
import type { Dashboard } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import { t } from '../i18n/catalogue';
import { departmentChart } from './chart-options';
import { REPORTING_STATE_COLOURS } from './colours';
import { overdueColours, overdueText } from './department-state';

export function ReportDepartments({ lang, data }: { lang: Lang; data: Dashboard }): React.JSX.Element {
  const { table } = departmentChart(lang, data.year, data.departments);
  return (
    <table className="report-table report-departments" data-testid="report-departments">
      <caption>{t(lang, 'report.departments', { year: data.year })}</caption>
      <thead>
        <tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {data.departments.map((d, i) => {
          const [name, reported, state] = table.rows[i] ?? [];
          const overdue = overdueText(lang, d.cycle);
          return (
            <tr key={d.department} data-department={d.department} data-state={d.cycle?.state ?? ''}>
              <th scope="row">{name}</th>
              <td className="num">{reported}</td>
              <td className="nowrap">
                {d.cycle ? <span className="report-state" style={{ color: REPORTING_STATE_COLOURS[d.cycle.state].fg, background: REPORTING_STATE_COLOURS[d.cycle.state].bg }}>{state}</span> : state}
              </td>
              <td className="nowrap">{overdue ? <span className="report-state" style={{ color: overdueColours(d.cycle).fg, background: overdueColours(d.cycle).bg }}>{overdue}</span> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
