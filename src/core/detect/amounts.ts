/** A table's amount cells as read, and the precision its amounts show. */
import { AmountCell, isZeroAmount, parseAmount, plainAmountCell } from '../amount';
import { Cell } from '../grid';
import type { AmountRef, MappedColumn, MappedTable } from '../model';
import { amountColumns } from './columns';
import { SheetView } from './view';

export function readAmounts(v: SheetView, r: number, cols: MappedColumn[], table: MappedTable, side?: 'in' | 'out'): Record<string, AmountRef> {
  const out: Record<string, AmountRef> = {};
  const list = amountColumns(cols, side);
  // v.cell and v.text written out: this runs for every amount cell (the checkers run without V8's inlining).
  const row = v.sheet.rows[r];
  const texts = v.rowTexts(r);
  for (let i = 0; i < list.length; i++) {
    const col = list[i].col;
    const cell = row ? row[col] : undefined;
    const shown = texts[col] ?? '';
    out[list[i].role] = plainAmountCell(r, col, cell, shown) ?? parsedAmountRef(table, r, col, cell);
  }
  return out;
}

/** One amount cell, with what is wrong with it recorded on the table (unreadable text, no formula result, unit word). */
export function amountRef(table: MappedTable, r: number, col: number, cell: Cell | undefined, shown: string): AmountRef {
  return plainAmountCell(r, col, cell, shown) ?? parsedAmountRef(table, r, col, cell);
}

/** An amount cell that is not plain (amount.plainAmountCell): parsed, and what is wrong with it recorded. */
function parsedAmountRef(table: MappedTable, r: number, col: number, cell: Cell | undefined): AmountRef {
  const p = parseAmount(cell);
  if (cell?.formula && (cell.value === null || cell.value === '')) table.uncalculated.push({ row: r, col, formula: cell.formula });
  else if (p.invalid !== undefined) table.invalid.push({ row: r, col, text: p.invalid });
  if (p.unitWord && p.unitWord !== table.unit) {
    table.unitWords.push({ row: r, col, text: String(cell?.value ?? ''), unit: p.unitWord });
    const value = p.unitWord === '元' ? p.value.times('0.0001') : p.value.times(10000);
    return new AmountCell(r, col, p.blank, Math.max(0, p.decimals + (p.unitWord === '元' ? 4 : -4)), NaN, value);
  }
  if (p.shift) (table.scaledFormats ??= []).push({ row: r, col, numFmt: cell!.numFmt!, shift: p.shift, stored: Number(cell!.value) });
  // The decimal.js value only where the scaled integer cannot stand for it (made lazily otherwise).
  return new AmountCell(r, col, p.blank, p.decimals, p.micro, Number.isFinite(p.micro) ? undefined : p.value, !!p.unformatted);
}

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
