/**
 * Text from a workbook on its way out (terminal, .docx, .xlsx, HTML, JSON). A cell may hold control characters
 * (Word's manual line break U+000B pasted into Excel is stored as _x000B_; ESC, BEL, NUL arrive the same way):
 * XML 1.0 forbids them, so a .docx or .xlsx carrying one does not open, and on a terminal ESC starts an escape
 * sequence. Browser-safe: the pane's .docx export uses it too.
 */

/**
 * What no output carries: C0 controls but tab and line feed (a carriage return is read as a line end), DEL, C1
 * controls (U+009B is an escape sequence on some terminals), U+FFFE/U+FFFF and lone surrogates (no XML, no UTF-8).
 */
const UNSAFE_ONE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/;
/** A surrogate pair is kept whole; the other matches are removed. (No lookbehind: older Office web views lack it.) */
const UNSAFE = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** The text without control characters (tabs and line feeds kept; \r\n and \r become \n). */
export function safeText(s: string): string {
  if (!UNSAFE_ONE.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE, (m) => (m.length === 2 ? m : ''));
}

/**
 * JSON whose text has no raw control character: JSON.stringify already writes C0 controls and lone surrogates as
 * \uXXXX; DEL, C1 controls, U+2028/2029 and U+FFFE/FFFF are escaped the same way (the data is kept, the file stays
 * valid JSON and safe to print).
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
