/**
 * An in-memory fake of the WPS 表格 (ET) object model, with WPS's awkward shapes: 1-based .Item(i),
 * BGR colours, Value2 a scalar for one cell and a 2-D array otherwise, NumberFormat null when mixed,
 * Worksheets.Add() returning nothing, Comment.Text() a method. With `methods: true`, members that some WPS
 * builds expose as methods (Name, Count, UsedRange, Value2, Formula, NumberFormat…) are methods.
 * Like the real ET object model (et-jsapi-declare typings): Worksheet.Cells is a Range *property* — calling it
 * as Cells(r, c) throws — and one cell is Cells.Item(r, c); UsedRange also covers cells that only carry a
 * format or a fill; PluginStorage lives only as long as the Application (a restart is a new fake app over the
 * same book: nothing stored there survives); with `authorPrefix`, AddComment prefixes the author's name.
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
  /** -1 visible, 0 hidden, 2 very hidden (xlSheetVeryHidden). */
  visible?: number;
}

export interface WpsBookData {
  sheets: WpsSheetData[];
  readOnly: boolean;
  active?: string;
  selected?: string;
}

export function wpsBookFrom(wb: Workbook): WpsBookData {
  return {
    sheets: wb.sheets.map((s) => {
      const cells = new Map<string, WpsCell>();
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => c && cells.set(`${r},${col}`, { value: c.value, formula: c.formula, numFmt: c.numFmt, color: null })),
      );
      return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), protected: false };
    }),
    readOnly: false,
    active: wb.sheets[0]?.name,
  };
}

export function fakeWpsApp(
  book: WpsBookData,
  opts: { methods?: boolean; pluginStorage?: boolean; authorPrefix?: string; events?: boolean; fullName?: string } = {},
) {
  const m = opts.methods ?? false;
  /** ApiEvent listeners by event name; WPS calls them synchronously, during the change. */
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const raise = (event: string, ...args: unknown[]) => {
    for (const f of [...(listeners.get(event) ?? [])]) f(...args);
  };
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
    expose(r, 'Formula', () => grid((c) => (c?.formula ? `=${c.formula}` : (c?.value ?? ''))));
    expose(r, 'NumberFormat', () => {
      const all = new Set<string>();
      for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) all.add(s.cells.get(`${top + i},${left + j}`)?.numFmt ?? 'General');
      return all.size === 1 ? [...all][0] : null; // mixed formats: null, like Excel/WPS
    });
    Object.defineProperty(r, 'Interior', {
      get: () => {
        const c = single();
        return {
          get Color() {
            return c.color ?? 16777215;
          },
          set Color(v: number) {
            if (s.protected) throw new Error('工作表受保护');
            c.color = v;
          },
          get ColorIndex() {
            return c.color === null ? -4142 : 1;
          },
          set ColorIndex(v: number) {
            if (v === -4142) c.color = null;
          },
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
      c.comment = opts.authorPrefix ? `${opts.authorPrefix}:\n${text}` : text;
    };
    expose(r, 'MergeCells', () =>
      s.merges.some((mm) => {
        const g = parseRangeA1(mm);
        return top >= g.top && top <= g.bottom && left >= g.left && left <= g.right;
      }),
    );
    Object.defineProperty(r, 'MergeArea', {
      get: () => {
        const hit = s.merges.map((mm) => parseRangeA1(mm)).find((g) => top >= g.top && top <= g.bottom && left >= g.left && left <= g.right) ?? {
          top,
          left,
          bottom: top,
          right: left,
        };
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
        // Like WPS: a cell with only a number format or a fill is "used" too.
        if ((c.value === null || c.value === undefined || c.value === '') && !c.numFmt && c.color === null) continue;
        const [r, col] = k.split(',').map(Number);
        [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, col), Math.max(r1, r), Math.max(c1, col)];
      }
      return r1 < 0 ? range(s, 0, 0, 0, 0) : range(s, r0, c0, r1, c1);
    });
    ws.Range = (addr: string) => {
      const g = parseRangeA1(addr);
      return range(s, g.top, g.left, g.bottom, g.right);
    };
    const oneCell = (r: number, c: number) => {
      const rg = range(s, r - 1, c - 1, r - 1, c - 1);
      const cell = cellOf(s, r - 1, c - 1);
      // A value written by code raises SheetChange too, as Worksheet_Change does in VBA (fills and comments do not).
      Object.defineProperty(rg, 'Value2', {
        get: () => cell.value,
        set: (v: unknown) => {
          cell.value = v;
          raise('SheetChange', ws, rg);
        },
        configurable: true,
      });
      Object.defineProperty(rg, 'Formula', {
        get: () => (cell.formula ? `=${cell.formula}` : cell.value),
        set: (v: string) => void (cell.formula = v.replace(/^=/, '')),
        configurable: true,
      });
      Object.defineProperty(rg, 'NumberFormat', { get: () => cell.numFmt ?? 'General', set: (v: string) => void (cell.numFmt = v), configurable: true });
      return rg;
    };
    // Cells is a read-only Range property (not a function): Cells.Item(r, c) is one cell; Find locates values.
    const cells = range(s, 0, 0, 1048575, 16383);
    cells.Item = oneCell;
    cells.Find = (what: string, _after: unknown, _lookIn: number, _lookAt: unknown, order: number, direction: number) => {
      if (what !== '*' || direction !== 2) throw new Error('fake: only Find("*", …, xlPrevious)');
      let best: [number, number] | undefined;
      for (const [k, c] of s.cells) {
        if (c.value === null || c.value === undefined || c.value === '') continue;
        const [r, col] = k.split(',').map(Number);
        if (!best || (order === 1 ? r > best[0] : col > best[1])) best = [r, col];
      }
      return best ? oneCell(best[0] + 1, best[1] + 1) : null;
    };
    Object.defineProperty(ws, 'Cells', { get: () => cells, enumerable: true });
    Object.defineProperty(ws, 'Visible', { get: () => s.visible ?? -1, set: (v: number) => void (s.visible = v), enumerable: true });
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
  expose(workbook, 'FullName', () => opts.fullName ?? 'D:\\预算\\部门预算公开表.xlsx');
  expose(workbook, 'ReadOnly', () => book.readOnly);
  const app: Record<string, unknown> = {};
  expose(app, 'ActiveWorkbook', () => workbook);
  if (opts.events !== false)
    app.ApiEvent = {
      AddApiEventListener: (name: string, f: (...a: unknown[]) => void) => void (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(f),
      RemoveApiEventListener: (name: string, f: (...a: unknown[]) => void) => void listeners.get(name)?.delete(f),
    };
  /** What tests do as the user: type values into a block (one SheetChange), insert a row (a whole-row Target). */
  Object.defineProperty(app, '__user', {
    enumerable: false,
    value: {
      listening: (name: string) => listeners.get(name)?.size ?? 0,
      edit(sheetName: string, address: string, values: unknown[][]) {
        const s = sheetData(sheetName);
        const g = parseRangeA1(address);
        values.forEach((row, i) => row.forEach((v, j) => (cellOf(s, g.top + i, g.left + j).value = v)));
        raise('SheetChange', worksheet(s), range(s, g.top, g.left, g.bottom, g.right));
      },
      insertRow(sheetName: string, row: number) {
        const s = sheetData(sheetName);
        const moved = new Map<string, WpsCell>();
        for (const [k, c] of s.cells) {
          const [r, col] = k.split(',').map(Number);
          moved.set(`${r >= row ? r + 1 : r},${col}`, c);
        }
        s.cells = moved;
        raise('SheetChange', worksheet(s), range(s, row, 0, row, 16383));
      },
    },
  });
  Object.defineProperty(app, 'ActiveSheet', { get: () => worksheet(sheetData(book.active!)), configurable: true });
  if (opts.pluginStorage !== false) {
    // Not persisted: it belongs to this Application instance only (a restart starts empty).
    const store = new Map<string, string>();
    app.PluginStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  }
  return app;
}

export { parseA1 };
