// A long line (`inspect --json` of a large return is one 6 MB line) is written in pieces, and the
// bytes that arrive are exactly the line and its newline in UTF-8: no piece splits a surrogate
// pair (an emoji, a CJK character outside the BMP), whatever the line's length.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WRITE_SLICE_UNITS, quietLineWriter, textSlices } from '../../../electron/cli/run-process';

/** A stream that keeps every chunk written to it, as bytes. */
function collector(): { stream: NodeJS.WriteStream; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8'));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, chunks };
}

describe('long lines are written in pieces that join back to the line', () => {
  it('textSlices never cuts a surrogate pair, and the pieces join back', () => {
    for (const size of [2, 3, 7, 64]) {
      for (const text of ['', 'a', '指标😀完成率'.repeat(20), '😀'.repeat(50), `${'x'.repeat(size - 1)}😀${'y'.repeat(size)}`]) {
        const pieces = textSlices(text, size);
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) {
          expect(p.length).toBeGreaterThan(0);
          expect(p.length).toBeLessThanOrEqual(size);
          expect(p).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
        }
      }
    }
  });

  it('a line longer than a piece arrives whole, in several writes, with its emoji intact', () => {
    const { stream, chunks } = collector();
    const write = quietLineWriter(stream);
    // The first piece's last unit is the first half of an emoji: that piece must end one early.
    const line = `${'指'.repeat(WRITE_SLICE_UNITS - 1)}😀`.repeat(3);
    expect(line.charCodeAt(WRITE_SLICE_UNITS - 1)).toBe(0xd83d);
    write(line);
    write('short');
    expect(chunks.length).toBeGreaterThan(3);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(`${line}\nshort\n`);
    expect(text).not.toContain('\uFFFD');
  });
});
