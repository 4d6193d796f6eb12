/**
 * What kind of file the bytes are, before trying to read them as .xlsx: empty, an encrypted workbook or a
 * legacy .xls (both OLE compound files), text of a kind (Excel 2003 XML, a web page, UTF-16 text, CSV), something
 * else, or a zip. Browser-safe (no Buffer, no ExcelJS), so
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
    if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return new HostError('这是 PDF 文件，不是 .xlsx 工作簿：请使用部门预算公开表的 Excel 原表', 'wrong-kind');
    const kind = textKind(buf);
    if (kind) return new HostError(TEXT_KINDS[kind], 'wrong-kind');
    return new HostError('文件不是 .xlsx 工作簿（文件内容无法识别），请确认文件类型', 'unreadable');
  }
  return undefined;
}

const SAVE_AS = '请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再校验';

/** Text files, told apart by their first bytes: several are often named .xls by the systems that export them. */
const TEXT_KINDS = {
  xml2003: `这是 Excel 2003 XML 表格（“XML 电子表格 2003”格式，常被命名为 .xls 或 .xml），不是 .xlsx 工作簿：${SAVE_AS}`,
  html: `这是网页（HTML）格式的表格（不少系统导出的“.xls”其实是网页），不是 .xlsx 工作簿：${SAVE_AS}`,
  xml: '这是 XML 文件，不是 .xlsx 工作簿：请选择部门预算公开表的 .xlsx 文件',
  utf16: `这是 UTF-16 编码的文本文件（如 .txt 或 .csv），不是 .xlsx 工作簿：${SAVE_AS}`,
  text: `这是文本文件（如 .csv 或 .txt），不是 .xlsx 工作簿：${SAVE_AS}`,
} as const;

/** How many bytes are looked at: the markers (a namespace, an <html> tag) stand in the first lines. */
const HEAD = 16384;

/** Which kind of text the bytes are (UTF-8 with or without a byte order mark, or UTF-16 with one), if text at all. */
function textKind(buf: Uint8Array): keyof typeof TEXT_KINDS | undefined {
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : undefined;
  const head = new TextDecoder(utf16 ?? 'utf-8').decode(buf.subarray(0, HEAD)).replace(/^\uFEFF/, '');
  const start = head.replace(/^(?:\s|<!--[\s\S]*?-->)+/, '');
  if (/^<\?xml\b/.test(start)) {
    if (/urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application\s+progid=["']Excel\.Sheet["']/i.test(head)) return 'xml2003';
    if (/<!doctype\s+html|<html[\s>]/i.test(head)) return 'html';
    return 'xml';
  }
  if (/^<(?:!doctype\s+html|html|head|body|table|meta)[\s>]/i.test(start)) return 'html';
  if (utf16) return 'utf16';
  return looksLikeText(buf) ? 'text' : undefined;
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
