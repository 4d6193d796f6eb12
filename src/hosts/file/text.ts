/**
 * The text of a plain-text file (a 情况说明 .txt, a reasons .json) as Windows programs save it: UTF-8 with or without
 * a byte order mark, UTF-16 with one (Notepad's "Unicode"), or GB18030/GBK (Notepad's "ANSI" on Chinese Windows).
 */
export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Not UTF-8: Chinese text in the legacy code page.
    return new TextDecoder('gb18030').decode(buf);
  }
}
