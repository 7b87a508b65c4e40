// The .xlsx file as an Open Packaging Conventions package: parts are found through relationships
// (`_rels/.rels` → the workbook, the workbook's `.rels` → its sheets, shared strings, styles), never
// by fixed names, and part names are compared the way OPC says — case-insensitively, with the
// backslashes some Windows writers put in zip entry names read as "/".
import type { XmlAttrs } from './xml-stream';
import { STOP, attrByLocal, streamXml } from './xml-stream';

/** A zip entry name as an OPC part name key: "/" separators, no leading "/", lower case. */
export function partKey(zipName: string): string {
  return zipName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** The unpacked XML parts of a package, keyed by partKey(). */
export type Parts = Map<string, Buffer>;

export interface Relationship {
  id: string;
  /** The relationship type URI (transitional or strict); compare with relType(). */
  type: string;
  /** The target part's key (partKey form), resolved against the source part; null when external. */
  target: string | null;
}

/** Whether a relationship type URI names `kind` (`officeDocument`, `worksheet`, …) in either OOXML dialect. */
export function relType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** Resolve a relationship Target URI against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  const joined = t.startsWith('/') ? t.slice(1) : dirOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return partKey(out.join('/'));
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const dir = dirOf(part);
  return partKey(`${dir}_rels/${part.slice(dir.length)}.rels`);
}

/** The relationships of `sourcePart` ("" for the package itself); empty when it has none. */
export function relationshipsOf(parts: Parts, sourcePart: string): Relationship[] {
  const xml = parts.get(relsPartOf(sourcePart));
  if (!xml) return [];
  const rels: Relationship[] = [];
  streamXml(xml, {
    open(local: string, a: XmlAttrs) {
      if (local !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      const external = a.TargetMode?.toLowerCase() === 'external';
      rels.push({ id: a.Id, type: a.Type ?? '', target: external ? null : resolveTarget(sourcePart, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

/**
 * The package's main document part (for a spreadsheet, the workbook), from `_rels/.rels`; when a
 * writer left that out, the conventional `xl/workbook.xml` if present; null when neither.
 */
export function mainDocumentPart(parts: Parts, entryNames: Iterable<string>): string | null {
  const names = new Set(entryNames);
  const main = relationshipsOf(parts, '').find((r) => relType(r.type, 'officeDocument') && r.target !== null);
  if (main?.target && names.has(main.target)) return main.target;
  for (const fallback of ['xl/workbook.xml', 'xl/workbook.bin']) if (names.has(fallback)) return fallback;
  return null;
}

/** The local name of a part's root element (`workbook`, `document` …); null when the part is absent. */
export function rootElementOf(parts: Parts, part: string): string | null {
  const xml = parts.get(part);
  if (!xml) return null;
  let root: string | null = null;
  streamXml(xml, {
    open(local: string) {
      root = local;
      return STOP;
    },
    close() {},
    text() {},
  });
  return root;
}

/**
 * The tab name of the sheet stored in part `sheetPart` (the name a clerk sees, for a message), found
 * as the reader finds sheets: `_rels/.rels` → workbook → its relationships → the <sheet> naming that
 * relationship. `part(key)` gives a part's bytes by partKey(); null when any link is missing or
 * unreadable.
 */
export function tabNameOfPart(part: (key: string) => Buffer | undefined, entryNames: Iterable<string>, sheetPart: string): string | null {
  const parts: Parts = new Map();
  const take = (key: string) => {
    const bytes = part(key);
    if (bytes) parts.set(key, bytes);
  };
  try {
    take(relsPartOf(''));
    const main = mainDocumentPart(parts, entryNames);
    if (main === null) return null;
    take(main);
    take(relsPartOf(main));
    const id = relationshipsOf(parts, main).find((r) => r.target === sheetPart)?.id;
    const xml = parts.get(main);
    if (id === undefined || !xml) return null;
    let name: string | null = null;
    streamXml(xml, {
      open(local, a) {
        if (local !== 'sheet' || attrByLocal(a, 'id') !== id || a.name === undefined) return;
        name = a.name;
        return STOP;
      },
      close() {},
      text() {},
    });
    return name;
  } catch {
    return null;
  }
}
