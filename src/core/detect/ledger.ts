/** The body of the 决算 basic-expenditure ledger: (编码, 名称, 决算数) twice side by side. */
import { codeLevel } from '../catalogue';
import type { MappedRow, MappedTable } from '../model';
import { squash } from '../text';
import { cellAmount, colOf, isHeaderEcho, scanBody } from './body';
import { codeReader } from './codes';
import { assignColumns } from './columns';
import { HeaderInfo } from './header';
import { SheetView } from './view';

/**
 * The 决算 basic-expenditure ledger (final-accounts.md T6): (编码, 名称, 决算数) twice side by side. Each side's
 * code rows become rows of the table (the left side's first), with the amount of their own side; the labelled
 * 人员经费合计 / 公用经费合计 cells become the items 'personnel-total' / 'public-total'.
 */
export function readLedgerRows(v: SheetView, t: MappedTable, header: HeaderInfo, end: number): number {
  const leftTotal = colOf(t.columns, 'total')!;
  const right = new Map([...header.paths].filter(([c]) => c > leftTotal));
  const groups = [t.columns, right.size ? assignColumns(t.def, right) : []].filter((g) => g.some((c) => c.role === 'total'));
  if (groups.length > 1) t.ledgerColumns = [...groups[0], ...groups[1]];
  const sides: MappedRow[][] = groups.map(() => []);
  // Each side's reader and columns, worked out once.
  const sideOf = groups.map((columns) => ({
    read: codeReader(v, { ...t, columns }),
    amountCol: colOf(columns, 'total')!,
    nameCol: colOf(columns, 'name'),
    firstCol: Math.min(...columns.map((c) => c.col)),
  }));
  const last = scanBody(v, t, header.dataTop, end, (r, texts) => {
    if (isHeaderEcho(texts)) return false;
    let used = false;
    sideOf.forEach(({ read, amountCol, nameCol, firstCol }, i) => {
      const { code, name, printed } = read(r);
      const amounts = { total: cellAmount(v, t, r, amountCol) };
      const label = squash(name || v.text(r, firstCol));
      if (code) sides[i].push({ row: r, kind: 'code', code, level: codeLevel(code), name: name.trim(), amounts, labelCol: nameCol });
      else if (/^人员经费(合计)?$/.test(label) || /^公用经费(合计)?$/.test(label))
        sides[i].push({ row: r, kind: 'item', item: label.startsWith('人员') ? 'personnel-total' : 'public-total', name: label, amounts, labelCol: firstCol });
      else if (label || !amounts.total.blank) {
        if (printed) t.codeIssues.push({ row: r, col: firstCol, printed, name: label });
        sides[i].push({ row: r, kind: 'other', name: label, amounts, labelCol: nameCol ?? firstCol });
      } else return;
      used = true;
    });
    return used;
  });
  t.rows.push(...sides.flat());
  return last;
}
