// IPC channel names; the menu actions they carry are defined with the contract in shared/api/shell.
// The preload bundle inlines these (a sandboxed preload may only require 'electron' at run time).
export const API_CHANNEL = 'indicator-desk:api';
export const MENU_CHANNEL = 'indicator-desk:menu';

export type { DroppedFile, MenuAction } from '../../shared/api/shell';
export { MENU_ACTION_TYPES, isMenuAction } from '../../shared/api/shell';
