// The grid's look: AG Grid's Quartz theme with the app's fonts (CJK first), sizes and colours.
// Cell colours by status live in grid.css; this is only the frame around them. Its sizes follow
// the clerk's text size (docs/ARCHITECTURE.md §Accessibility): gridThemeFor(1.5) is 150%.
import type { Theme } from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import type { IndicatorColDef, IndicatorColumnDef } from './column-defs';

/** Sizes at 100%, in CSS pixels. */
const BASE = { fontSize: 13, headerFontSize: 13, spacing: 5, rowHeight: 32, headerHeight: 34 } as const;

function themeAt(scale: number): Theme {
  // Fonts and spacing scale exactly (19.5px is a fine font size), so text needs the same share of a
  // scaled column as at 100%; row heights are whole pixels, as AG Grid positions rows by them.
  const px = (n: number): number => Math.round(n * scale);
  return themeQuartz.withParams({
    fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', 'sans-serif'],
    fontSize: BASE.fontSize * scale,
    headerFontSize: BASE.headerFontSize * scale,
    headerFontWeight: 600,
    spacing: BASE.spacing * scale,
    rowHeight: px(BASE.rowHeight),
    headerHeight: px(BASE.headerHeight),
    wrapperBorderRadius: 4,
    headerBackgroundColor: '#f3f5f7',
    columnBorder: { style: 'solid', width: 1, color: '#e3e6ea' },
    headerColumnBorder: { style: 'solid', width: 1, color: '#d5d9de' },
    accentColor: '#1a73e8',
  });
}

export const gridTheme = themeAt(1);

const themes = new Map<number, Theme>([[1, gridTheme]]);

/** The grid theme at a text scale (1 = 100%, 1.25, 1.5); one theme object per scale, reused. */
export function gridThemeFor(scale: number): Theme {
  let theme = themes.get(scale);
  if (!theme) {
    theme = themeAt(scale);
    themes.set(scale, theme);
  }
  return theme;
}

/** Column definitions with their widths (CSS pixels at 100%) at a text scale; groups recursively. */
export function scaleColumnDefs(defs: IndicatorColumnDef[], scale: number): IndicatorColumnDef[] {
  if (scale === 1) return defs;
  const px = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.round(n * scale));
  return defs.map((def) => {
    if ('children' in def) return { ...def, children: scaleColumnDefs(def.children as IndicatorColumnDef[], scale) };
    const out: IndicatorColDef = { ...def };
    if (def.width !== undefined) out.width = px(def.width) as number;
    if (def.minWidth !== undefined) out.minWidth = px(def.minWidth) as number;
    if (def.maxWidth !== undefined) out.maxWidth = px(def.maxWidth) as number;
    return out;
  });
}
