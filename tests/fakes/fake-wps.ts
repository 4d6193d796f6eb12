/**
 * An in-memory fake of the WPS 表格 (ET) object model, with WPS's awkward shapes: 1-based .Item(i),
 * BGR colours, Value2 a scalar for one cell and a 2-D array otherwise, NumberFormat null when mixed,
 * Worksheets.Add() returning nothing, Comment.Text() a method. With `methods: true`, members that some WPS
 * builds expose as methods (Name, Count, UsedRange, Value2, Formula, NumberFormat…) are methods.
 */
import { a1, parseA1, parseRangeA1, type Workbook } from '../../src/core/grid';

export interface WpsCell {
  value: unknown;
  formula?: string;
  numFmt?: string;
  color: number | null; // BGR, null = no fill
  comment?: string;
}

export interface WpsSheetData {
  name: string;
  cells: Map<string, WpsCell>;
  merges: string[];
  protected: boolean;
}

export interface WpsBookData {
  sheets: WpsSheetData[];
  readOnly: boolean;
  active?: string;
  selected?: string;
  storage?: Map<string, string>;
}

export function wpsBookFrom(wb: Workbook): WpsBookData {
  return {
    sheets: wb.sheets.map((s) => {
      const cells = new Map<string, WpsCell>();
      s.rows.forEach((row, r) => row?.forEach((c, col) => c && cells.set(`${r},${col}`, { value: c.value, formula: c.formula, numFmt: c.numFmt, color: null })));
      return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), protected: false };
    }),
    readOnly: false,
    storage: new Map(),
  };
}

export function fakeWpsApp(book: WpsBookData, opts: { methods?: boolean; pluginStorage?: boolean } = {}) {
  const m = opts.methods ?? false;
  const expose = (obj: Record<string, unknown>, name: string, get: () => unknown) => {
    if (m) obj[name] = () => get();
    else Object.defineProperty(obj, name, { get, enumerable: true, configurable: true });
  };
  const sheetData = (name: string) => book.sheets.find((s) => s.name === name)!;
  const cellOf = (s: WpsSheetData, r: number, c: number) => {
    const k = `${r},${c}`;
    if (!s.cells.has(k)) s.cells.set(k, { value: null, color: null });
    return s.cells.get(k)!;
  };
  const range = (s: WpsSheetData, top: number, left: number, bottom: number, right: number): Record<string, unknown> => {
    const nr = bottom - top + 1;
    const nc = right - left + 1;
    const grid = (f: (c: WpsCell | undefined) => unknown) => {
      const rows = Array.from({ length: nr }, (_, i) => Array.from({ length: nc }, (_, j) => f(s.cells.get(`${top + i},${left + j}`))));
      return nr === 1 && nc === 1 ? rows[0][0] : rows;
    };
    const single = () => cellOf(s, top, left);
    const r: Record<string, unknown> = {};
    expose(r, 'Row', () => top + 1);
    expose(r, 'Column', () => left + 1);
    expose(r, 'Rows', () => ({ Count: nr }));
    expose(r, 'Columns', () => ({ Count: nc }));
    expose(r, 'Value2', () => grid((c) => (c?.value === null || c?.value === undefined ? undefined : c.value)));
    expose(r, 'Formula', () => grid((c) => (c?.formula ? `=${c.formula}` : c?.value ?? '')));
    expose(r, 'NumberFormat', () => {
      const all = new Set<string>();
      for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) all.add(s.cells.get(`${top + i},${left + j}`)?.numFmt ?? 'General');
      return all.size === 1 ? [...all][0] : null; // mixed formats: null, like Excel/WPS
    });
    Object.defineProperty(r, 'Interior', {
      get: () => {
        const c = single();
        return {
          get Color() { return c.color ?? 16777215; },
          set Color(v: number) {
            if (s.protected) throw new Error('工作表受保护');
            c.color = v;
          },
          get ColorIndex() { return c.color === null ? -4142 : 1; },
          set ColorIndex(v: number) { if (v === -4142) c.color = null; },
        };
      },
    });
    Object.defineProperty(r, 'Comment', {
      get: () => {
        const c = single();
        if (c.comment === undefined) return null;
        return { Text: () => c.comment, Delete: () => void (c.comment = undefined) };
      },
    });
    r.AddComment = (text: string) => {
      const c = single();
      if (c.comment !== undefined) throw new Error('单元格已有批注');
      c.comment = text;
    };
    expose(r, 'MergeCells', () => s.merges.some((mm) => { const g = parseRangeA1(mm); return top >= g.top && top <= g.bottom && left >= g.left && left <= g.right; }));
    Object.defineProperty(r, 'MergeArea', {
      get: () => {
        const hit = s.merges.map((mm) => parseRangeA1(mm)).find((g) => top >= g.top && top <= g.bottom && left >= g.left && left <= g.right) ?? { top, left, bottom: top, right: left };
        return { Address: () => `$${a1(hit.top, hit.left).replace(/(\d+)/, '$$$1')}:$${a1(hit.bottom, hit.right).replace(/(\d+)/, '$$$1')}` };
      },
    });
    r.Select = () => void (book.selected = `${s.name}!${a1(top, left)}`);
    r.Merge = () => void s.merges.push(`${a1(top, left)}:${a1(bottom, right)}`);
    return r;
  };
  const worksheet = (s: WpsSheetData): Record<string, unknown> => {
    const ws: Record<string, unknown> = {};
    expose(ws, 'Name', () => s.name);
    if (!m) Object.defineProperty(ws, 'Name', { get: () => s.name, set: (v: string) => void (s.name = v) });
    expose(ws, 'ProtectContents', () => s.protected);
    expose(ws, 'UsedRange', () => {
      let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
      for (const [k, c] of s.cells) {
        if (c.value === null || c.value === undefined || c.value === '') continue;
        const [r, col] = k.split(',').map(Number);
        [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, col), Math.max(r1, r), Math.max(c1, col)];
      }
      return r1 < 0 ? range(s, 0, 0, 0, 0) : range(s, r0, c0, r1, c1);
    });
    ws.Range = (addr: string) => {
      const g = parseRangeA1(addr);
      return range(s, g.top, g.left, g.bottom, g.right);
    };
    ws.Cells = (r: number, c: number) => {
      const rg = range(s, r - 1, c - 1, r - 1, c - 1);
      const cell = cellOf(s, r - 1, c - 1);
      Object.defineProperty(rg, 'Value2', { get: () => cell.value, set: (v: unknown) => void (cell.value = v), configurable: true });
      Object.defineProperty(rg, 'Formula', { get: () => (cell.formula ? `=${cell.formula}` : cell.value), set: (v: string) => void (cell.formula = v.replace(/^=/, '')), configurable: true });
      Object.defineProperty(rg, 'NumberFormat', { get: () => cell.numFmt ?? 'General', set: (v: string) => void (cell.numFmt = v), configurable: true });
      return rg;
    };
    ws.Activate = () => void (book.active = s.name);
    return ws;
  };
  const worksheets: Record<string, unknown> = {
    Item: (i: number) => {
      if (i < 1 || i > book.sheets.length) throw new Error(`下标越界：${i}（WPS 集合从 1 开始）`);
      return worksheet(book.sheets[i - 1]);
    },
    Add: () => {
      const s: WpsSheetData = { name: `Sheet${book.sheets.length + 1}`, cells: new Map(), merges: [], protected: false };
      book.sheets.push(s);
      book.active = s.name;
      return undefined; // some WPS builds return nothing here
    },
  };
  expose(worksheets, 'Count', () => book.sheets.length);
  const workbook: Record<string, unknown> = { Worksheets: worksheets };
  expose(workbook, 'FullName', () => 'D:\\预算\\部门预算公开表.xlsx');
  expose(workbook, 'ReadOnly', () => book.readOnly);
  const app: Record<string, unknown> = {};
  expose(app, 'ActiveWorkbook', () => workbook);
  Object.defineProperty(app, 'ActiveSheet', { get: () => worksheet(sheetData(book.active!)) });
  if (opts.pluginStorage !== false) {
    const store = book.storage ?? (book.storage = new Map());
    app.PluginStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  }
  return app;
}

export { parseA1 };
