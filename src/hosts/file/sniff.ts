/**
 * What kind of file the bytes are, before trying to read them as .xlsx: empty, an encrypted workbook or a
 * legacy .xls (both OLE compound files), something else, or a zip. Browser-safe (no Buffer, no ExcelJS), so
 * the file host and the browser preview give the same messages.
 */
import { HostError } from '../host';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Whether the UTF-16LE encoding of an ASCII text occurs in the bytes (stream names inside a compound file). */
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Explains why bytes are not a readable .xlsx, or returns undefined when they look like one. */
export function sniffXlsx(buf: Uint8Array): HostError | undefined {
  if (buf.length === 0) return new HostError('文件是空的（0 字节），请确认选择了正确的工作簿', 'unreadable');
  if (startsWith(buf, CFB_MAGIC)) {
    if (containsUtf16(buf, 'EncryptionInfo'))
      return new HostError('工作簿设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码（文件→信息→保护工作簿）后另存再校验', 'encrypted');
    return new HostError('这是旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 格式后再校验', 'legacy-xls');
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    if (looksLikeText(buf))
      return new HostError('这是文本文件（如 .csv 或 .txt），不是 .xlsx 工作簿：请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再校验', 'wrong-kind');
    if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return new HostError('这是 PDF 文件，不是 .xlsx 工作簿：请使用部门预算公开表的 Excel 原表', 'wrong-kind');
    return new HostError('文件不是 .xlsx 工作簿（文件内容无法识别），请确认文件类型', 'unreadable');
  }
  return undefined;
}

/** Text such as CSV: the first bytes decode as UTF-8 (or GBK bytes ≥ 0x80) with no control characters but tabs and line ends. */
function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
    else return false;
  }
  return printable > 0;
}
