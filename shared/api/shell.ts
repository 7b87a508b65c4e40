// What the desktop shell (native menu, a second launch with a file) may ask the page to do, and
// the runtime check both ends apply. Part of the contract between main and renderer, like api.
export interface DroppedFile {
  name: string;
  /** Workbook bytes, base64 (the same shape as the contract's previewImport files). */
  base64: string;
}

/**
 * What the native menu (or a second launch with a file) asks the page to do. The renderer decides
 * how: 'import-files' should start the same preview flow as its own import button.
 */
export type MenuAction =
  | { type: 'import-files'; files: DroppedFile[] }
  | { type: 'show-message'; zh: string; en: string };

export const MENU_ACTION_TYPES: readonly MenuAction['type'][] = ['import-files', 'show-message'];

function isDroppedFile(value: unknown): value is DroppedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && v.name.length > 0 && v.name.length <= 260 && typeof v.base64 === 'string';
}

/** Runtime check on both ends of the menu channel: only these shapes are ever sent or delivered. */
export function isMenuAction(value: unknown): value is MenuAction {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.type === 'import-files') return Array.isArray(v.files) && v.files.length > 0 && v.files.every(isDroppedFile);
  if (v.type === 'show-message') return typeof v.zh === 'string' && typeof v.en === 'string';
  return false;
}
