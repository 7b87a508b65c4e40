// One conforming XML reader for every part of an .xlsx package: the part's bytes are decoded by
// their byte-order mark / declaration (UTF-8, UTF-16 LE/BE, or a declared legacy encoding) and fed
// to saxes, a well-kept streaming parser that reads XML as XML — quotes of either kind, CDATA,
// character and entity references, namespace prefixes, any whitespace or attribute order.
// Hostile-input guards stay here, in one place: a DOCTYPE (the door to entity expansion) is
// refused, unknown entities are errors, and nesting deeper than any SpreadsheetML part needs is
// refused before it can cost anything.
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';

/** Returned by a handler's open() when nothing later in the part is needed. */
export const STOP = Symbol('stop reading this part');

/**
 * Thrown through saxes to end a pass early; never leaves streamXml. Not an Error: nothing reads its
 * stack, and capturing one cost more than the rest of a small return's early-stopped passes.
 */
const STOPPED = { stopped: true } as const;

/** A part that is not well-formed XML, or that a workbook never legitimately contains. */
export class XmlRefused extends Error {}

/** Deeper than any SpreadsheetML part (a rich-text run in a cell is about 6 levels down). */
export const MAX_XML_DEPTH = 100;

export type XmlAttrs = Record<string, string>;

/**
 * What a reader of one part hears, with element names already stripped of their namespace prefix
 * (`x:c` → `c`): SpreadsheetML parts are matched by local name, so files written with a default
 * namespace and files written with a prefix on every element read the same. Attribute names are
 * as written (unprefixed in SpreadsheetML except the relationship `r:id`).
 */
export interface XmlHandlers {
  /** Return STOP to end the pass here: the reader has all it needs from this part. */
  open(local: string, attrs: XmlAttrs, selfClosing: boolean): void | typeof STOP;
  close(local: string): void;
  /** Character data and CDATA sections, entity and character references already decoded. */
  text(text: string): void;
}

function swapBytes(buf: Buffer, from: number): Buffer {
  const out = Buffer.from(buf.subarray(from, from + ((buf.length - from) & ~1)));
  return out.swap16();
}

const DECLARED = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * The text of an XML part: UTF-8 (with or without BOM), UTF-16 LE or BE (with BOM, or recognised
 * by the `<?` that every declaration starts with), or the encoding the declaration names (GBK,
 * ISO-8859-1 …, through the ICU decoders Node ships). Throws XmlRefused for an unknown encoding.
 */
export function decodeXmlBytes(buf: Buffer): string {
  const [a, b, c] = [buf[0], buf[1], buf[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return buf.toString('utf8', 3);
  if (a === 0xff && b === 0xfe) return buf.toString('utf16le', 2);
  if (a === 0xfe && b === 0xff) return swapBytes(buf, 2).toString('utf16le');
  if (a === 0x3c && b === 0x00) return buf.toString('utf16le');
  if (a === 0x00 && b === 0x3c) return swapBytes(buf, 0).toString('utf16le');
  const declared = DECLARED.exec(buf.toString('latin1', 0, Math.min(buf.length, 200)))?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return buf.toString('utf8');
  try {
    return new TextDecoder(declared).decode(buf);
  } catch (err) {
    throw new XmlRefused(`unknown encoding ${declared}`, { cause: err });
  }
}

/**
 * Bytes handed to the parser per write. Kept under V8's largest regular heap object (128 KB, and a
 * slice decodes to at most as many UTF-16 units as it has bytes): a bigger string goes to the
 * large-object space, whose allocations cost a page-mapping each — 256 KB slices made decoding a
 * 16 MB sheet about 20 times slower than 48 KB ones (bench/xlsx-reader-pair.ts).
 */
export const XML_SLICE_BYTES = 48 * 1024;

/** UTF-8 without a BOM and without another declared encoding: what nearly every writer produces. */
function isPlainUtf8(buf: Buffer): boolean {
  const [a, b] = [buf[0], buf[1]];
  if (a === 0xef || a === 0xff || a === 0xfe || a === 0x00 || b === 0x00) return false;
  const declared = DECLARED.exec(buf.toString('latin1', 0, Math.min(buf.length, 200)))?.[1]?.toLowerCase();
  return declared === undefined || declared === 'utf-8' || declared === 'utf8';
}

/**
 * The largest index ≤ `end` that starts a character: backs off continuation bytes (10xxxxxx) so a
 * multi-byte sequence is never split. `end` itself when it is the end of the buffer.
 */
function utf8Boundary(buf: Buffer, end: number): number {
  if (end >= buf.length) return buf.length;
  let i = end;
  // A UTF-8 character is at most 4 bytes: at most 3 continuation bytes to back over.
  while (i > end - 4 && ((buf[i] as number) & 0xc0) === 0x80) i--;
  return i;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parse one part, calling `h` for each element and run of text, until its end or until `h.open`
 * returns STOP (what follows is then neither read nor checked). Throws XmlRefused when the part (up
 * to there) is not well-formed, has a DOCTYPE, or nests deeper than MAX_XML_DEPTH; errors thrown by
 * `h` pass through.
 */
export function streamXml(bytes: Buffer | string, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let failure: Error | typeof STOPPED | null = null;
  const fail = (err: Error | typeof STOPPED) => {
    failure ??= err;
    throw err;
  };
  parser.on('error', (err) => fail(new XmlRefused(err.message, { cause: err })));
  parser.on('doctype', () => fail(new XmlRefused('DOCTYPE is not allowed in a workbook part')));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_XML_DEPTH) fail(new XmlRefused(`XML nested deeper than ${MAX_XML_DEPTH} levels`));
    if (h.open(localName(tag.name), tag.attributes, tag.isSelfClosing) === STOP) fail(STOPPED);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    h.close(localName(tag.name));
  });
  parser.on('text', h.text);
  parser.on('cdata', h.text);
  try {
    if (typeof bytes !== 'string' && isPlainUtf8(bytes)) {
      // Decoded a slice at a time: ASCII stretches (most of a sheet) stay one-byte strings, which
      // saxes scans faster, no whole-part copy is held, and a pass that stops early decodes no more.
      // Each slice ends on a character boundary (never inside a UTF-8 sequence), so it decodes
      // on its own without a StringDecoder's copying.
      for (let at = 0; at < bytes.length; ) {
        const end = utf8Boundary(bytes, Math.min(at + XML_SLICE_BYTES, bytes.length));
        parser.write(bytes.toString('utf8', at, end));
        at = end;
      }
    } else parser.write(typeof bytes === 'string' ? bytes : decodeXmlBytes(bytes));
    parser.close();
  } catch (err) {
    // Set inside the handlers above, which TypeScript's flow analysis does not see.
    const reason = failure as Error | typeof STOPPED | null;
    if (reason === STOPPED) return;
    throw reason ?? err;
  }
}

/** The first attribute named `name` with or without a namespace prefix (`r:id`, `id`). */
export function attrByLocal(attrs: XmlAttrs, name: string): string | undefined {
  const own = attrs[name];
  if (own !== undefined) return own;
  const suffix = `:${name}`;
  for (const key in attrs) if (key.endsWith(suffix)) return attrs[key];
  return undefined;
}
