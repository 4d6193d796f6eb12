/**
 * The one interface every spreadsheet host implements (Excel via Office.js, WPS via its JSA object model,
 * the browser preview and .xlsx files). The core only ever sees the Workbook grid model it returns, and the
 * CellMarks it computes; hosts turn those into fills and notes.
 */
import type { Cell, Sheet, Workbook } from '../core/grid';
import type { CellEdit } from '../core/live';
import type { CellMark } from '../core/marks';

export type HostKind = 'excel' | 'wps' | 'preview' | 'file';

export const HOST_NAMES: Record<HostKind, string> = {
  excel: 'Microsoft Excel',
  wps: 'WPS 表格',
  preview: '浏览器预览（不连接 Excel）',
  file: '文件',
};

export interface ReadProgress {
  done: number;
  total: number;
  message: string;
}

export interface MarkResult {
  marked: number;
  /** Sheets that could not be marked, with the reason (protected sheet, read-only workbook). */
  skipped: { sheet: string; reason: string }[];
}

export interface SpreadsheetHost {
  readonly kind: HostKind;
  /** Reads every sheet of the open workbook (values, cached formula results, formats, merged areas). */
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook>;
}

/** A host that shows results in the open workbook (Excel, WPS, preview). */
export interface InteractiveHost extends SpreadsheetHost {
  /** Fills the cells and adds notes; remembers each cell's previous format so clearMarks restores it exactly. */
  applyMarks(marks: CellMark[]): Promise<MarkResult>;
  /** Restores every cell marked by applyMarks to its previous format and removes the notes it added. */
  clearMarks(): Promise<number>;
  /**
   * How many cells are marked now, where the host knows (the preview); hosts that keep marks in the workbook
   * (Excel, WPS: a mark may be left from an earlier session) need not implement it.
   */
  markCount?(): number;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Adds a new sheet with these cells; never overwrites an existing sheet (picks a free name). Returns its name. */
  insertSheet(name: string, sheet: Sheet): Promise<string>;
  /**
   * Adds several sheets: all are created before any cell is written, so formulas may refer to each other.
   * Names already taken get a free name (the caller should pass free names when formulas refer to them).
   */
  insertSheets(sheets: Sheet[]): Promise<string[]>;
  /** Names of the sheets in the open workbook. */
  sheetNames(): Promise<string[]>;
  /**
   * Which workbook is open now (a file name, a path): results shown for another one are stale. Hosts whose pane
   * belongs to one document (Excel) need not implement it.
   */
  workbookId?(): string | undefined;
  /**
   * Calls back whenever another workbook may have been opened (the caller compares workbookId()); returns how to
   * stop. A host with workbookId but without this cannot tell when it changes: the pane then asks now and then.
   */
  watchWorkbook?(onSwitch: () => void): () => void;
  /**
   * Live checking: calls back with the user's edits (the changed cells as they are now, read after a short pause
   * so a burst of typing or a paste is one call), or with 'structure' when rows, columns or sheets were added,
   * deleted or renamed (the workbook must be read again). Returns how to stop watching.
   */
  watchChanges?(onChange: (c: LiveChange) => void): Promise<() => Promise<void>>;
  /** Writes only these marks and restores only these cells (a live update), leaving every other mark as it is. */
  updateMarks?(set: CellMark[], clear: { sheet: string; cell: string }[]): Promise<MarkResult>;
  /** Writes one value into one cell (a one-click fix the user asked for); returns what the cell held before. */
  writeCell?(sheet: string, cell: string, value: Cell['value']): Promise<Cell | undefined>;
}

export type LiveChange = { kind: 'edits'; edits: CellEdit[] } | { kind: 'structure'; why: string };

/** A one-click fix never overwrites a formula: the cells it adds up are what to change. */
export const FORMULA_CELL = (sheet: string, cell: string) => `${sheet}!${cell} 是公式，不能直接改为数值：请修改它引用的单元格`;

/** Cells a live update reads at most; a larger paste is read with the whole workbook. */
export const LIVE_READ_CELLS = 20_000;

/** The change to report instead of edits when more cells changed than a live update reads. */
export function tooManyToRead(cells: number): LiveChange | undefined {
  return cells > LIVE_READ_CELLS ? { kind: 'structure', why: `一次改动了 ${cells} 个单元格，已重新读取工作簿` } : undefined;
}

/**
 * The changes a live host is told of, handed on together after a pause with no new one: a burst of typing or a
 * paste is then one read of the changed cells, not one per event.
 */
export class ChangeBatch<T> {
  private pending: T[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly delayMs: () => number,
    private readonly flush: (batch: T[]) => void,
  ) {}

  add(change: T): void {
    this.pending.push(change);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush(this.pending.splice(0));
    }, this.delayMs());
  }

  /** Watching stopped: what is still waiting is dropped (the next 校验 reads the workbook anyway). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}

/** "情况说明" → "情况说明(2)" when taken. */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  let free = name;
  for (let i = 2; names.has(free); i++) free = `${name}(${i})`;
  return free;
}

/** A user-facing failure with a Chinese message (unreadable file, protected sheet…). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: 'unreadable' | 'encrypted' | 'legacy-xls' | 'not-found' | 'protected' | 'empty' | 'api' | 'damaged' | 'limit' | 'wrong-kind',
  ) {
    super(message);
    this.name = 'HostError';
  }
}
