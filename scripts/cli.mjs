// `npm run cli -- …` and `node scripts/cli.mjs …`: the command line, run from its bundle by plain
// Node (dist/node/cli.mjs), built first only when missing or older than its sources.
import { runNodeBundle } from './node-bundle.mjs';

await runNodeBundle('cli');
