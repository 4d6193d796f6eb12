/**
 * The Excel host (Office.js). Reads in as few context.sync() calls as the API allows:
 *   1 sync for sheet names, protection and read-only state; 1 for used-range sizes, merged areas and where the
 *   formulas are; then 1 per block of at most READ_BUDGET_BYTES of estimated response (Excel on the web caps a
 *   request or response at 5 MB — it counts bytes, not cells: https://learn.microsoft.com/office/dev/add-ins/
 *   concepts/resource-limits-and-performance-optimization#excel-add-ins). Values and number formats are read
 *   for every cell, formulas only where there are formulas (Range.getSpecialCellsOrNullObject, ExcelApi 1.9).
 *   A block refused for its size (RequestPayloadSizeLimitExceeded) is halved and read again with new proxies:
 *   Office.js invalidates the objects of a failed batch (InvalidObjectPath if they are used again).
 * Marks cost 2 syncs (read the marked cells' fills, the comments and the record, then write), plus 1 when there is
 * more to read: which cell each comment is on (a comment the user wrote or edited is never touched) and what the cells
 * marked before and not now show (a fill the user chose over a mark stays). Clearing costs 3 however many cells are
 * marked (the record; what its cells show and where the comments are; the writes), 2 with no mark and no comment.
 * The previous fill of every marked cell is saved in the workbook's settings, so 清除标记 restores it exactly
 * (a cell the user recoloured while it was marked keeps that colour), even after the workbook was closed and reopened.
 * Live checking listens to WorksheetCollection.onChanged (ExcelApi 1.7) and reads only the changed ranges, in one
 * sync after a pause; a live update of the marks costs 2 syncs (3 when the workbook holds a comment that is not
 * ours) and does not write the settings unless a newly marked cell had a fill of its own: writing settings clears
 * Excel's undo list (https://github.com/OfficeDev/office-js/issues/3141; "unsupported APIs" in
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), so typing and then Ctrl+Z
 * keeps working. Fill and comment changes do not raise onChanged (a format change raises onFormatChanged, ExcelApi
 * 1.9), so marks never loop.
 */
import { DEFAULT_LIMITS, limitError } from '../file/limits';
import type { Cell, CellRange, Sheet, Workbook } from '../../core/grid';
import { a1, colName, parseRangeA1 } from '../../core/grid';
import { CellMark, MARK_COLORS, NOTE_PREFIX } from '../../core/marks';
import { ChangeBatch, FORMULA_CELL, freeSheetName, HostError, InteractiveHost, LiveChange, MarkResult, ReadProgress, tooManyToRead } from '../host';
import { MarkLedger, MarkPlan, NoteNow, NoteWrites, SavedMark, SheetAccess } from '../mark-ledger';
import type { CellEdit } from '../../core/live';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run(context, batch): a batch in an earlier context (event handlers are removed in the context that added them). */
export type ExcelRunIn = <T>(ctx: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type RequirementCheck = (set: string, version: string) => boolean;

/** Estimated response bytes per request: below Excel on the web's 5 MB with room for JSON overhead. */
export const READ_BUDGET_BYTES = 3_500_000;
/** Estimated JSON bytes per cell: a value and a number format ("#,##0.00"), with quotes and separators. */
export const BYTES_PER_CELL = 24;
/** Per cell when formulas are read too (no ExcelApi 1.9 to find where they are). */
export const BYTES_PER_CELL_WITH_FORMULAS = 36;
/** Per formula cell read for its formula alone. */
export const BYTES_PER_FORMULA = 40;

/** Whether Office.js refused a request for its size (Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const x = e as { code?: string; message?: string };
  return /RequestPayloadSizeLimitExceeded|PayloadTooLarge|ResponsePayloadSizeLimitExceeded/i.test(`${x?.code ?? ''} ${x?.message ?? ''}`);
}
const SETTING_KEY = 'budgetCheck.marks';

/** A marked cell's own fill ('#RRGGBB', null: none) and whether its note is ours: the record kept in the settings. */
type SavedCell = SavedMark<string>;

/** How a plan's notes are written: on the comments found by cell address (CommentsAt), or by cell (a live update). */
interface NoteWriter {
  remove(sheet: string, cell: string): void;
  write(m: CellMark, replace: boolean): void;
}

/** The comments of the workbook by sheet and cell, where the host read which cell each one is on. */
type CommentsAt = Map<string, Excel.Comment>;

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
const fromKey = (key: string) => {
  const [sheet, cell] = key.split('\u0000');
  return { sheet, cell };
};
/** Whether a comment is one of our notes (a comment the user wrote, or edited, does not start with the prefix). */
const ours = (c: Excel.Comment | undefined) => !!c && c.content.startsWith(NOTE_PREFIX);
/** The note a cell has now, from the comments found by cell. */
const noteAt = (at: CommentsAt, c: { sheet: string; cell: string }): NoteNow => {
  const comment = at.get(keyOf(c.sheet, c.cell));
  return !comment ? 'none' : ours(comment) ? 'ours' : 'user';
};
const MARK_FILLS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
/** A cell's address for the comment API: the sheet quoted, quotes doubled. */
const commentAddress = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

function toCell(value: unknown, formula: unknown, numFmt: unknown): Cell | undefined {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  if ((value === '' || value === null || value === undefined) && !f) return undefined;
  const cell: Cell = { value: value === '' || value === undefined ? null : (value as Cell['value']) };
  if (f) cell.formula = f;
  if (typeof numFmt === 'string' && numFmt && numFmt !== 'General' && numFmt !== '常规' && numFmt !== 'G/通用格式') cell.numFmt = numFmt;
  return cell;
}

/** A cell's own fill as loaded (null: none — pattern None with ExcelApi 1.9, else no colour or white). */
function fillOf(f: Excel.RangeFill, canPattern: boolean): string | null {
  const none = canPattern ? (f.pattern as string) === 'None' : !f.color || f.color === '#FFFFFF';
  return none ? null : f.color;
}

export class ExcelHost implements InteractiveHost {
  readonly kind = 'excel' as const;
  /** Marks of this session when the workbook cannot store settings (ExcelApi < 1.4). */
  private memory: SavedCell[] = [];
  /** Decides what to mark and restore, and when the record is written; this host reads and writes the cells. */
  private readonly ledger = new MarkLedger<string>({ isMarkFill: (fill) => MARK_FILLS.has(fill.toUpperCase()) });
  /** Pause after the last change before the changed ranges are read (a burst of typing or a paste is one read). */
  liveDelayMs = 300;

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: RequirementCheck,
    private readonly runIn: ExcelRunIn = (ctx, batch) => batch(ctx),
  ) {}

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      await ctx.sync();
      const names = sheets.items.map((ws) => ws.name);
      onProgress?.({ done: 0, total: names.length + 1, message: `找到 ${names.length} 个工作表，正在读取表格范围` });
      const canMerge = this.supports('ExcelApi', '1.13');
      const canFindFormulas = this.supports('ExcelApi', '1.9');
      const request = (withMerges: boolean) => {
        const used = sheets.items.map((ws) => {
          const r = ws.getUsedRangeOrNullObject(true);
          r.load('rowIndex,columnIndex,rowCount,columnCount');
          return r;
        });
        const merged = withMerges
          ? sheets.items.map((ws) => {
              const m = ws.getRange().getMergedAreasOrNullObject();
              m.load('areas/items/address');
              return m;
            })
          : [];
        const formulaAreas = canFindFormulas
          ? sheets.items.map((ws) => {
              // On the whole sheet, never on a used range that may be a null object (an empty sheet).
              const f = ws.getRange().getSpecialCellsOrNullObject('Formulas');
              f.load('address');
              return f;
            })
          : [];
        return { used, merged, formulaAreas };
      };
      // One request for used-range sizes, merged areas and where the formulas are. Over 512 merged areas on a
      // sheet Excel refuses the whole request, and every proxy of it is invalid afterwards (InvalidObjectPath):
      // the fallback creates new proxies and reads without merges
      // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
      let req = request(canMerge);
      try {
        await ctx.sync();
      } catch (e) {
        if (!canMerge) throw e;
        req = request(false);
        await ctx.sync();
      }
      const { used, merged, formulaAreas } = req;
      // The same limit as the file host and the preview (limits.ts), checked before any cell is read.
      const area = used.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount * u.columnCount), 0);
      if (area > DEFAULT_LIMITS.maxCells) throw limitError.cells(DEFAULT_LIMITS.maxCells);
      const formulaRanges: CellRange[][] = used.map((_, i) => {
        const f = formulaAreas[i];
        if (!canFindFormulas || !f || f.isNullObject || !f.address) return [];
        return f.address.split(',').map((a) => parseRangeA1(stripSheet(a.trim())));
      });
      // Plan row blocks of at most READ_BUDGET_BYTES estimated, grouped into as few syncs as possible.
      type Block = { sheet: number; r0: number; rows: number; c0: number; cols: number; formulasOnly?: boolean };
      const perCell = canFindFormulas ? BYTES_PER_CELL : BYTES_PER_CELL_WITH_FORMULAS;
      const plan: Block[] = [];
      used.forEach((u, i) => {
        if (u.isNullObject) return;
        const perBlock = Math.max(1, Math.floor(READ_BUDGET_BYTES / (perCell * u.columnCount)));
        for (let r0 = 0; r0 < u.rowCount; r0 += perBlock)
          plan.push({ sheet: i, r0: u.rowIndex + r0, rows: Math.min(perBlock, u.rowCount - r0), c0: u.columnIndex, cols: u.columnCount });
        for (const f of formulaRanges[i]) {
          const cols = f.right - f.left + 1;
          const per = Math.max(1, Math.floor(READ_BUDGET_BYTES / (BYTES_PER_FORMULA * cols)));
          for (let r0 = f.top; r0 <= f.bottom; r0 += per)
            plan.push({ sheet: i, r0, rows: Math.min(per, f.bottom - r0 + 1), c0: f.left, cols, formulasOnly: true });
        }
      });
      const cost = (b: Block) => b.rows * b.cols * (b.formulasOnly ? BYTES_PER_FORMULA : perCell);
      const groups: Block[][] = [[]];
      let inSync = 0;
      for (const b of plan) {
        if (inSync + cost(b) > READ_BUDGET_BYTES && groups[groups.length - 1].length) {
          groups.push([]);
          inSync = 0;
        }
        groups[groups.length - 1].push(b);
        inSync += cost(b);
      }
      const out: Sheet[] = sheets.items.map((ws, i) => ({
        name: ws.name,
        rows: [],
        merges: merged[i] && !merged[i].isNullObject ? merged[i].areas.items.map((a) => parseRangeA1(stripSheet(a.address))) : ([] as CellRange[]),
        protected: ws.protection.protected,
      }));
      const formulaAt = new Map<string, string>();
      let done = 0;
      const total = groups.length;
      /** Reads a group of blocks in one sync; a group refused for its size is halved, with new proxies. */
      const readGroup = async (group: Block[]): Promise<void> => {
        const ranges = group.map((b) => {
          const r = sheets.items[b.sheet].getRangeByIndexes(b.r0, b.c0, b.rows, b.cols);
          r.load(b.formulasOnly ? 'formulas' : canFindFormulas ? 'values,numberFormat' : 'values,formulas,numberFormat');
          return r;
        });
        try {
          await ctx.sync();
        } catch (e) {
          if (!isPayloadError(e)) throw e;
          const halves: Block[][] = [];
          if (group.length > 1) halves.push(group.slice(0, group.length >> 1), group.slice(group.length >> 1));
          else if (group[0].rows > 1) {
            const b = group[0];
            const h = b.rows >> 1;
            halves.push([{ ...b, rows: h }], [{ ...b, r0: b.r0 + h, rows: b.rows - h }]);
          } else throw new HostError(`工作表“${out[group[0].sheet].name}”第 ${group[0].r0 + 1} 行的数据超过 Excel 网页版单次请求的大小上限，无法读取`, 'limit');
          for (const g of halves) await readGroup(g);
          return;
        }
        group.forEach((b, k) => {
          const range = ranges[k];
          const rows = out[b.sheet].rows;
          if (b.formulasOnly) {
            const formulas = range.formulas;
            for (let r = 0; r < b.rows; r++)
              for (let c = 0; c < b.cols; c++) {
                const f = formulas[r][c];
                if (typeof f === 'string' && f.startsWith('=')) formulaAt.set(`${b.sheet},${b.r0 + r},${b.c0 + c}`, f);
              }
            return;
          }
          const values = range.values;
          const numberFormat = range.numberFormat;
          const formulas = canFindFormulas ? undefined : range.formulas;
          for (let r = 0; r < b.rows; r++) {
            const line: (Cell | undefined)[] = [];
            for (let c = 0; c < b.cols; c++) {
              const cell = toCell(values[r][c], formulas ? formulas[r][c] : undefined, numberFormat[r][c]);
              if (cell) line[b.c0 + c] = cell;
            }
            if (line.length) rows[b.r0 + r] = line;
          }
        });
      };
      for (const group of groups) {
        if (!group.length) continue;
        await readGroup(group);
        done++;
        onProgress?.({ done, total, message: `已读取 ${done}/${total} 批单元格` });
      }
      // Formulas found by getSpecialCells: set on their cells (a formula with no cached result is kept too).
      for (const [k, f] of formulaAt) {
        const [si, r, c] = k.split(',').map(Number);
        const rows = out[si].rows;
        const line = rows[r] ?? (rows[r] = []);
        const cell = line[c] ?? (line[c] = { value: null });
        cell.formula = f.slice(1);
      }
      return { sheets: out };
    });
  }

  /**
   * Queues the read of the record kept in the workbook (settings; this session's memory before ExcelApi 1.4),
   * unless the ledger keeps the newer one of live checking. The result is there after the next sync.
   */
  private loadStored(ctx: Excel.RequestContext): () => SavedCell[] | undefined {
    if (!this.ledger.needsStored) return () => undefined;
    if (!this.supports('ExcelApi', '1.4')) return () => this.memory;
    const setting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEY);
    setting.load('value');
    return () => {
      if (setting.isNullObject) return [];
      try {
        return JSON.parse(String(setting.value)) as SavedCell[];
      } catch {
        return [];
      }
    };
  }

  private store(ctx: Excel.RequestContext, cells: SavedCell[]) {
    if (!this.supports('ExcelApi', '1.4')) {
      this.memory = cells;
      return;
    }
    if (cells.length) ctx.workbook.settings.add(SETTING_KEY, JSON.stringify(cells));
    else ctx.workbook.settings.getItemOrNullObject(SETTING_KEY).delete();
  }

  /** Whether each sheet can take marks, from the loaded worksheets (name and protection). */
  private access(sheets: Excel.WorksheetCollection): (sheet: string) => SheetAccess {
    const state = new Map<string, SheetAccess>(sheets.items.map((ws) => [ws.name, ws.protection.protected ? 'protected' : 'ok']));
    return (sheet) => state.get(sheet) ?? 'missing';
  }

  /** Queues a plan's writes: own fills back and our notes removed, then the mark colours and notes, then the record. */
  private carryOut(ctx: Excel.RequestContext, plan: MarkPlan<string>, notes: NoteWriter) {
    const sheets = ctx.workbook.worksheets;
    for (const r of plan.restore) {
      if (r.fill !== undefined) {
        const fill = sheets.getItem(r.sheet).getRange(r.cell).format.fill;
        if (r.fill === null) fill.clear();
        else fill.color = r.fill;
      }
      if (r.note) notes.remove(r.sheet, r.cell);
    }
    for (const p of plan.paint) {
      sheets.getItem(p.mark.sheet).getRange(p.mark.cell).format.fill.color = MARK_COLORS[p.mark.kind];
      if (p.note !== 'none') notes.write(p.mark, p.note === 'replace');
    }
    if (plan.store) this.store(ctx, plan.record);
  }

  /** Queues the load of each cell's fill; after the next sync, the fill a cell has (null: none, or not read). */
  private queueFills(ctx: Excel.RequestContext, cells: { sheet: string; cell: string }[], canPattern: boolean) {
    const sheets = ctx.workbook.worksheets;
    const fills = new Map<string, Excel.RangeFill>();
    for (const c of cells) {
      const key = keyOf(c.sheet, c.cell);
      if (fills.has(key)) continue;
      const f = sheets.getItem(c.sheet).getRange(c.cell).format.fill;
      f.load(canPattern ? 'color,pattern' : 'color');
      fills.set(key, f);
    }
    return (c: { sheet: string; cell: string }): string | null => {
      const f = fills.get(keyOf(c.sheet, c.cell));
      return f ? fillOf(f, canPattern) : null;
    };
  }

  /** Queues where each loaded comment is; after the next sync, the comments by sheet and cell. */
  private queueLocations(comments: Excel.CommentCollection): () => CommentsAt {
    const locations = comments.items.map((c) => {
      const loc = c.getLocation();
      loc.load('address');
      return loc;
    });
    return () => {
      const at: CommentsAt = new Map();
      locations.forEach((loc, i) => {
        const addr = loc.address;
        const bang = addr.lastIndexOf('!');
        const sheet = addr
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
        at.set(keyOf(sheet, addr.slice(bang + 1).replace(/\$/g, '')), comments.items[i]);
      });
      return at;
    };
  }

  /** Writes notes on the comments found by cell: removes ours, changes ours, adds one where there is none. */
  private writerAt(wb: Excel.Workbook, at: CommentsAt | undefined): NoteWriter {
    return {
      remove: (sheet, cell) => at?.get(keyOf(sheet, cell))?.delete(),
      write: (m, replace) => {
        const c = replace ? at?.get(keyOf(m.sheet, m.cell)) : undefined;
        if (c) c.content = m.note;
        else wb.comments.add(commentAddress(m.sheet, m.cell), m.note);
      },
    };
  }

  /**
   * Where the comments are now (1 or 2 syncs), read again after a request that a refused comment failed: the writes
   * queued before the refused one were done, so some of our notes may be gone and some added already.
   */
  private async commentsNow(ctx: Excel.RequestContext): Promise<CommentsAt> {
    const comments = ctx.workbook.comments;
    comments.load('items/content');
    await ctx.sync();
    if (!comments.items.length) return new Map();
    const located = this.queueLocations(comments);
    await ctx.sync();
    return located();
  }

  async applyMarks(marks: CellMark[]): Promise<MarkResult> {
    const canComment = this.supports('ExcelApi', '1.10');
    const canPattern = this.supports('ExcelApi', '1.9');
    return this.run(async (ctx) => {
      // Sync 1: what is there now (sheets, protection, read-only, the marked cells' fills, the comments, the record).
      const wb = ctx.workbook;
      const canReadOnly = this.supports('ExcelApi', '1.8');
      if (canReadOnly) wb.load('readOnly');
      const sheets = wb.worksheets;
      sheets.load('items/name,items/protection/protected');
      const stored = this.loadStored(ctx);
      const fills = this.queueFills(ctx, marks, canPattern);
      const existing = canComment ? wb.comments : undefined;
      existing?.load('items/content');
      try {
        await ctx.sync();
      } catch {
        throw new HostError('工作簿在校验之后有改动（工作表被删除或改名）：请重新点“校验”后再标记', 'api');
      }
      if (canReadOnly && wb.readOnly)
        return { marked: 0, skipped: [{ sheet: '（整个工作簿）', reason: '工作簿以只读方式打开，无法标记：请另存一份或以编辑方式打开后再试' }] };
      // Sync 2, when there is something to read: what the cells marked last time and not now show (one the user
      // recoloured keeps its colour) and which cell each comment is on (ours are updated, the user's left alone).
      const saved = stored();
      const access = this.access(sheets);
      const toRead = this.ledger.recordedToRead(saved, access, marks);
      const recorded = this.queueFills(ctx, toRead, canPattern);
      const located = existing?.items.length ? this.queueLocations(existing) : undefined;
      if (toRead.length || located) await ctx.sync();
      const commentAt = canComment ? (located?.() ?? new Map()) : undefined;
      const plan = (notes: NoteWrites, at = commentAt) =>
        this.ledger.mark(marks, {
          stored: saved,
          access,
          fillNow: (m) => fills(m),
          noteNow: at && ((m) => noteAt(at, m)),
          recordedNow: (p) => ({ fill: recorded(p), note: at && noteAt(at, p) }),
          notes,
        });
      // Last sync: restore cells marked last time that are not marked now, then fill and annotate.
      let done = plan(canComment ? 'all' : 'none');
      this.carryOut(ctx, done, this.writerAt(wb, commentAt));
      const skipped = done.blocked.map((sheet) => ({
        sheet,
        reason: `工作表“${sheet}”受保护，无法标记：请在“审阅→撤消工作表保护”后重试（校验结果仍列在任务窗格中）`,
      }));
      try {
        await ctx.sync();
      } catch (e) {
        if (!canComment) throw e;
        // A cell with a legacy note (旧式批注) refuses a threaded comment, and one refusal fails the whole request:
        // mark the colours with no new note rather than not at all (the pane lists every finding anyway).
        const now = await this.commentsNow(ctx);
        done = plan('no-new', now);
        this.carryOut(ctx, done, this.writerAt(wb, now));
        await ctx.sync();
        skipped.push({
          sheet: '（批注）',
          reason: '有的单元格已有 Excel 备注（旧式批注），无法再添加说明批注：这些单元格只用颜色标记，说明请看任务窗格中的列表',
        });
      }
      this.ledger.done(done);
      return { marked: done.marked, skipped };
    });
  }

  async clearMarks(): Promise<number> {
    const canComment = this.supports('ExcelApi', '1.10');
    const canPattern = this.supports('ExcelApi', '1.9');
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name,items/protection/protected');
      const stored = this.loadStored(ctx);
      const comments = canComment ? wb.comments : undefined;
      comments?.load('items/content');
      await ctx.sync();
      // Sync 2: what each marked cell shows now (one the user recoloured keeps its colour) and which cell each comment
      // is on (our notes go from every sheet that can be changed; a comment the user wrote or edited stays).
      const saved = stored();
      const access = this.access(sheets);
      const toRead = this.ledger.recordedToRead(saved, access);
      const recorded = this.queueFills(ctx, toRead, canPattern);
      const located = comments?.items.length ? this.queueLocations(comments) : undefined;
      if (toRead.length || located) await ctx.sync();
      const commentAt = canComment ? (located?.() ?? new Map()) : undefined;
      const plan = this.ledger.clear({
        stored: saved,
        access,
        recordedNow: (p) => ({ fill: recorded(p), note: commentAt && noteAt(commentAt, p) }),
        notes: canComment ? 'all' : 'none',
        ourNotes: commentAt && [...commentAt].filter(([, c]) => ours(c)).map(([key]) => fromKey(key)),
      });
      this.carryOut(ctx, plan, this.writerAt(wb, commentAt));
      await ctx.sync();
      this.ledger.done(plan);
      if (plan.record.length)
        throw new HostError(`有 ${plan.record.length} 个标记所在的工作表受保护或已删除，未能清除：请取消保护后再点“清除标记”`, 'protected');
      return plan.cleared;
    });
  }

  async watchChanges(onChange: (c: LiveChange) => void): Promise<() => Promise<void>> {
    if (!this.supports('ExcelApi', '1.7')) throw new HostError('此版本的 Excel 不支持实时校验（需要 ExcelApi 1.7）：请在改动后点“校验”', 'api');
    const batch = new ChangeBatch<{ worksheetId: string; address: string }>(
      () => this.liveDelayMs,
      (changed) => this.readChanged(changed).then(onChange, () => onChange({ kind: 'structure', why: '无法读取改动的单元格，已重新读取工作簿' })),
    );
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
      handlers.push(
        sheets.onChanged.add(async (e) => {
          if (e.changeType !== 'RangeEdited') {
            onChange({ kind: 'structure', why: '插入或删除了行、列或单元格，已重新识别各表' });
            return;
          }
          batch.add({ worksheetId: e.worksheetId, address: e.address });
        }) as OfficeExtension.EventHandlerResult<unknown>,
        sheets.onAdded.add(async () => onChange({ kind: 'structure', why: '新增了工作表，已重新识别各表' })) as OfficeExtension.EventHandlerResult<unknown>,
        sheets.onDeleted.add(async () => onChange({ kind: 'structure', why: '删除了工作表，已重新识别各表' })) as OfficeExtension.EventHandlerResult<unknown>,
      );
      if (this.supports('ExcelApi', '1.17'))
        handlers.push(
          sheets.onNameChanged.add(async () =>
            onChange({ kind: 'structure', why: '工作表改了名，已重新识别各表' }),
          ) as OfficeExtension.EventHandlerResult<unknown>,
        );
      await ctx.sync();
      return async () => {
        batch.stop();
        // Handlers are removed in the context they were added in, re-entered with Excel.run(context, …)
        // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
        await this.runIn(ctx, async (c) => {
          for (const h of handlers) h.remove();
          await c.sync();
        });
        // The record of live checking is written into the settings now (it was kept in memory while typing).
        const record = this.ledger.stop();
        if (record)
          await this.run(async (c) => {
            this.store(c, record);
            await c.sync();
          });
      };
    });
  }

  /** Reads the changed ranges in one sync; a range too large to read alone asks for the whole workbook. */
  private async readChanged(batch: { worksheetId: string; address: string }[]): Promise<LiveChange> {
    let cells = 0;
    for (const b of batch) {
      if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(b.address)) return { kind: 'structure', why: '改动了整行或整列，已重新读取工作簿' };
      const r = parseRangeA1(b.address);
      cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    }
    const tooMany = tooManyToRead(cells);
    if (tooMany) return tooMany;
    return this.run(async (ctx) => {
      const reads = batch.map((b) => {
        const ws = ctx.workbook.worksheets.getItem(b.worksheetId);
        ws.load('name');
        const range = ws.getRange(b.address);
        range.load('values,formulas,numberFormat,rowIndex,columnIndex');
        return { ws, range };
      });
      await ctx.sync();
      const edits: CellEdit[] = [];
      for (const { ws, range } of reads)
        range.values.forEach((row, i) =>
          row.forEach((v, j) =>
            edits.push({
              sheet: ws.name,
              row: range.rowIndex + i,
              col: range.columnIndex + j,
              cell: toCell(v, range.formulas[i][j], range.numberFormat[i][j]),
            }),
          ),
        );
      return { kind: 'edits', edits };
    });
  }

  /**
   * A live update of the marks in 2 syncs: the sheets, the fills of the cells it marks or gives back and the comments'
   * text, then the writes. Where every comment in the workbook is ours, a note on a cell this update touches can only
   * be ours and the record tells which cells have one: notes are changed by cell (CommentCollection.getItemByCell,
   * ExcelApi 1.10). Otherwise which cell each comment is on is read first (1 more sync), so a comment the user wrote
   * or edited is never touched. A refused note (a legacy note takes no comment; a note the record says is ours was
   * deleted) is handled as applyMarks does: the comments are read again and the plan carried out with no new note.
   */
  async updateMarks(set: CellMark[], clear: { sheet: string; cell: string }[]): Promise<MarkResult> {
    if (!set.length && !clear.length) return { marked: 0, skipped: [] };
    const canComment = this.supports('ExcelApi', '1.10');
    const canPattern = this.supports('ExcelApi', '1.9');
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = wb.worksheets;
      const comments = canComment ? wb.comments : undefined;
      const queue = () => {
        sheets.load('items/name,items/protection/protected');
        comments?.load('items/content');
        return this.loadStored(ctx);
      };
      const cells = [...set, ...clear];
      let stored = queue();
      let fills = this.queueFills(ctx, cells, canPattern);
      try {
        await ctx.sync();
      } catch {
        // A cell on a sheet deleted while live checking was paused fails the whole request: the sheets first, then
        // the cells on the sheets that are there.
        stored = queue();
        await ctx.sync();
        const there = new Set(sheets.items.map((ws) => ws.name));
        fills = this.queueFills(
          ctx,
          cells.filter((c) => there.has(c.sheet)),
          canPattern,
        );
        await ctx.sync();
      }
      const located = comments && !comments.items.every(ours) ? this.queueLocations(comments) : undefined;
      if (located) await ctx.sync();
      // With no comment in the workbook there is no note anywhere: as good as found.
      const commentAt: CommentsAt | undefined = located ? located() : comments && !comments.items.length ? new Map() : undefined;
      const saved = stored();
      const access = this.access(sheets);
      const plan = (notes: NoteWrites, at = commentAt) =>
        this.ledger.update(set, clear, {
          stored: saved,
          access,
          fillNow: (m) => fills(m),
          noteNow: at && ((m) => noteAt(at, m)),
          recordedNow: (p) => ({ fill: fills(p), note: at && noteAt(at, p) }),
          notes,
        });
      const writer: NoteWriter = commentAt
        ? this.writerAt(wb, commentAt)
        : {
            remove: (sheet, cell) => wb.comments.getItemByCell(commentAddress(sheet, cell)).delete(),
            write: (m, replace) => {
              if (replace) wb.comments.getItemByCell(commentAddress(m.sheet, m.cell)).content = m.note;
              else wb.comments.add(commentAddress(m.sheet, m.cell), m.note);
            },
          };
      let done = plan(canComment ? 'all' : 'none');
      this.carryOut(ctx, done, writer);
      const skipped = done.blocked.map((sheet) => ({ sheet, reason: `工作表“${sheet}”受保护，无法标记` }));
      try {
        await ctx.sync();
      } catch (e) {
        if (!canComment) throw e;
        const now = await this.commentsNow(ctx);
        done = plan('no-new', now);
        this.carryOut(ctx, done, this.writerAt(wb, now));
        await ctx.sync();
        skipped.push({ sheet: '（批注）', reason: '有的单元格已有批注或备注，无法再添加说明批注：实时标记在这些单元格只用了颜色' });
      }
      this.ledger.done(done);
      return { marked: done.marked, skipped };
    });
  }

  async writeCell(sheet: string, cell: string, value: Cell['value']): Promise<Cell | undefined> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
      range.load('values,formulas,numberFormat');
      await ctx.sync();
      const before = toCell(range.values[0][0], range.formulas[0][0], range.numberFormat[0][0]);
      if (before?.formula) throw new HostError(FORMULA_CELL(sheet, cell), 'api');
      range.values = [[value === null ? '' : value]];
      await ctx.sync();
      return before;
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async insertSheet(name: string, sheet: Sheet): Promise<string> {
    return (await this.insertSheets([{ ...sheet, name }]))[0];
  }

  /** Adds sheets in 2 syncs (the names in use; then create all, write all); never overwrites an existing one. */
  async insertSheets(list: Sheet[]): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const taken = sheets.items.map((s) => s.name);
      const names = list.map((s) => {
        const free = freeSheetName(s.name, taken);
        taken.push(free);
        return free;
      });
      const added = names.map((n) => sheets.add(n));
      list.forEach((sheet, i) => {
        const ws = added[i];
        sheet.rows.forEach((row, r) =>
          row?.forEach((c, col) => {
            if (!c) return;
            const range = ws.getRange(a1(r, col));
            if (c.numFmt) range.numberFormat = [[c.numFmt]];
            if (c.formula) range.formulas = [[`=${c.formula}`]];
            else if (c.value !== null) range.values = [[c.value as string | number | boolean]];
            if (c.wrap) range.format.wrapText = true;
          }),
        );
        for (const m of sheet.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge();
        // Column widths in characters (about 7 points each); print setup where the API has it (ExcelApi 1.9).
        sheet.columnWidths?.forEach((w, col) => w && (ws.getRange(`${colName(col)}:${colName(col)}`).format.columnWidth = w * 7));
        const layout = sheet.print && this.supports('ExcelApi', '1.9') ? (ws as { pageLayout?: Excel.PageLayout }).pageLayout : undefined;
        if (layout && sheet.print) {
          layout.orientation = sheet.print.landscape ? 'Landscape' : 'Portrait';
          layout.paperSize = 'A4';
          if (sheet.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (sheet.print.titleRows) layout.setPrintTitleRows(`$${sheet.print.titleRows[0] + 1}:$${sheet.print.titleRows[1] + 1}`);
        }
      });
      added[added.length - 1]?.activate();
      await ctx.sync();
      return names;
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }
}

/** The production wiring: Office.js globals. */
export function officeExcelHost(): ExcelHost {
  return new ExcelHost(
    (batch) => Excel.run(batch),
    (set, version) => Office.context.requirements.isSetSupported(set, version),
    (ctx, batch) => Excel.run(ctx, batch),
  );
}
