/**
 * Host-neutral workbook grid model. Every host (Excel, WPS, xlsx file) reads into this shape;
 * the core never sees Office, WPS or DOM objects. Rows and columns are 0-based.
 */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value a person sees (for formula cells: the cached result). */
  value: CellValue;
  /** Formula text without the leading "=", when the cell holds a formula. */
  formula?: string;
  /** Number format code, e.g. "#,##0.00". */
  numFmt?: string;
  /** Wrap the text in the cell (long paragraphs of an inserted 情况说明 sheet). */
  wrap?: boolean;
}

/** Inclusive 0-based rectangle. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Sparse rows: rows[r][c] is undefined for empty cells. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  protected?: boolean;
  /** The workbook hides the sheet (state="hidden" or "veryHidden"): a stale copy kept out of sight, as a rule. */
  hidden?: boolean;
  /** Column widths in characters (templates). */
  columnWidths?: number[];
  /** Print setup (templates): A4, landscape, fit to page width, header rows repeated. */
  print?: { landscape: boolean; fitToWidth?: boolean; titleRows?: [number, number] };
}

export interface Workbook {
  sheets: Sheet[];
  /** The file asks to be recalculated when opened (fullCalcOnLoad): its cached formula results are not to be trusted. */
  recalcOnOpen?: boolean;
  /** Sheets of the workbook that hold no table (chart sheets, dialog sheets, Excel 4 macro sheets): listed, not read. */
  skipped?: { name: string; kind: 'chart' | 'dialog' | 'macro' }[];
}

export function colName(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function rangeA1(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parses "B3" or "$B$3" into 0-based row/col. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeA1(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

/** Display text of a cell, trimmed; '' for empty. Numbers are rendered without float noise. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  const v = cell.value;
  if (typeof v === 'number') {
    const s = String(v);
    return s.length <= 15 ? s : String(Number(v.toPrecision(15)));
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

export function sheetWidth(sheet: Sheet): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  return w;
}

/** Maps every cell covered by a merged area (except its top-left) to the top-left cell. */
/** Cells a merge lookup maps at most: header merges need few; thousands of large merges never exhaust memory. */
export const MERGE_LOOKUP_CAP = 1_000_000;

/** Excel's number of columns (XFD). */
const MAX_COLUMNS = 16_384;

/** A cell's number within its sheet (row · 16384 + column): a key that builds no string (merge lookups, cell indexes). */
export function cellNumber(r: number, c: number): number {
  return r * MAX_COLUMNS + c;
}

/** Whether the cell at (row, col) lies in the range. */
export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function mergeLookup(sheet: Sheet): Map<number, { row: number; col: number }> {
  const map = new Map<number, { row: number; col: number }>();
  let room = MERGE_LOOKUP_CAP;
  for (const m of sheet.merges) {
    // Large merged blocks over data are rare; cap to keep this cheap on huge sheets (and under Map's size limit).
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > 10000) continue;
    if ((room -= area) < 0) break;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) map.set(cellNumber(r, c), { row: m.top, col: m.left });
  }
  return map;
}

/** Small helper used by tests, samples and templates: a sheet from a 2-D array of plain values. */
export function sheetFromArray(name: string, data: CellValue[][], merges: CellRange[] = []): Sheet {
  return {
    name,
    rows: data.map((row) => row.map((v) => (v === null || v === '' ? undefined : { value: v }))),
    merges,
  };
}
