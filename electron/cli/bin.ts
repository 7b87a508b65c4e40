// Entry of the bundled command line (dist/node/cli.cjs, started by scripts/cli.cjs).
import { runCliProcess } from './run-process';

void runCliProcess(process.argv.slice(2));
