// `npm run cli -- …` and `node scripts/cli.cjs …`: the command line, run from its bundle by plain
// Node (dist/node/cli.cjs), built first only when missing or its sources changed, and compiled
// with the code cache of earlier runs of the same command (node-bundle.cjs). CommonJS, as
// node-bundle.cjs says why.
'use strict';
const { codeCacheKey, runNodeBundle, startWhereTyped } = require('./node-bundle.cjs');

startWhereTyped('cli');

runNodeBundle('cli', { codeCache: codeCacheKey(process.argv.slice(2)) }).catch((err) => {
  // Not the command's errors (it reports those, with its exit code) nor a failed build (told
  // above): only what should never happen, such as a bundle that throws while loading.
  process.exitCode = 1;
  console.error(err);
});
