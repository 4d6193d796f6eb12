/**
 * Builds zip files byte by byte for the hostile-file tests: any part content, deflated or stored, with a declared
 * size that may lie (a zip bomb declares a small size), so the reader's limits are tested on real bytes.
 */
import zlib from 'zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  /** Uncompressed content (deflated here unless `deflated` is given). */
  data?: Buffer | string;
  /** Already-deflated bytes (for parts too large to hold uncompressed). */
  deflated?: Buffer;
  /** The uncompressed size written in the headers (defaults to the real one). */
  declaredSize?: number;
  crc?: number;
}

export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = e.data === undefined ? undefined : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const comp = e.deflated ?? zlib.deflateRawSync(raw ?? Buffer.alloc(0));
    const size = e.declaredSize ?? raw?.length ?? 0;
    const crc = e.crc ?? (raw ? crc32(raw) : 0);
    const name = Buffer.from(e.name, 'utf8');
    // The local header and the central directory entry share one run of fields (version needed … name length);
    // the central entry has it two bytes later, after "version made by".
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(comp.length, at + 14);
      b.writeUInt32LE(size >>> 0, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    fields(lh, 4);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4); // version made by
    fields(ch, 6);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a minimal valid workbook with one sheet whose sheetData is given. */
export function workbookParts(sheetData: string, opts: { shared?: string[]; extraSheetXml?: string } = {}): ZipEntry[] {
  const parts: ZipEntry[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet><sheetData>${sheetData}</sheetData>${opts.extraSheetXml ?? ''}</worksheet>` },
  ];
  if (opts.shared)
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><sst count="${opts.shared.length}">${opts.shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    });
  return parts;
}
