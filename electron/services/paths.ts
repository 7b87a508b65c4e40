// Where data lives. The desktop app, browser mode and the CLI share one database by default: the
// per-user data folder Electron would use for the product name (so all three see the same data).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = '指标填报台';
export const DB_FILE_NAME = 'indicator-desk.sqlite';
/** Environment variable that overrides the database path (CLI, browser mode, tests). */
export const DB_ENV = 'INDICATOR_DESK_DB';

/** Mirrors Electron's app.getPath('userData') for our product name on each platform. */
export function defaultDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** --db wins, then INDICATOR_DESK_DB, then the data folder. */
export function resolveDbPath(cliPath?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (cliPath) return cliPath;
  if (env[DB_ENV]) return env[DB_ENV] as string;
  return join(defaultDataFolder(process.platform, env), DB_FILE_NAME);
}

/**
 * A built renderer: index.html with Vite's assets/ beside it. The source folder renderer/ of a
 * checkout also holds an index.html (Vite's entry, loading /src/main.tsx), which a browser cannot
 * run: taking it for a build made `report --out x.pdf` wait a minute for a page that never draws.
 */
export function isBuiltRenderer(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets'));
}

/**
 * The built renderer folder (holding index.html) as seen from a module at `moduleUrl`: the nearest
 * `dist/renderer` or sibling `renderer` folder going up from it. Run from sources the module sits in
 * electron/…; bundled it sits in dist/node/ or dist/node/chunks/, so a fixed relative path cannot
 * serve both. Returns the first candidate (root/dist/renderer guess) when none is built yet, so the
 * caller can name it in its message.
 */
export function builtRendererDir(moduleUrl: string | URL): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  const candidates: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    candidates.push(join(dir, 'dist', 'renderer'), join(dir, 'renderer'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return candidates.find(isBuiltRenderer) ?? join(dirname(dirname(fileURLToPath(moduleUrl))), 'dist', 'renderer');
}
