// Types of scripts/build-electron.mjs for the TypeScript callers (bench, tests).

/** The desktop app's Node bundles: output name → source entry. */
export const MAIN_ENTRIES: Record<string, string>;

/** Bundle Node entries with on-demand chunks as CommonJS into `outdir` (absolute); minified by default. */
export function buildNodeBundles(options: { entries?: Record<string, string>; outdir: string; minify?: boolean; sourcemap?: boolean }): Promise<{
  files: string[];
  packages: Record<string, string[]>;
  /** The first entry and the chunks it requires as it starts. */
  startup: string[];
}>;

export interface BuiltElectron {
  /** Absolute path of main.cjs. */
  main: string;
  /** Absolute path of preload.cjs. */
  preload: string;
  /** Chunks main.cjs requires as it starts (absolute paths). */
  startupChunks: string[];
  /** Chunks loaded on first use: workbook reading and writing, the command line (absolute paths). */
  lazyChunks: string[];
  /** The npm packages bundled into each main-process file (absolute path → package names). */
  packages: Record<string, string[]>;
}

/** Build the main-process bundles and the preload; `dev` = readable with source maps, not what ships. */
export function buildElectron(options?: { dev?: boolean; outdir?: string }): Promise<BuiltElectron>;

/** The plain-Node entries (dist/node): output name → source entry. */
export const NODE_ENTRIES: Record<string, string>;

/** Build the command line, browser mode and the worker as CommonJS with chunks (and source maps) into `outdir` (default dist/node); returns entry name → path of `<name>.cjs`. */
export function buildNode(options?: { minify?: boolean; outdir?: string; entries?: Record<string, string> }): Promise<Record<string, string>>;
