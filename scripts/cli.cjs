// `npm run cli -- …` and `node scripts/cli.cjs …`: the command line, run from its bundle by plain
// Node (dist/node/cli.cjs), built first only when missing or older than its sources, and compiled
// with the code cache of earlier runs of the same command (node-bundle.cjs). CommonJS, as
// node-bundle.cjs says why.
'use strict';
const { codeCacheKey, runNodeBundle } = require('./node-bundle.cjs');

// npm runs a script from the package's folder; INIT_CWD is where `npm run cli -- …` was typed, and
// so where the clerk's relative paths (a return, --db, --out) start from.
if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) {
  try {
    process.chdir(process.env.INIT_CWD);
  } catch {
    // gone meanwhile: paths then start from the package's folder, as npm left them
  }
}

runNodeBundle('cli', { codeCache: codeCacheKey(process.argv.slice(2)) }).catch((err) => {
  // Only a failed build gets here: the command itself reports its own errors and exit code.
  process.exitCode = 1;
  console.error(err);
});
