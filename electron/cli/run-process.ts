// Runs the command line as a process: argv in, lines out, the exit code set. Output to a reader
// that has gone away (`cli status … | head -1` closes the pipe early: EPIPE) is dropped quietly
// — no stack trace — and the command still finishes (an import is applied or not as a whole).
import { EXIT } from './args';
import { runCliQuick } from './quick-start';

/** A line writer for `stream` that goes quiet, instead of throwing, once the reader has closed it. */
export function quietLineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return (line) => {
    if (!closed && !stream.destroyed) stream.write(`${line}\n`);
  };
}

/** Runs `argv` (without node and script) and sets process.exitCode; never rejects. A plain inspect starts without loading the rest of the command line (quick-start.ts). */
export async function runCliProcess(argv: string[]): Promise<void> {
  const stdout = quietLineWriter(process.stdout);
  const stderr = quietLineWriter(process.stderr);
  try {
    process.exitCode = await runCliQuick(argv, { stdout, stderr });
  } catch (e) {
    stderr(`出错了 / Error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = EXIT.nothingDone;
  }
}
