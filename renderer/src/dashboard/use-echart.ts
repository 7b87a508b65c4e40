// One ECharts instance bound to a DOM element: created on mount (SVG renderer), given the option,
// resized with its box, disposed on unmount. Returns the ref to put on the chart's element.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';

export function useEChart(option: EChartsCoreOption): React.RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}
