/**
 * The browser preview host: the workbook is an .xlsx the user opened (read with the lean reader, no Office),
 * shown as a grid; marks and selection are kept here and drawn by the grid view.
 */
import type { Cell, Sheet, Workbook } from '../../core/grid';
import { parseA1 } from '../../core/grid';
import type { CellMark } from '../../core/marks';
import { FORMULA_CELL, freeSheetName, HostError, InteractiveHost, LiveChange, MarkResult, ReadProgress } from '../host';
import { sniffXlsx } from '../file/sniff';
import { readXlsxLean } from '../file/xlsx-lean';
import Decimal from 'decimal.js';
import type { CellEdit } from '../../core/live';
import { FormulaEvaluator } from '../../core/templates/evaluate';

export interface PreviewState {
  fileName?: string;
  workbook?: Workbook;
  marks: CellMark[];
  selected?: { sheet: string; cell: string };
}

export class PreviewHost implements InteractiveHost {
  readonly kind = 'preview' as const;
  private state: PreviewState = { marks: [] };
  private listeners = new Set<(s: PreviewState) => void>();

  subscribe(fn: (s: PreviewState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<PreviewState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Opens an .xlsx file's bytes; throws a HostError with a Chinese message for anything unreadable. */
  open(fileName: string, bytes: Uint8Array) {
    const bad = sniffXlsx(bytes);
    if (bad) throw bad;
    let workbook: Workbook;
    try {
      workbook = readXlsxLean(bytes);
    } catch (e) {
      // Damaged, over a limit, or of another kind: the same message as the command line.
      if (e instanceof HostError) throw e;
      throw new HostError('工作簿已损坏或包含预览版不支持的内容：请用命令行 budget-check 校验，或在 Excel 中打开', 'unreadable');
    }
    this.opened++;
    this.set({ fileName, workbook, marks: [], selected: undefined });
    for (const w of this.switchWatchers) w();
  }

  private opened = 0;
  private switchWatchers = new Set<() => void>();

  workbookId(): string | undefined {
    return this.state.fileName ? `${this.opened}:${this.state.fileName}` : undefined;
  }

  /** Another workbook is open once the user opens a file (or the sample). */
  watchWorkbook(onSwitch: () => void): () => void {
    this.switchWatchers.add(onSwitch);
    return () => void this.switchWatchers.delete(onSwitch);
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook> {
    if (!this.state.workbook) throw new HostError('请先点“打开 .xlsx 文件”或“加载示例”', 'empty');
    onProgress?.({ done: 1, total: 1, message: `已读取 ${this.state.fileName}` });
    return this.state.workbook;
  }

  async applyMarks(marks: CellMark[]): Promise<MarkResult> {
    const protectedSheets = new Set(this.state.workbook?.sheets.filter((s) => s.protected).map((s) => s.name));
    const todo = marks.filter((m) => !protectedSheets.has(m.sheet));
    const skipped = [...protectedSheets]
      .filter((s) => marks.some((m) => m.sheet === s))
      .map((sheet) => ({ sheet, reason: `工作表“${sheet}”受保护，无法标记（校验结果仍列在下面）` }));
    this.set({ marks: todo });
    return { marked: todo.length, skipped };
  }

  markCount(): number {
    return this.state.marks.length;
  }

  async clearMarks(): Promise<number> {
    const n = this.state.marks.length;
    this.set({ marks: [] });
    return n;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.set({ selected: { sheet, cell } });
  }

  async insertSheet(name: string, sheet: Sheet): Promise<string> {
    return (await this.insertSheets([{ ...sheet, name }]))[0];
  }

  async insertSheets(list: Sheet[]): Promise<string[]> {
    const wb = this.state.workbook ?? { sheets: [] };
    const taken = wb.sheets.map((s) => s.name);
    const added = list.map((s) => {
      const free = freeSheetName(s.name, taken);
      taken.push(free);
      return { ...s, name: free };
    });
    this.set({
      workbook: { sheets: [...wb.sheets, ...added] },
      fileName: this.state.fileName ?? '新工作簿（模板）',
      selected: { sheet: added[0].name, cell: 'A1' },
    });
    return added.map((s) => s.name);
  }

  async sheetNames(): Promise<string[]> {
    return this.state.workbook?.sheets.map((s) => s.name) ?? [];
  }

  private watchers = new Set<(c: LiveChange) => void>();

  async watchChanges(onChange: (c: LiveChange) => void): Promise<() => Promise<void>> {
    this.watchers.add(onChange);
    return async () => void this.watchers.delete(onChange);
  }

  async updateMarks(set: CellMark[], clear: { sheet: string; cell: string }[]): Promise<MarkResult> {
    const k = (m: { sheet: string; cell: string }) => `${m.sheet}!${m.cell}`;
    const gone = new Set([...clear, ...set].map(k));
    this.set({ marks: [...this.state.marks.filter((m) => !gone.has(k(m))), ...set] });
    return { marked: set.length, skipped: [] };
  }

  async writeCell(sheet: string, cell: string, value: Cell['value']): Promise<Cell | undefined> {
    const { row, col } = parseA1(cell);
    const before = this.state.workbook?.sheets.find((s) => s.name === sheet)?.rows[row]?.[col];
    if (before?.formula) throw new HostError(FORMULA_CELL(sheet, cell), 'api');
    return this.put(sheet, cell, value);
  }

  /**
   * What the user typed into a grid cell: a number when it reads as one — full-width digits, point, comma and sign
   * ("２７．１０", typed with a Chinese input method) too — otherwise the text as typed ('' empties it).
   */
  editCell(sheet: string, cell: string, text: string): void {
    this.put(sheet, cell, typedValue(text));
  }

  /** Writes a cell (keeping its number format), redraws the grid, and tells live checking. */
  private put(sheetName: string, cell: string, value: Cell['value']): Cell | undefined {
    const wb = this.state.workbook;
    const sheet = wb?.sheets.find((s) => s.name === sheetName);
    if (!wb || !sheet) throw new HostError(`找不到工作表“${sheetName}”`, 'not-found');
    if (sheet.protected) throw new HostError(`工作表“${sheetName}”受保护，不能修改`, 'protected');
    const { row, col } = parseA1(cell);
    while (sheet.rows.length <= row) sheet.rows.push([]);
    const line = (sheet.rows[row] ??= []);
    const before = line[col];
    const next: Cell | undefined = value === null ? undefined : { ...(before?.numFmt ? { numFmt: before.numFmt } : {}), value };
    line[col] = next;
    // Formulas that read the cell show their new results, as in a spreadsheet (an inserted template's totals).
    const recalculated = recalculate(wb);
    this.set({ workbook: { sheets: [...wb.sheets] } });
    for (const w of this.watchers) w({ kind: 'edits', edits: [{ sheet: sheetName, row, col, cell: next }, ...recalculated] });
    return before;
  }
}

/** A typed text as a cell value: a number when it reads as one (full-width forms normalised), else the text. */
export function typedValue(text: string): Cell['value'] {
  const t = text.trim();
  if (t === '') return null;
  // NFKC turns full-width digits, point, comma and signs into ASCII ("２７．１０" → "27.10"); "。" is a point too.
  const ascii = t.normalize('NFKC').replace(/。/g, '.').replace(/\s/g, '');
  const n = Number(ascii.replace(/,/g, ''));
  return /^[+-]?[\d,]*\.?\d+$/.test(ascii) && Number.isFinite(n) ? n : t;
}

/**
 * Evaluates every formula again (FormulaEvaluator: the formulas templates write) and stores the results whose value
 * changed; returns those cells as edits. A formula the evaluator does not read keeps its cached result.
 */
export function recalculate(wb: Workbook): CellEdit[] {
  const ev = new FormulaEvaluator(wb);
  const changed: CellEdit[] = [];
  for (const s of wb.sheets)
    s.rows.forEach((line, r) =>
      line?.forEach((c, col) => {
        if (!c?.formula) return;
        let v: ReturnType<FormulaEvaluator['valueAt']>;
        try {
          v = ev.valueAt(s.name, r, col);
        } catch {
          return;
        }
        const value = v instanceof Decimal ? v.toNumber() : v === null ? 0 : v;
        if (value === c.value) return;
        const cell = { ...c, value };
        line[col] = cell;
        changed.push({ sheet: s.name, row: r, col, cell });
      }),
    );
  return changed;
}
