// Where the contract travels: the IPC channel names (desktop) and the access-token header (browser
// mode). One place for both ends — preload and main, HTTP client and server (docs/ARCHITECTURE.md
// §Layers). The preload bundle inlines these (a sandboxed preload may only require 'electron').

/** The one IPC channel that carries every API call (invoke: method name, request). */
export const API_CHANNEL = 'indicator-desk:api';

/** Main → page: native menu actions (shapes in ./shell). */
export const MENU_CHANNEL = 'indicator-desk:menu';

/**
 * HTTP header with the per-run secret token on every browser-mode API call. Lower case: Node
 * lower-cases incoming header names, and HTTP header names are case-insensitive anyway.
 */
export const TOKEN_HEADER = 'x-indicator-desk-token';
