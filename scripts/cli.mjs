// `npm run cli -- …` and `node scripts/cli.mjs …`: the command line, run from its bundle by plain
// Node (dist/node/cli.cjs), built first only when missing or older than its sources, and compiled
// with the code cache of earlier runs of the same command (node-bundle.mjs).
import { codeCacheKey, runNodeBundle } from './node-bundle.mjs';

await runNodeBundle('cli', { codeCache: codeCacheKey(process.argv.slice(2)) });
