// Read and write zip archives entry by entry, so a test can edit the XML of a real workbook the
// way another writer would have stored it (other names, encodings, quoting) and zip it again.
import { inflateRawSync, deflateRawSync } from 'node:zlib';

export interface ZipFile {
  name: string;
  data: Buffer;
  /** Override what the headers claim the unpacked size is (a lying zip, for hostile-input tests). */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Every entry of a (non-zip64) archive, unpacked, in central-directory order. */
export function readZip(buf: Buffer): ZipFile[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipFile[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + skip;
  }
  return out;
}

/** A deflated archive of `files`, names written exactly as given (backslashes included). */
export function writeZip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const packed = deflateRawSync(f.data, { level: 9 });
    const size = f.declaredSize ?? f.data.length;
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Rewrite every XML part's text (decoded as UTF-8) with `edit(name, xml)`. */
export function editXmlParts(buf: Buffer, edit: (name: string, xml: string) => string | Buffer): Buffer {
  return writeZip(
    readZip(buf).map((f) => {
      if (!/\.(xml|rels)$/i.test(f.name)) return f;
      const out = edit(f.name, f.data.toString('utf8'));
      return { name: f.name, data: typeof out === 'string' ? Buffer.from(out, 'utf8') : out };
    }),
  );
}

/** Rewrite one part's text (`part`, e.g. xl/worksheets/sheet1.xml, read as UTF-8) with `edit(xml)`; every other entry as it was. */
export function editPart(buf: Buffer, part: string, edit: (xml: string) => string): Buffer {
  return writeZip(readZip(buf).map((f) => (f.name === part ? { ...f, data: Buffer.from(edit(f.data.toString('utf8')), 'utf8') } : f)));
}

/** The part every writer used here names the first worksheet. */
export const FIRST_SHEET = 'xl/worksheets/sheet1.xml';

/** editPart on the first worksheet (FIRST_SHEET). */
export function editSheet(buf: Buffer, edit: (xml: string) => string): Buffer {
  return editPart(buf, FIRST_SHEET, edit);
}
