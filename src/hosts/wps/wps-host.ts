/**
 * The WPS 表格 host (WPS JS add-in, synchronous ET object model). Defensive about what differs between WPS
 * builds: Value2 is a 2-D array or a scalar for one cell; members may be properties or methods; collections
 * are 1-based and read with .Item(i); Worksheets.Add() may return nothing; colours are BGR numbers.
 * Vendor facts it depends on (et-jsapi-declare typings, WPS JSA documentation):
 *  - Worksheet.Cells is a read-only Range *property*; one cell is Cells.Item(row, col), never Cells(row, col).
 *  - Application.PluginStorage is not persisted across restarts: the marks' original fills are kept in the
 *    workbook itself, on a very hidden sheet (Visible = xlSheetVeryHidden, 2) that travels with the file.
 *  - Error cells come back from Value2 as numeric CVErr codes (-2146826281 is #DIV/0!).
 *  - AddComment may prefix the comment text with the author's name ("作者:\n…").
 *  - UsedRange includes cells that only carry a format (a 65,536-row formatted sheet): the data extent is
 *    found with Cells.Find("*", …, xlPrevious) and the range trimmed to it.
 */
import { DEFAULT_LIMITS, limitError } from '../file/limits';
import type { Cell, CellRange, Sheet, Workbook } from '../../core/grid';
import { a1, parseA1, parseRangeA1 } from '../../core/grid';
import type { CellEdit } from '../../core/live';
import { CellMark, MARK_COLORS, NOTE_PREFIX } from '../../core/marks';
import { ChangeBatch, FORMULA_CELL, freeSheetName, HostError, InteractiveHost, LiveChange, MarkResult, ReadProgress, tooManyToRead } from '../host';
import { MarkInput, MarkLedger, MarkPlan, NoteNow, SavedMark, SheetAccess } from '../mark-ledger';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Com = any;

const XL_NONE = -4142;
const STORAGE_KEY = 'budgetCheck.marks';
/** The very hidden sheet that keeps the marks' original fills in the workbook (PluginStorage is not persisted). */
export const STATE_SHEET = '_预算校验标记';
const XL_SHEET_VERY_HIDDEN = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_PREVIOUS = 2;
const XL_VALUES = -4163;
/** A change whose target spans every column (or every row) is an inserted or deleted row (or column). */
const WHOLE_ROW_COLUMNS = 16384;
const WHOLE_COLUMN_ROWS = 1048576;
/** A cell holds at most 32,767 characters: the saved state is split over cells of this size. */
const STATE_CHUNK = 30000;

/** CVErr codes as WPS's Value2 returns them for error cells. */
export const ERROR_CODES: Record<number, string> = {
  [-2146826281]: '#DIV/0!',
  [-2146826246]: '#N/A',
  [-2146826259]: '#NAME?',
  [-2146826288]: '#NULL!',
  [-2146826252]: '#NUM!',
  [-2146826265]: '#REF!',
  [-2146826273]: '#VALUE!',
};

/** One cell of a sheet: Cells is a Range property, and Range.Item(row, col) (1-based) is the cell. */
export function cellOf(ws: Com, row: number, col: number): Com {
  const cells = ws.Cells;
  if (cells && typeof cells.Item === 'function') return cells.Item(row, col);
  return prop(ws, 'Range', `${a1(row - 1, col - 1)}`);
}

/** One cell from what Value2, Formula and NumberFormat gave (undefined: empty). */
function wpsCell(value: unknown, formulaText: unknown, fmt: unknown): Cell | undefined {
  let v = value;
  // Error cells come back as CVErr numbers: shown as the error text, never read as an amount.
  if (typeof v === 'number' && ERROR_CODES[v]) v = ERROR_CODES[v];
  const formula = typeof formulaText === 'string' && formulaText.startsWith('=') ? formulaText.slice(1) : undefined;
  if ((v === null || v === undefined || v === '') && !formula) return undefined;
  const cell: Cell = { value: v === undefined || v === '' ? null : (v as Cell['value']) };
  if (formula) cell.formula = formula;
  if (typeof fmt === 'string' && fmt && fmt !== 'General' && fmt !== 'G/通用格式') cell.numFmt = fmt;
  return cell;
}

/** A workbook's full name (path and file), or its name when the build has no FullName. */
function workbookName(wb: Com): string {
  return String(prop(wb, 'FullName') ?? prop(wb, 'Name') ?? '');
}

/** Whether two workbook objects are the same workbook (WPS may give a new object for each ActiveWorkbook read). */
function sameBook(a: Com, b: Com): boolean {
  try {
    return a === b || workbookName(a) === workbookName(b);
  } catch {
    return false; // one of them was closed
  }
}

/** The saved state's pieces, column A of the state sheet from row 1 down to the first empty cell. */
function stateChunks(ws: Com | undefined): string[] {
  const out: string[] = [];
  for (let r = 1; ws; r++) {
    const v = prop(cellOf(ws, r, 1), 'Value2');
    if (typeof v !== 'string' || !v) break;
    out.push(v);
  }
  return out;
}

/** A comment's text without the author prefix some WPS builds add ("张三:\n【预算校验】…"). */
export function commentText(c: Com): string {
  return String(prop(c, 'Text') ?? '').replace(/^[^\n:：]{0,40}[:：]\s*\n?(?=【)/, '');
}

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

const MARK_BGR = new Set(Object.values(MARK_COLORS).map(rgbHexToBgr));

/** A marked cell's own Interior.Color (BGR, null: none) and whether its note is ours: the record on the state sheet. */
type SavedCell = SavedMark<number>;

export interface WpsStorage {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
}

export class WpsHost implements InteractiveHost {
  readonly kind = 'wps' as const;
  private memory = new Map<string, string>();
  /**
   * Decides what to mark and restore, and when the record is written; this host reads and writes the cells. A cell
   * showing a mark colour with no record is a mark left from a lost state: its own fill was none.
   */
  private readonly ledger = new MarkLedger<number>({ isMarkFill: (fill) => MARK_BGR.has(fill), recordMayBeLost: true });
  /**
   * The workbook whose record the ledger keeps while live checking runs. The pane outlives a switch to another
   * workbook: that record is written into its own workbook, never into the one open now.
   */
  private liveBook?: Com;

  constructor(private readonly app: Com) {}

  private workbook(): Com {
    const wb = prop(this.app, 'ActiveWorkbook');
    if (!wb) throw new HostError('WPS 中没有打开的工作簿：请先打开要校验的部门预算公开表', 'empty');
    return wb;
  }

  /** The user's sheets (never the hidden state sheet). */
  private sheets(wb: Com): Com[] {
    return this.allSheets(wb).filter((s) => String(prop(s, 'Name')) !== STATE_SHEET);
  }

  private sheetByName(wb: Com, name: string): Com {
    const s = this.sheets(wb).find((x) => prop(x, 'Name') === name);
    if (!s) throw new HostError(`找不到工作表“${name}”：工作簿在校验之后有改动，请重新校验`, 'api');
    return s;
  }

  /** Session memory, only when the workbook cannot take the hidden sheet (read-only). */
  private storage(): WpsStorage {
    return { getItem: (k) => this.memory.get(k), setItem: (k, v) => void this.memory.set(k, v) };
  }

  private storageKey(wb: Com): string {
    return `${STORAGE_KEY}:${workbookName(wb)}`;
  }

  private stateSheet(wb: Com): Com | undefined {
    return this.allSheets(wb).find((x) => String(prop(x, 'Name')) === STATE_SHEET);
  }

  /** The record kept in the workbook, unless the ledger keeps the newer one of live checking. */
  private loadStored(wb: Com): SavedCell[] | undefined {
    if (!this.ledger.needsStored) return undefined;
    try {
      const json = stateChunks(this.stateSheet(wb)).join('');
      return JSON.parse(json || (this.storage().getItem(this.storageKey(wb)) ?? '[]')) as SavedCell[];
    } catch {
      return [];
    }
  }

  /** Keeps the marks' original fills in the workbook (a very hidden sheet), so 清除标记 works after a restart. */
  private storeSaved(wb: Com, cells: SavedCell[]) {
    const json = cells.length ? JSON.stringify(cells) : '';
    let ws = this.stateSheet(wb);
    try {
      if (!ws && json) {
        const sheets = prop(wb, 'Worksheets');
        const count = Number(prop(sheets, 'Count'));
        const active = prop(this.app, 'ActiveSheet');
        // Added after the last sheet: that is where to find it in builds whose Add returns nothing (this workbook
        // may not be the active one, so not ActiveSheet).
        ws = sheets.Add(null, item(sheets, count)) ?? item(sheets, count + 1);
        ws.Name = STATE_SHEET;
        ws.Visible = XL_SHEET_VERY_HIDDEN;
        if (active) prop(active, 'Activate');
      }
      if (!ws) return;
      const earlier = stateChunks(ws).length;
      let r = 1;
      for (let i = 0; i < json.length; i += STATE_CHUNK) {
        const cell = cellOf(ws, r++, 1);
        cell.NumberFormat = '@';
        cell.Value2 = json.slice(i, i + STATE_CHUNK);
      }
      // Clear what an earlier, longer state left below.
      for (; r <= earlier; r++) cellOf(ws, r, 1).Value2 = '';
    } catch {
      // The workbook cannot take it (a build without these members): remember for this session at least.
      this.storage().setItem(this.storageKey(wb), json || '[]');
    }
  }

  /** Every sheet, including the hidden state sheet. */
  private allSheets(wb: Com): Com[] {
    const ws = prop(wb, 'Worksheets');
    const n = Number(prop(ws, 'Count'));
    return Array.from({ length: n }, (_, i) => item(ws, i + 1));
  }

  /**
   * The data extent of a sheet: UsedRange, trimmed to the last row and column that hold a value (UsedRange counts
   * format-only cells; Cells.Find("*", after A1, searching backwards) finds the last real one).
   */
  private dataRange(ws: Com): { used: Com; r0: number; c0: number; nr: number; nc: number } {
    const used = prop(ws, 'UsedRange');
    const r0 = Number(prop(used, 'Row')) - 1;
    const c0 = Number(prop(used, 'Column')) - 1;
    let nr = Number(prop(prop(used, 'Rows'), 'Count'));
    let nc = Number(prop(prop(used, 'Columns'), 'Count'));
    try {
      const cells = ws.Cells;
      if (cells && typeof cells.Find === 'function' && nr * nc > 10000) {
        const first = cellOf(ws, 1, 1);
        const lastRow = cells.Find('*', first, XL_VALUES, undefined, XL_BY_ROWS, XL_PREVIOUS);
        const lastCol = cells.Find('*', first, XL_VALUES, undefined, XL_BY_COLUMNS, XL_PREVIOUS);
        if (!lastRow || !lastCol) return { used, r0, c0, nr: 0, nc: 0 };
        const rEnd = Number(prop(lastRow, 'Row'));
        const cEnd = Number(prop(lastCol, 'Column'));
        if (rEnd - r0 < nr || cEnd - c0 < nc) {
          nr = Math.max(0, rEnd - r0);
          nc = Math.max(0, cEnd - c0);
          const trimmed = prop(ws, 'Range', `${a1(r0, c0)}:${a1(r0 + Math.max(nr, 1) - 1, c0 + Math.max(nc, 1) - 1)}`);
          return { used: trimmed, r0, c0, nr, nc };
        }
      }
    } catch {
      // No Find in this build: the whole UsedRange.
    }
    return { used, r0, c0, nr, nc };
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook> {
    const wb = this.workbook();
    const sheets = this.sheets(wb);
    const out: Sheet[] = [];
    sheets.forEach((ws, i) => {
      const name = String(prop(ws, 'Name'));
      onProgress?.({ done: i, total: sheets.length, message: `正在读取工作表“${name}”` });
      const { used, r0, c0, nr, nc } = this.dataRange(ws);
      if (nr * nc > DEFAULT_LIMITS.maxCells) throw limitError.cells(DEFAULT_LIMITS.maxCells);
      if (nr === 0 || nc === 0) {
        out.push({ name, rows: [], merges: [], protected: !!prop(ws, 'ProtectContents') });
        return;
      }
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
          // Mixed formats come back as null for the whole range: ask the cell itself.
          const fmt = formats === undefined && typeof v === 'number' ? prop(cellOf(ws, r0 + r + 1, c0 + c + 1), 'NumberFormat') : formats?.[r]?.[c];
          const cell = wpsCell(v, formulas[r]?.[c], fmt);
          if (!cell) continue;
          line[c0 + c] = cell;
          // Merged areas: the title and header cells (text) carry them.
          if (typeof cell.value === 'string') {
            const cellObj = cellOf(ws, r0 + r + 1, c0 + c + 1);
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

  /** What the ledger needs to know of the open workbook: the record, which sheets take marks, each cell's fill and note. */
  private markInput(wb: Com, sheets: Map<string, Com>): MarkInput<number> {
    if (this.liveBook && !sameBook(this.liveBook, wb)) this.persistLiveRecord();
    const access = new Map<string, SheetAccess>([...sheets].map(([name, ws]) => [name, prop(ws, 'ProtectContents') ? 'protected' : 'ok']));
    const range = (c: { sheet: string; cell: string }) => prop(sheets.get(c.sheet), 'Range', c.cell);
    const fillNow = (c: { sheet: string; cell: string }) => {
      const interior = prop(range(c), 'Interior');
      return Number(prop(interior, 'ColorIndex')) === XL_NONE ? null : Number(prop(interior, 'Color'));
    };
    const noteNow = (c: { sheet: string; cell: string }): NoteNow => {
      const comment = prop(range(c), 'Comment');
      return !comment ? 'none' : commentText(comment).startsWith(NOTE_PREFIX) ? 'ours' : 'user';
    };
    return {
      stored: this.loadStored(wb),
      access: (sheet) => access.get(sheet) ?? 'missing',
      fillNow,
      noteNow,
      recordedNow: (c) => ({ fill: fillNow(c), note: noteNow(c) }),
      notes: 'all',
    };
  }

  /** Carries out a plan: own fills back (and our notes off), then the mark colours and notes, then the record. */
  private carryOut(wb: Com, sheets: Map<string, Com>, plan: MarkPlan<number>) {
    for (const r of plan.restore) {
      const range = prop(sheets.get(r.sheet), 'Range', r.cell);
      if (r.fill !== undefined) {
        const interior = prop(range, 'Interior');
        if (r.fill === null) interior.ColorIndex = XL_NONE;
        else interior.Color = r.fill;
      }
      if (r.note) prop(range, 'Comment')?.Delete();
    }
    for (const p of plan.paint) {
      const range = prop(sheets.get(p.mark.sheet), 'Range', p.mark.cell);
      prop(range, 'Interior').Color = rgbHexToBgr(MARK_COLORS[p.mark.kind]);
      // Our note is replaced by deleting it and adding the new one: AddComment fails on a cell that has a comment.
      if (p.note === 'replace') prop(range, 'Comment')?.Delete();
      if (p.note !== 'none') prop(range, 'AddComment', p.mark.note);
    }
    if (plan.store) this.storeSaved(wb, plan.record);
    this.ledger.done(plan);
    this.liveBook = plan.kind === 'update' ? wb : undefined;
  }

  private sheetMap(wb: Com): Map<string, Com> {
    return new Map(this.sheets(wb).map((s) => [String(prop(s, 'Name')), s]));
  }

  async applyMarks(marks: CellMark[]): Promise<MarkResult> {
    const wb = this.workbook();
    if (prop(wb, 'ReadOnly')) return { marked: 0, skipped: [{ sheet: '（整个工作簿）', reason: '工作簿以只读方式打开，无法标记：请另存一份后再试' }] };
    const sheets = this.sheetMap(wb);
    const plan = this.ledger.mark(marks, this.markInput(wb, sheets));
    this.carryOut(wb, sheets, plan);
    const skipped = plan.blocked.map((sheet) => ({
      sheet,
      reason: `工作表“${sheet}”受保护，无法标记：请在“审阅→撤销工作表保护”后重试（校验结果仍列在任务窗格中）`,
    }));
    return { marked: plan.marked, skipped };
  }

  /**
   * Live checking through the application's events (ApiEvent SheetChange, WorkbookNewSheet, SheetBeforeDelete; et-
   * jsapi-declare addon.et.d.ts). Like Excel's Worksheet_Change, SheetChange is raised for values typed or pasted,
   * not for fills or comments, so the marks never raise it; an inserted or deleted row comes as a change of whole
   * rows (Target spans every column) and asks for a new detection. Writes to the hidden state sheet are ignored.
   * WPS has no event for a renamed sheet: the next 校验 sees it.
   */
  async watchChanges(onChange: (c: LiveChange) => void): Promise<() => Promise<void>> {
    const events = prop(this.app, 'ApiEvent');
    if (!events || typeof events.AddApiEventListener !== 'function')
      throw new HostError('此版本的 WPS 不支持实时校验（没有 ApiEvent）：请在改动后点“校验”', 'api');
    const batch = new ChangeBatch<{ sheet: string; top: number; left: number; rows: number; cols: number }>(
      () => this.liveDelayMs,
      (changed) => onChange(this.readChanged(changed)),
    );
    const change = (sh: Com, target: Com) => {
      const sheet = String(prop(sh, 'Name'));
      if (sheet === STATE_SHEET) return;
      const rows = Number(prop(prop(target, 'Rows'), 'Count'));
      const cols = Number(prop(prop(target, 'Columns'), 'Count'));
      if (cols >= WHOLE_ROW_COLUMNS || rows >= WHOLE_COLUMN_ROWS) {
        onChange({ kind: 'structure', why: '插入或删除了整行或整列，已重新识别各表' });
        return;
      }
      batch.add({ sheet, top: Number(prop(target, 'Row')) - 1, left: Number(prop(target, 'Column')) - 1, rows, cols });
    };
    const added = () => onChange({ kind: 'structure', why: '新增了工作表，已重新识别各表' });
    const deleted = () => onChange({ kind: 'structure', why: '删除了工作表，已重新识别各表' });
    events.AddApiEventListener('SheetChange', change);
    events.AddApiEventListener('WorkbookNewSheet', added);
    events.AddApiEventListener('SheetBeforeDelete', deleted);
    return async () => {
      batch.stop();
      events.RemoveApiEventListener('SheetChange', change);
      events.RemoveApiEventListener('WorkbookNewSheet', added);
      events.RemoveApiEventListener('SheetBeforeDelete', deleted);
      this.persistLiveRecord();
    };
  }

  /** Pause after the last change before the changed cells are read. */
  liveDelayMs = 300;

  private readChanged(batch: { sheet: string; top: number; left: number; rows: number; cols: number }[]): LiveChange {
    const cells = batch.reduce((n, b) => n + b.rows * b.cols, 0);
    const tooMany = tooManyToRead(cells);
    if (tooMany) return tooMany;
    const wb = this.workbook();
    const edits: CellEdit[] = [];
    for (const b of batch) {
      const ws = this.sheets(wb).find((x) => String(prop(x, 'Name')) === b.sheet);
      if (!ws) return { kind: 'structure', why: `找不到工作表“${b.sheet}”，已重新读取工作簿` };
      for (let i = 0; i < b.rows; i++)
        for (let j = 0; j < b.cols; j++) {
          const c = cellOf(ws, b.top + i + 1, b.left + j + 1);
          edits.push({ sheet: b.sheet, row: b.top + i, col: b.left + j, cell: wpsCell(prop(c, 'Value2'), prop(c, 'Formula'), prop(c, 'NumberFormat')) });
        }
    }
    return { kind: 'edits', edits };
  }

  async updateMarks(set: CellMark[], clear: { sheet: string; cell: string }[]): Promise<MarkResult> {
    const wb = this.workbook();
    if (prop(wb, 'ReadOnly')) return { marked: 0, skipped: [{ sheet: '（整个工作簿）', reason: '工作簿以只读方式打开，无法标记' }] };
    const sheets = this.sheetMap(wb);
    const plan = this.ledger.update(set, clear, this.markInput(wb, sheets));
    this.carryOut(wb, sheets, plan);
    return { marked: plan.marked, skipped: plan.blocked.map((sheet) => ({ sheet, reason: `工作表“${sheet}”受保护，无法标记` })) };
  }

  /** Writes the record of live checking into the state sheet (when it stops; it was kept in memory while typing). */
  private persistLiveRecord() {
    const record = this.ledger.stop();
    const wb = this.liveBook;
    this.liveBook = undefined;
    try {
      if (record && wb) this.storeSaved(wb, record);
    } catch {
      // That workbook was closed: its record went with it (the marks were never saved with the file either).
    }
  }

  async writeCell(sheet: string, cell: string, value: Cell['value']): Promise<Cell | undefined> {
    const ws = this.sheetByName(this.workbook(), sheet);
    const { row, col } = parseA1(cell);
    const c = cellOf(ws, row + 1, col + 1);
    const before = wpsCell(prop(c, 'Value2'), prop(c, 'Formula'), prop(c, 'NumberFormat'));
    if (before?.formula) throw new HostError(FORMULA_CELL(sheet, cell), 'api');
    c.Value2 = value === null ? '' : value;
    return before;
  }

  async clearMarks(): Promise<number> {
    const wb = this.workbook();
    const sheets = this.sheetMap(wb);
    const plan = this.ledger.clear(this.markInput(wb, sheets));
    this.carryOut(wb, sheets, plan);
    if (plan.record.length) throw new HostError(`有 ${plan.record.length} 个标记所在的工作表受保护或已删除，未能清除：请取消保护后再点“清除标记”`, 'protected');
    return plan.cleared;
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
          const target = cellOf(ws, r + 1, col + 1);
          if (c.numFmt) target.NumberFormat = c.numFmt;
          if (c.formula) target.Formula = `=${c.formula}`;
          else if (c.value !== null) target.Value2 = c.value;
          if (c.wrap) target.WrapText = true;
        }),
      );
      // Column widths and print setup (ET: Columns.Item(i).ColumnWidth, PageSetup.Orientation 1 portrait / 2 landscape).
      try {
        sheet.columnWidths?.forEach((w, col) => w && (prop(ws, 'Columns').Item(col + 1).ColumnWidth = w));
        if (sheet.print) {
          const ps = prop(ws, 'PageSetup');
          ps.Orientation = sheet.print.landscape ? 2 : 1;
          ps.PaperSize = 9; // xlPaperA4
          if (sheet.print.fitToWidth) {
            ps.Zoom = false;
            ps.FitToPagesWide = 1;
            ps.FitToPagesTall = false;
          }
          if (sheet.print.titleRows) ps.PrintTitleRows = `$${sheet.print.titleRows[0] + 1}:$${sheet.print.titleRows[1] + 1}`;
        }
      } catch {
        // Builds without these members: the cells are written, the layout stays WPS's default.
      }
      for (const m of sheet.merges) prop(prop(ws, 'Range', `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), 'Merge');
    });
    return added.map((a) => a.free);
  }

  /** The pane outlives a workbook switch in WPS: the active workbook's full name tells which one is shown. */
  workbookId(): string | undefined {
    const wb = prop(this.app, 'ActiveWorkbook');
    return wb ? workbookName(wb) : undefined;
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
