/**
 * The WPS 表格 host (WPS JS add-in, synchronous ET object model). Defensive about what differs between WPS
 * builds: Value2 is a 2-D array or a scalar for one cell; members may be properties or methods; collections
 * are 1-based and read with .Item(i); Worksheets.Add() may return nothing; colours are BGR numbers.
 */
import { DEFAULT_LIMITS, limitError } from '../file/limits';
import type { Cell, CellRange, Sheet, Workbook } from '../../core/grid';
import { a1, parseRangeA1 } from '../../core/grid';
import { CellMark, MARK_COLORS, NOTE_PREFIX } from '../../core/marks';
import { freeSheetName, HostError, InteractiveHost, MarkResult, ReadProgress } from '../host';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Com = any;

const XL_NONE = -4142;
const STORAGE_KEY = 'budgetCheck.marks';

/** Reads a member that is a property in some WPS builds and a method in others. */
export function prop(obj: Com, name: string, ...args: unknown[]): any {
  const v = obj?.[name];
  return typeof v === 'function' ? v.apply(obj, args) : v;
}

function item(collection: Com, i: number): Com {
  return typeof collection.Item === 'function' ? collection.Item(i) : collection[i];
}

/** Value2/Formula/NumberFormat as a 2-D array whatever shape WPS returned. */
export function as2d(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return (Array.isArray(v[0]) ? v : [v]) as unknown[][];
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/** '#FFC7CE' → BGR number, as WPS's Interior.Color expects. */
export function rgbHexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return (b << 16) | (g << 8) | r;
}

interface SavedCell {
  sheet: string;
  cell: string;
  /** Previous Interior.Color (BGR) or null when the cell had no fill. */
  fill: number | null;
  comment: boolean;
}

export interface WpsStorage {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
}

export class WpsHost implements InteractiveHost {
  readonly kind = 'wps' as const;
  private memory = new Map<string, string>();

  constructor(private readonly app: Com) {}

  private workbook(): Com {
    const wb = prop(this.app, 'ActiveWorkbook');
    if (!wb) throw new HostError('WPS 中没有打开的工作簿：请先打开要校验的部门预算公开表', 'empty');
    return wb;
  }

  private sheets(wb: Com): Com[] {
    const ws = prop(wb, 'Worksheets');
    const n = Number(prop(ws, 'Count'));
    return Array.from({ length: n }, (_, i) => item(ws, i + 1));
  }

  private sheetByName(wb: Com, name: string): Com {
    const s = this.sheets(wb).find((x) => prop(x, 'Name') === name);
    if (!s) throw new HostError(`找不到工作表“${name}”：工作簿在校验之后有改动，请重新校验`, 'api');
    return s;
  }

  private storage(): WpsStorage {
    const ps = this.app.PluginStorage;
    if (ps && typeof ps.getItem === 'function') return ps;
    return { getItem: (k) => this.memory.get(k), setItem: (k, v) => void this.memory.set(k, v) };
  }

  private storageKey(wb: Com): string {
    return `${STORAGE_KEY}:${prop(wb, 'FullName') ?? prop(wb, 'Name') ?? ''}`;
  }

  private loadSaved(wb: Com): SavedCell[] {
    try {
      return JSON.parse(this.storage().getItem(this.storageKey(wb)) ?? '[]') as SavedCell[];
    } catch {
      return [];
    }
  }

  private storeSaved(wb: Com, cells: SavedCell[]) {
    this.storage().setItem(this.storageKey(wb), JSON.stringify(cells));
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook> {
    const wb = this.workbook();
    const sheets = this.sheets(wb);
    const out: Sheet[] = [];
    sheets.forEach((ws, i) => {
      const name = String(prop(ws, 'Name'));
      onProgress?.({ done: i, total: sheets.length, message: `正在读取工作表“${name}”` });
      const used = prop(ws, 'UsedRange');
      const r0 = Number(prop(used, 'Row')) - 1;
      const c0 = Number(prop(used, 'Column')) - 1;
      const nr = Number(prop(prop(used, 'Rows'), 'Count'));
      const nc = Number(prop(prop(used, 'Columns'), 'Count'));
      if (nr * nc > DEFAULT_LIMITS.maxCells) throw limitError.cells(DEFAULT_LIMITS.maxCells);
      const values = as2d(prop(used, 'Value2'), nr, nc);
      const formulas = as2d(prop(used, 'Formula'), nr, nc);
      const formatsRaw = prop(used, 'NumberFormat');
      const formats = formatsRaw === null || formatsRaw === undefined ? undefined : as2d(formatsRaw, nr, nc);
      const rows: (Cell | undefined)[][] = [];
      const merges: CellRange[] = [];
      const seenMerge = new Set<string>();
      for (let r = 0; r < nr; r++) {
        const line: (Cell | undefined)[] = [];
        for (let c = 0; c < nc; c++) {
          const v = values[r]?.[c];
          const f = formulas[r]?.[c];
          const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
          if ((v === null || v === undefined || v === '') && !formula) continue;
          const cell: Cell = { value: v === undefined || v === '' ? null : (v as Cell['value']) };
          if (formula) cell.formula = formula;
          let fmt = formats?.[r]?.[c];
          // Mixed formats come back as null for the whole range: ask the cell itself.
          if (formats === undefined && typeof v === 'number') fmt = prop(prop(ws, 'Cells', r0 + r + 1, c0 + c + 1), 'NumberFormat');
          if (typeof fmt === 'string' && fmt && fmt !== 'General' && fmt !== 'G/通用格式') cell.numFmt = fmt;
          line[c0 + c] = cell;
          // Merged areas: the title and header cells (text) carry them.
          if (typeof v === 'string') {
            const cellObj = prop(ws, 'Cells', r0 + r + 1, c0 + c + 1);
            if (prop(cellObj, 'MergeCells') === true) {
              const addr = String(prop(prop(cellObj, 'MergeArea'), 'Address', false, false)).replace(/\$/g, '');
              if (!seenMerge.has(addr)) {
                seenMerge.add(addr);
                merges.push(parseRangeA1(addr));
              }
            }
          }
        }
        if (line.length) rows[r0 + r] = line;
      }
      out.push({ name, rows, merges, protected: !!prop(ws, 'ProtectContents') });
    });
    onProgress?.({ done: sheets.length, total: sheets.length, message: '读取完成' });
    return { sheets: out };
  }

  async applyMarks(marks: CellMark[]): Promise<MarkResult> {
    const wb = this.workbook();
    if (prop(wb, 'ReadOnly')) return { marked: 0, skipped: [{ sheet: '（整个工作簿）', reason: '工作簿以只读方式打开，无法标记：请另存一份后再试' }] };
    const previous = this.loadSaved(wb);
    const key = (s: string, c: string) => `${s}\u0000${c}`;
    const prevByKey = new Map(previous.map((p) => [key(p.sheet, p.cell), p]));
    const sheetObjs = new Map(this.sheets(wb).map((s) => [String(prop(s, 'Name')), s]));
    const isProtected = (name: string) => !!prop(sheetObjs.get(name), 'ProtectContents');
    const skipped = [...new Set(marks.map((m) => m.sheet))]
      .filter((s) => sheetObjs.has(s) && isProtected(s))
      .map((sheet) => ({ sheet, reason: `工作表“${sheet}”受保护，无法标记：请在“审阅→撤销工作表保护”后重试（校验结果仍列在任务窗格中）` }));
    const todo = marks.filter((m) => sheetObjs.has(m.sheet) && !isProtected(m.sheet));
    const now = new Set(todo.map((m) => key(m.sheet, m.cell)));
    const keep: SavedCell[] = [];
    for (const p of previous) {
      if (now.has(key(p.sheet, p.cell))) continue;
      if (!sheetObjs.has(p.sheet) || isProtected(p.sheet)) keep.push(p);
      else this.restore(sheetObjs.get(p.sheet), p);
    }
    const next = [...keep];
    for (const m of todo) {
      const range = prop(sheetObjs.get(m.sheet), 'Range', m.cell);
      const interior = prop(range, 'Interior');
      const prev = prevByKey.get(key(m.sheet, m.cell));
      const original = prev ? prev.fill : Number(prop(interior, 'ColorIndex')) === XL_NONE ? null : Number(prop(interior, 'Color'));
      interior.Color = rgbHexToBgr(MARK_COLORS[m.kind]);
      const existing = prop(range, 'Comment');
      let ours = prev?.comment ?? false;
      if (!existing) {
        prop(range, 'AddComment', m.note);
        ours = true;
      } else if (String(prop(existing, 'Text')).startsWith(NOTE_PREFIX)) {
        existing.Delete();
        prop(range, 'AddComment', m.note);
        ours = true;
      } // a comment the user wrote is left as it is
      next.push({ sheet: m.sheet, cell: m.cell, fill: original, comment: ours });
    }
    this.storeSaved(wb, next);
    return { marked: todo.length, skipped };
  }

  private restore(ws: Com, p: SavedCell) {
    const range = prop(ws, 'Range', p.cell);
    const interior = prop(range, 'Interior');
    if (p.fill === null) interior.ColorIndex = XL_NONE;
    else interior.Color = p.fill;
    const c = prop(range, 'Comment');
    if (p.comment && c && String(prop(c, 'Text')).startsWith(NOTE_PREFIX)) c.Delete();
  }

  async clearMarks(): Promise<number> {
    const wb = this.workbook();
    const previous = this.loadSaved(wb);
    const sheetObjs = new Map(this.sheets(wb).map((s) => [String(prop(s, 'Name')), s]));
    const remaining = previous.filter((p) => !sheetObjs.has(p.sheet) || prop(sheetObjs.get(p.sheet), 'ProtectContents'));
    for (const p of previous) if (!remaining.includes(p)) this.restore(sheetObjs.get(p.sheet), p);
    this.storeSaved(wb, remaining);
    if (remaining.length) throw new HostError(`有 ${remaining.length} 个标记所在的工作表受保护或已删除，未能清除：请取消保护后再点“清除标记”`, 'protected');
    return previous.length;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const ws = this.sheetByName(this.workbook(), sheet);
    prop(ws, 'Activate');
    prop(prop(ws, 'Range', cell), 'Select');
  }

  async insertSheet(name: string, sheet: Sheet): Promise<string> {
    return (await this.insertSheets([{ ...sheet, name }]))[0];
  }

  /** Adds sheets (templates, 情况说明): all are created first, then written; never overwrites: picks free names. */
  async insertSheets(list: Sheet[]): Promise<string[]> {
    const wb = this.workbook();
    const taken = this.sheets(wb).map((s) => String(prop(s, 'Name')));
    const sheets = prop(wb, 'Worksheets');
    const added = list.map((s) => {
      const free = freeSheetName(s.name, taken);
      taken.push(free);
      const count = Number(prop(sheets, 'Count'));
      const ws = sheets.Add(null, item(sheets, count)) ?? prop(this.app, 'ActiveSheet'); // some builds return nothing
      ws.Name = free;
      return { ws, free };
    });
    list.forEach((sheet, i) => {
      const ws = added[i].ws;
      sheet.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c) return;
          const target = prop(ws, 'Cells', r + 1, col + 1);
          if (c.numFmt) target.NumberFormat = c.numFmt;
          if (c.formula) target.Formula = `=${c.formula}`;
          else if (c.value !== null) target.Value2 = c.value;
        }),
      );
      for (const m of sheet.merges) prop(prop(ws, 'Range', `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), 'Merge');
    });
    return added.map((a) => a.free);
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets(this.workbook()).map((s) => String(prop(s, 'Name')));
  }
}

/** The production wiring inside a WPS JS add-in task pane. */
export function wpsHostFromWindow(w: { Application?: Com; wps?: Com }): WpsHost | undefined {
  const app = w.Application ?? (w.wps && typeof w.wps.EtApplication === 'function' ? w.wps.EtApplication() : undefined);
  return app ? new WpsHost(app) : undefined;
}
