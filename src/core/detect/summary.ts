/** The body of a two-sided summary (收支总表, 财政拨款收支总表): income items on the left, expenditure on the right. */
import { functionClassByLabel } from '../catalogue';
import { remember } from '../collections';
import type { MappedTable, Stage } from '../model';
import { EXPENDITURE_ITEMS, FINAL_EXPENDITURE_ITEMS, FINAL_INCOME_ITEMS, INCOME_ITEMS } from '../schemas';
import { normName, stripEnum } from '../text';
import { colOf, rowAmounts, scanBody } from './body';
import { SheetView } from './view';

interface SideReading {
  item?: string;
  /** Out side: the function class the label names (when it names no item). */
  cls?: { code: string; former?: boolean };
}

/** What a summary table's label says, per stage and side (memoised: a batch's summaries repeat the same labels). */
const sideLabelMemo = {
  budget: { in: new Map<string, SideReading>(), out: new Map<string, SideReading>() },
  final: { in: new Map<string, SideReading>(), out: new Map<string, SideReading>() },
};

function readSideLabel(side: 'in' | 'out', label: string, stage: Stage = 'budget'): SideReading {
  const memo = sideLabelMemo[stage][side];
  let r = memo.get(label);
  if (!r) {
    const items = stage === 'final' ? { in: FINAL_INCOME_ITEMS, out: FINAL_EXPENDITURE_ITEMS } : { in: INCOME_ITEMS, out: EXPENDITURE_ITEMS };
    if (side === 'in') r = { item: items.in.find((i) => i.match.test(stripEnum(normName(label)).replace(/^\d+\.(?!\d)/, '')))?.key };
    else {
      const key = stripEnum(normName(label));
      const item = items.out.find((i) => i.match.test(key))?.key;
      r = item ? { item } : { cls: functionClassByLabel(label) };
    }
    remember(memo, label, Object.freeze(r), 10_000);
  }
  return r;
}

/**
 * A two-sided summary's rows: each side's items (and on the expenditure side the function classes), a row's two
 * labels read as two rows. Returns the table's last row.
 */
export function readTwoSidedRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  const inName = colOf(t.columns, 'in.name')!;
  const outName = colOf(t.columns, 'out.name')!;
  const fiscal = t.schema === 'fiscal-appropriation-summary';
  const stage = t.def.stage ?? 'budget';
  let inCarry = false;
  return scanBody(v, t, dataTop, end, (r) => {
    const inLabel = v.text(r, inName);
    if (inLabel) {
      let item = readSideLabel('in', inLabel, stage).item;
      if (item === 'carryover') inCarry = true;
      else if (item === 'income-grand' || item === 'income-total') inCarry = false;
      else if (fiscal && inCarry && item && ['general', 'fund', 'state'].includes(item)) item = `carryover-${item}`;
      const amounts = rowAmounts(v, t, r, 'in');
      t.rows.push({ row: r, kind: item ? 'item' : 'other', side: 'in', item, name: inLabel, amounts, labelCol: inName });
    }
    const outLabel = v.text(r, outName);
    if (outLabel) {
      const { item, cls } = readSideLabel('out', outLabel, stage);
      const amounts = rowAmounts(v, t, r, 'out');
      if (item) t.rows.push({ row: r, kind: 'item', side: 'out', item, name: outLabel, amounts, labelCol: outName });
      else
        t.rows.push({
          row: r,
          kind: cls ? 'class' : 'other',
          side: 'out',
          code: cls?.code,
          level: cls ? 1 : undefined,
          name: outLabel,
          amounts,
          labelCol: outName,
          formerName: cls?.former || undefined,
        });
    }
    return !!(inLabel || outLabel);
  });
}
