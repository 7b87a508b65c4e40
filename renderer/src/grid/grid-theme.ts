// The grid's look: AG Grid's Quartz theme with the app's fonts (CJK first), sizes and colours.
// Cell colours by status live in grid.css; this is only the frame around them.
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 32,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  headerBackgroundColor: '#f3f5f7',
  columnBorder: { style: 'solid', width: 1, color: '#e3e6ea' },
  headerColumnBorder: { style: 'solid', width: 1, color: '#d5d9de' },
  accentColor: '#1a73e8',
});
