/**
 * What every body reader shares: the walk over a table's body rows (blank rows, repeated headers and notes left
 * out), the amounts of a row or a cell with their issues recorded on the table, and the column of a role.
 */
import { codeLevel } from '../catalogue';
import type { AmountRef, MappedColumn, MappedTable } from '../model';
import { isNoteText, squash } from '../text';
import { amountRef, readAmounts, recordAmountIssues } from './amounts';
import { hasDecimalAmount, isColumnNumberRow, isHeaderRow, isHeaderWord } from './header';
import { SheetView } from './view';

/** A body row's amounts in the table's amount columns (of one side, with `side`); what is wrong with them is recorded. */
export function rowAmounts(v: SheetView, t: MappedTable, r: number, side?: 'in' | 'out'): Record<string, AmountRef> {
  const { amounts, issues } = readAmounts(v, r, t.columns, t.unit, side);
  recordAmountIssues(t, issues);
  return amounts;
}

/** The amount of one cell of the table; what is wrong with it is recorded. */
export function cellAmount(v: SheetView, t: MappedTable, r: number, col: number): AmountRef {
  const { ref, issues } = amountRef(t.unit, r, col, v.cell(r, col), v.text(r, col));
  recordAmountIssues(t, issues);
  return ref;
}

/** The column of a role, when the table has one. */
export function colOf(cols: MappedColumn[], role: string): number | undefined {
  return cols.find((c) => c.role === role)?.col;
}

/**
 * Walks the body rows of a table: skips blank rows and repeated headers (page breaks), collects the notes
 * under the table ("注：…"), and hands every other row to `take`, which returns true when it used the row.
 * Returns the last row that belongs to the table.
 */
export function scanBody(v: SheetView, t: MappedTable, dataTop: number, end: number, take: (r: number, texts: string[]) => boolean): number {
  let last = dataTop - 1;
  for (let r = dataTop; r < end; r++) {
    if (v.isEmptyRow(r)) continue;
    const texts = v.rowTexts(r);
    let first = '';
    for (let c = t.range.left; c < texts.length && !first; c++) first = texts[c] ?? '';
    if ((isNoteText(first) || t.notes.length) && !hasDecimalAmount(texts)) {
      t.notes.push(texts.filter((x) => x).join(' '));
      last = r;
      continue;
    }
    // A 决算 ledger's class row ("301 工资福利支出" beside "302 商品和服务支出", blank amounts) is no header.
    if ((isHeaderRow(texts) && !(t.def.stage === 'final' && codeLevel(squash(first)) !== undefined)) || isColumnNumberRow(texts)) continue;
    if (take(r, texts)) last = r;
  }
  return last;
}

/** A row that only repeats header words (a page break's repeated header, a 类/款/项 line): not data. */
export function isHeaderEcho(texts: string[]): boolean {
  let any = false;
  for (const t of texts) {
    if (!t) continue;
    const c = t.charCodeAt(0);
    // A code or an amount (a digit first: a data row's first cell) is neither a header word nor 分类科目.
    if ((c >= 48 && c <= 57) || (!isHeaderWord(t) && !/^(功能|经济|部门预算经济)?分类科目(编码|名称)?$/.test(squash(t)))) return false;
    any = true;
  }
  return any;
}

/** A 决算 合计 row's cells that print a sub-header instead of an amount: not amounts, and not unreadable ones. */
export function dropSubHeaderCells(v: SheetView, t: MappedTable): void {
  for (const row of t.rows) {
    if (row.kind !== 'total') continue;
    for (const role of Object.keys(row.amounts)) {
      const ref = row.amounts[role];
      const text = v.text(ref.row, ref.col);
      if (!text || !isHeaderWord(text)) continue;
      delete row.amounts[role];
      t.invalid = t.invalid.filter((i) => i.row !== ref.row || i.col !== ref.col);
    }
  }
}
