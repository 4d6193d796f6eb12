/** The body of a 三公 table: its items as rows (河北), or as the columns of one data row (上海, and every 决算 table). */
import type { MappedRow, MappedTable } from '../model';
import { THREE_PUBLIC_ITEMS } from '../schemas';
import { normName, stripEnum } from '../text';
import { cellAmount, colOf, isHeaderEcho, rowAmounts, scanBody } from './body';
import { SheetView } from './view';

/** A horizontal 三公 table: every item column of the (first) data row becomes one item row; 机关运行经费 a figure. */
function readThreePublicColumns(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  let done = false;
  return scanBody(v, t, dataTop, end, (r, texts) => {
    if (done || isHeaderEcho(texts)) return false;
    const total = rowAmounts(v, t, r);
    const items: MappedRow[] = [{ row: r, kind: 'item', item: 'total', name: '“三公”经费合计', amounts: total, labelCol: colOf(t.columns, 'total') }];
    for (const c of t.columns) {
      const measure = c.role.startsWith('tp.') ? 'total' : c.role.startsWith('tpb.') ? 'budget' : undefined;
      if (!measure) continue;
      const key = c.role.slice(c.role.indexOf('.') + 1);
      const ref = cellAmount(v, t, r, c.col);
      if (key === 'running') t.figures.running = ref;
      else {
        const same = items.find((i) => i.item === key);
        if (same) same.amounts[measure] = ref;
        else
          items.push({
            row: r,
            kind: 'item',
            item: key,
            name: THREE_PUBLIC_ITEMS.find((i) => i.key === key)?.label ?? c.label,
            amounts: { [measure]: ref },
            labelCol: c.col,
          });
      }
    }
    if (!items.some((i) => Object.values(i.amounts).some((a) => !a.blank)) && !t.figures.running) return false;
    t.rows.push(...items);
    done = true;
    return true;
  });
}

/** A 三公 table's items, one row each or the item columns of one data row. Returns the table's last row. */
export function readThreePublicRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  if (t.columns.some((c) => c.role.startsWith('tp.') || c.role.startsWith('tpb.'))) return readThreePublicColumns(v, t, dataTop, end);
  const nameCol = colOf(t.columns, 'name')!;
  return scanBody(v, t, dataTop, end, (r) => {
    const label = v.text(r, nameCol);
    if (!label) return false;
    const key = stripEnum(normName(label));
    const hit = THREE_PUBLIC_ITEMS.find((i) => i.match.test(key));
    t.rows.push({ row: r, kind: hit ? 'item' : 'other', item: hit?.key, name: label, amounts: rowAmounts(v, t, r), labelCol: nameCol });
    return true;
  });
}
