/**
 * The zip container of an .xlsx, read in Node with the native inflater (about 2.4× fflate for xlsx parts):
 * the central directory is parsed once, and only the parts the reader asks for are inflated, each with a cap
 * on its output (zlib's maxOutputLength), so a zip bomb stops at the cap instead of exhausting memory.
 */
import zlib from 'zlib';
import { damaged, limitError, ReadLimits } from './limits';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipParts {
  names: string[];
  /** The uncompressed bytes of a part, or undefined when there is no such part. */
  get(name: string): Uint8Array | undefined;
}

function u16(b: Buffer, o: number) {
  return b.readUInt16LE(o);
}
function u32(b: Buffer, o: number) {
  return b.readUInt32LE(o);
}

/** An 8-byte little-endian number (offsets and sizes in zip64 records; beyond 2⁵³ is no real file). */
function u64(b: Buffer, o: number): number {
  if (o + 8 > b.length) throw damaged('zip64 目录记录已损坏');
  const n = b.readBigUInt64LE(o);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('zip64 目录记录已损坏');
  return Number(n);
}

/**
 * The zip64 extended information extra field (header 0x0001) of a central directory entry: the 8-byte sizes and
 * offset, in this order, of those the entry writes as 0xFFFFFFFF.
 */
function zip64Fields(b: Buffer, from: number, length: number, e: Entry): void {
  const end = Math.min(b.length, from + length);
  for (let q = from; q + 4 <= end;) {
    const id = u16(b, q);
    const size = u16(b, q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        if (r + 8 > q + 4 + size) throw damaged('zip64 目录记录已损坏');
        const v = u64(b, r);
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressed === 0xffffffff) e.compressed = next();
      if (e.offset === 0xffffffff) e.offset = next();
      return;
    }
    q += 4 + size;
  }
  throw damaged(`部件 ${e.name} 的 zip64 大小记录缺失`);
}

export function openZip(buf: Uint8Array, limits: ReadLimits): ZipParts {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged('文件不完整（找不到 zip 目录，可能下载或复制时被截断）');
  let count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  // Zip64 (System.IO.Packaging, streaming writers): a locator just before the end record points to the zip64 end
  // record, which holds the entry count and the directory's offset in 8 bytes.
  if (eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const z = u64(b, eocd - 12);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw damaged('zip64 目录记录已损坏');
    count = u64(b, z + 32);
    p = u64(b, z + 48);
  }
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw damaged('zip 目录已损坏');
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const e: Entry = {
      method: u16(b, p + 10),
      compressed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLen).replace(/\\/g, '/'),
    };
    if (e.size === 0xffffffff || e.compressed === 0xffffffff || e.offset === 0xffffffff) zip64Fields(b, p + 46 + nameLen, extraLen, e);
    entries.set(e.name.replace(/^\//, ''), e);
    p += 46 + nameLen + extraLen + u16(b, p + 32);
  }
  let total = 0;
  return {
    names: [...entries.keys()],
    get(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      // Declared size first (cheap); the actual output is capped again while inflating.
      if (e.size > limits.maxPartBytes) throw limitError.part(name, limits.maxPartBytes);
      const cap = Math.min(limits.maxPartBytes, limits.maxTotalBytes - total);
      if (e.size > cap) throw limitError.total(limits.maxTotalBytes);
      const lh = e.offset;
      if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) throw damaged(`部件 ${name} 的位置不对（文件可能被截断）`);
      const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
      const data = b.subarray(start, start + e.compressed);
      if (start + e.compressed > b.length) throw damaged(`部件 ${name} 不完整（文件可能被截断）`);
      let out: Buffer;
      if (e.method === 0) out = Buffer.from(data);
      else if (e.method === 8) {
        try {
          out = zlib.inflateRawSync(data, { maxOutputLength: cap + 1 });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
            throw total + cap < limits.maxTotalBytes ? limitError.part(name, limits.maxPartBytes) : limitError.total(limits.maxTotalBytes);
          throw damaged(`部件 ${name} 无法解压（数据已损坏）`);
        }
      } else throw damaged(`部件 ${name} 使用了不支持的压缩方式 ${e.method}`);
      if (out.length > cap) throw out.length > limits.maxPartBytes ? limitError.part(name, limits.maxPartBytes) : limitError.total(limits.maxTotalBytes);
      total += out.length;
      return out;
    },
  };
}
