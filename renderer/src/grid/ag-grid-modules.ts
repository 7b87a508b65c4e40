// Registered once, on import, by IndicatorGrid.tsx.
// The AG Grid modules the grid uses instead of AllCommunityModule (the bundle shrinks by ~300 kB):
// no filters, CSV export, pagination, row drag or selection, infinite rows or the other editors.
// A feature whose module is missing logs AG Grid error #200, which the e2e tests fail on; the
// smaller set without the edit, event and cell APIs below lost Ctrl+Z after a typed value.
import {
  CellApiModule,
  CellSpanModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  EventApiModule,
  HighlightChangesModule,
  LocaleModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  UndoRedoEditModule,
  ValueCacheModule,
  ModuleRegistry,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  CellApiModule,
  CellSpanModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  EventApiModule,
  HighlightChangesModule,
  LocaleModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  UndoRedoEditModule,
  ValueCacheModule,
]);
