// Types of scripts/node-bundle.cjs for the tests.
/** True when `${outdir}/${entry}.cjs` is missing or older than any source it was built from (default outdir dist/node). */
export function nodeBundleStale(entry: string, outdir?: string): boolean;
/** The code cache's name for a command line (its first word: `inspect`, `help`; `_` for anything else). */
export function codeCacheKey(argv: readonly string[]): string;
/** Builds dist/node when `entry` is stale, then loads it (it runs on load); `codeCache`: a key to compile it with a V8 code cache. */
export function runNodeBundle(entry: string, options?: { codeCache?: string }): Promise<void>;
/** Under `npm run <script>`, makes npm's INIT_CWD (where the command was typed) the current folder again. */
export function startWhereTyped(script: string): void;
/** Each file's (path from the repository root) modification time as a build records it: a time inside [startedAt, endedAt] as 0. */
export function sourceTimes(files: readonly string[], startedAt: number, endedAt: number): Record<string, number>;
/** Whether the sources recorded in `recordFile` ({ sources: { path: ms } }) changed; a missing or damaged record counts as changed. */
export function sourcesChanged(recordFile: string): boolean;
/** Tells someone watching (stderr a terminal) that a build is under way. */
export function sayBuilding(): void;
