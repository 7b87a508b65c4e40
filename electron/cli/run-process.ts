// Runs the command line as a process: argv in, lines out, the exit code set. Output to a reader
// that has gone away (`cli status … | head -1` closes the pipe early: EPIPE) is dropped quietly
// — no stack trace — and the command still finishes (an import is applied or not as a whole).
import { EXIT } from './args';
import { runCliQuick } from './quick-start';

/**
 * Longest piece of a line handed to the stream at once, in UTF-16 units. `inspect --json` of a
 * 10,000-row return is one 6 MB line: written whole, it is first copied to append the newline,
 * then encoded into one fresh 6 MB buffer (~80 ms); in pieces of this size, ~45 ms.
 */
export const WRITE_SLICE_UNITS = 64 * 1024;

/**
 * `text` cut into consecutive pieces of at most `size` UTF-16 units (`size` ≥ 2) that join back
 * to `text`. A cut never falls between the two halves of a surrogate pair (an emoji, a CJK
 * character outside the BMP): encoded on its own, a lone half would become U+FFFD.
 */
export function textSlices(text: string, size = WRITE_SLICE_UNITS): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

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
  const put = (text: string) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
  return (line) => {
    if (line.length <= WRITE_SLICE_UNITS) return put(`${line}\n`);
    for (const piece of textSlices(line)) put(piece);
    put('\n');
  };
}

/** Runs `argv` (without node and script) and sets process.exitCode; never rejects. A plain inspect starts without loading the rest of the command line (quick-start.ts). */
export async function runCliProcess(argv: string[]): Promise<void> {
  const stdout = quietLineWriter(process.stdout);
  // process.stderr is made on first use, and most runs never write to it: as a pipe or a terminal it
  // is a socket, whose modules cost a 13-row inspect ~2 ms to load (docs/ARCHITECTURE.md §Command-line start).
  let stderrLines: ((line: string) => void) | undefined;
  const stderr = (line: string): void => (stderrLines ??= quietLineWriter(process.stderr))(line);
  try {
    process.exitCode = await runCliQuick(argv, { stdout, stderr });
  } catch (e) {
    stderr(`出错了 / Error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = EXIT.nothingDone;
  }
}
