// The parts of Apache ECharts the dashboard uses, registered once. Imported only from the lazily
// loaded dashboard chunk (LazyDashboard.tsx), so the grid's initial bundle does not carry the library.
// The SVG renderer keeps the charts sharp in print and in the PDF report.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
