// Types of scripts/node-bundle.mjs for the tests.
/** True when `${outdir}/${entry}.mjs` is missing or older than any source it was built from (default outdir dist/node). */
export function nodeBundleStale(entry: string, outdir?: string): boolean;
/** Builds dist/node when `entry` is stale, then loads it (it runs on import). */
export function runNodeBundle(entry: string): Promise<void>;
