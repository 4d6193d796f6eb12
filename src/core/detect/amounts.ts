/**
 * Reading a table's amount cells, and the precision its amounts show. The readers return what is wrong with a cell
 * with its amount; the body readers, which build the table, record it (recordAmountIssues).
 */
import { AmountCell, isZeroAmount, parseAmount, plainAmountCell } from '../amount';
import { Cell } from '../grid';
import type { AmountRef, MappedColumn, MappedTable } from '../model';
import { amountColumns } from './columns';
import { SheetView } from './view';

/** What is wrong with an amount cell, found while reading it: an entry for one of its table's lists (MappedTable). */
export type AmountIssue =
  | { kind: 'uncalculated'; at: MappedTable['uncalculated'][number] }
  | { kind: 'invalid'; at: MappedTable['invalid'][number] }
  | { kind: 'unit-word'; at: MappedTable['unitWords'][number] }
  | { kind: 'scaled-format'; at: NonNullable<MappedTable['scaledFormats']>[number] };

/** One amount cell as read, and what is wrong with it (undefined for most cells). */
export interface AmountRead {
  ref: AmountRef;
  issues: AmountIssue[] | undefined;
}

/** A row's amount cells as read, by column role, and what is wrong with them (undefined for most rows). */
export interface AmountsRead {
  amounts: Record<string, AmountRef>;
  issues: AmountIssue[] | undefined;
}

/** The amounts of a row in the amount columns of `cols` (of one side of a summary, with `side`). */
export function readAmounts(v: SheetView, r: number, cols: MappedColumn[], unit: MappedTable['unit'], side?: 'in' | 'out'): AmountsRead {
  const amounts: Record<string, AmountRef> = {};
  let issues: AmountIssue[] | undefined;
  const list = amountColumns(cols, side);
  for (let i = 0; i < list.length; i++) {
    const { role, col } = list[i];
    const read = amountRef(unit, r, col, v.cell(r, col), v.text(r, col));
    amounts[role] = read.ref;
    if (read.issues) (issues ??= []).push(...read.issues);
  }
  return { amounts, issues };
}

/** One amount cell of a table in `unit`: unreadable text, no formula result, a unit word or a scaling format are issues. */
export function amountRef(unit: MappedTable['unit'], r: number, col: number, cell: Cell | undefined, shown: string): AmountRead {
  const plain = plainAmountCell(r, col, cell, shown);
  return plain ? { ref: plain, issues: undefined } : parsedAmountRef(unit, r, col, cell);
}

/** An amount cell that is not plain (amount.plainAmountCell): parsed, and what is wrong with it said. */
function parsedAmountRef(unit: MappedTable['unit'], r: number, col: number, cell: Cell | undefined): AmountRead {
  const p = parseAmount(cell);
  const issues: AmountIssue[] = [];
  if (cell?.formula && (cell.value === null || cell.value === '')) issues.push({ kind: 'uncalculated', at: { row: r, col, formula: cell.formula } });
  else if (p.invalid !== undefined) issues.push({ kind: 'invalid', at: { row: r, col, text: p.invalid } });
  if (p.unitWord && p.unitWord !== unit) {
    issues.push({ kind: 'unit-word', at: { row: r, col, text: String(cell?.value ?? ''), unit: p.unitWord } });
    const value = p.unitWord === '元' ? p.value.times('0.0001') : p.value.times(10000);
    return { ref: new AmountCell(r, col, p.blank, Math.max(0, p.decimals + (p.unitWord === '元' ? 4 : -4)), NaN, value), issues };
  }
  if (p.shift) issues.push({ kind: 'scaled-format', at: { row: r, col, numFmt: cell!.numFmt!, shift: p.shift, stored: Number(cell!.value) } });
  // The decimal.js value only where the scaled integer cannot stand for it (made lazily otherwise).
  const ref = new AmountCell(r, col, p.blank, p.decimals, p.micro, Number.isFinite(p.micro) ? undefined : p.value, !!p.unformatted);
  return { ref, issues: issues.length ? issues : undefined };
}

/** Puts the issues found in a table's amount cells on the table's lists, in the order they were found. */
export function recordAmountIssues(table: MappedTable, issues: AmountIssue[] | undefined): void {
  if (!issues) return;
  for (const issue of issues)
    if (issue.kind === 'uncalculated') table.uncalculated.push(issue.at);
    else if (issue.kind === 'invalid') table.invalid.push(issue.at);
    else if (issue.kind === 'unit-word') table.unitWords.push(issue.at);
    else (table.scaledFormats ??= []).push(issue.at);
}

/** Whether any of a row's amount cells is filled. */
export function anyAmount(a: Record<string, AmountRef>): boolean {
  return Object.values(a).some((x) => !x.blank);
}

/**
 * The table's precision is what its non-zero amounts show: a 0 formatted "0.00" beside whole-元 amounts
 * ("189,767,551") does not make them exact to the 分.
 */
export function shownDecimals(table: MappedTable): number {
  let dec = -1;
  for (const row of table.rows)
    for (const role in row.amounts) {
      const a = row.amounts[role];
      if (a.decimals > dec && !isZeroAmount(a)) dec = a.decimals;
    }
  return dec < 0 ? 2 : Math.min(dec, 4);
}

/**
 * Whether the table prints trailing zeros in its decimals ("31,214,205.80", "….00"): then a non-zero cell shown with
 * fewer decimals ("22,118,861") is rounded coarser than the rest (checks.printedDecimals). A table whose cells never
 * show one may print each number in full ("25" beside "21.56"): its shorter cells are exact, not coarser.
 */
export function padsDecimals(table: MappedTable): boolean {
  const dec = table.decimals;
  if (dec <= 0) return false;
  // Millionths of the unit whose last shown decimal is 0: a multiple of 10^(7 − dec).
  const step = 10 ** (7 - dec);
  for (const row of table.rows)
    for (const role in row.amounts) {
      const a = row.amounts[role];
      if (a.unformatted || a.decimals < dec || isZeroAmount(a)) continue;
      if (Number.isFinite(a.micro) ? a.micro % step === 0 : a.value.decimalPlaces() < dec) return true;
    }
  return false;
}
