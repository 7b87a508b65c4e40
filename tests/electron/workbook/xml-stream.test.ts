// The one XML reader under every .xlsx part (electron/workbook/import/xml-stream.ts): large UTF-8
// parts are fed to the parser a slice at a time, and no slice may cut a character in two — a
// Chinese note that straddles a slice boundary must come out whole, at every byte offset.
import { describe, expect, it } from 'vitest';
import { STOP, XML_SLICE_BYTES, XmlRefused, streamXml } from '../../../electron/workbook/import/xml-stream';

/** Every text run of `xml`, joined per <t> element. */
function texts(xml: Buffer | string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  streamXml(xml, {
    open(local) {
      if (local === 't') cur = '';
    },
    close(local) {
      if (local === 't' && cur !== null) {
        out.push(cur);
        cur = null;
      }
    },
    text(t) {
      if (cur !== null) cur += t;
    },
  });
  return out;
}

const SLICE = XML_SLICE_BYTES;

describe('streamXml', () => {
  it('keeps multi-byte characters whole across slice boundaries, whatever the offset', () => {
    // 3-byte (因), 4-byte (𠀀) and 2-byte (é) characters placed so one of them spans the boundary.
    for (const ch of ['因', '𠀀', 'é']) {
      const width = Buffer.byteLength(ch);
      for (let shift = 0; shift < width; shift++) {
        const head = '<?xml version="1.0" encoding="UTF-8"?><r><t>';
        const padding = 'a'.repeat(SLICE - Buffer.byteLength(head) - shift - 1);
        const note = `${ch}${ch}说明${ch}`;
        const xml = Buffer.from(`${head}${padding}${note}</t><t>${note}</t></r>`, 'utf8');
        const [first, second] = texts(xml);
        expect(first?.endsWith(note), `${ch} shifted ${shift}`).toBe(true);
        expect(first?.includes('\ufffd')).toBe(false);
        expect(second).toBe(note);
      }
    }
  });

  it('reads XML as XML: single quotes, CDATA, references, prefixes', () => {
    const xml = `<x:r xmlns:x='urn:x'><x:t>a&amp;b&#x56E0;</x:t><x:t><![CDATA[<不是标签>]]></x:t></x:r>`;
    expect(texts(xml)).toEqual(['a&b因', '<不是标签>']);
  });

  it('refuses a DOCTYPE and stops early on STOP without reading the rest', () => {
    expect(() => texts('<!DOCTYPE r [<!ENTITY e "x">]><r><t>&e;</t></r>')).toThrow(XmlRefused);
    let seen = 0;
    streamXml('<r><a/><b/><c>not well-formed</d></r>', {
      open(local) {
        seen++;
        return local === 'b' ? STOP : undefined;
      },
      close() {},
      text() {},
    });
    expect(seen).toBe(3);
  });
});
