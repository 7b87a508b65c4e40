// One chart with its text alternative: the ECharts drawing (role="img", labelled) and the same
// numbers as a table that the drawing's aria-describedby points at. The table is visually hidden on
// screen and in print (the report has its own table); screen readers and tests read it.
import { useId } from 'react';
import type { ChartSpec } from './chart-options';
import { useT } from '../i18n/context';
import { useEChart } from './use-echart';

interface ChartFigureProps {
  spec: ChartSpec;
  /** Drawing height in px. */
  height: number;
  testId?: string;
  className?: string;
  /** Show the title as a visible caption (the indicators' charts; the others sit under a heading). */
  caption?: boolean;
}

export function ChartFigure({ spec, height, testId, className, caption = false }: ChartFigureProps): React.JSX.Element {
  const t = useT();
  const ref = useEChart(spec.option);
  const tableId = useId();
  return (
    <figure className={`chart-figure ${className ?? ''}`} data-testid={testId}>
      {caption ? <figcaption className="chart-caption">{spec.title}</figcaption> : null}
      <div ref={ref} className="chart-canvas" style={{ height }} role="img" aria-label={t('dashboard.chart-label', { title: spec.title })} aria-describedby={tableId} />
      <table id={tableId} className="chart-data visually-hidden" data-testid="chart-data">
        <caption>{spec.title}</caption>
        <thead>
          <tr>{spec.table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {spec.table.rows.map((row) => (
            <tr key={row[0]}>{row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
