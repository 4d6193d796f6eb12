/**
 * A 决算 workbook against the same year's 预算 workbook (final-accounts.md §3.5): the 三公 预算数 the 决算 table
 * prints should be the 三公 budget of the year. Budgets are adjusted during the year and 口径 differ, so a
 * difference is a warning to explain, never an error.
 */
import { refValue, type Finding } from '../checks';
import { a1 } from '../grid';
import type { MappedTable } from '../model';
import { THREE_PUBLIC_ITEMS } from '../schemas';
import { has, item } from './context';

export function crossStageFindings(final: MappedTable[], budget: MappedTable[]): Finding[] {
  const out: Finding[] = [];
  const f = final.find((t) => t.schema === 'three-public-expenditure' && t.def.stage === 'final');
  const b = budget.find((t) => t.schema === 'three-public-expenditure' && t.def.stage !== 'final');
  if (!f || !b) return out;
  const role = has(b, 'general') ? 'general' : 'total';
  for (const { key, label } of THREE_PUBLIC_ITEMS) {
    const fr = item(f, key);
    const br = item(b, key);
    const fa = fr?.amounts.budget;
    const ba = br?.amounts[role];
    if (!fa || !ba) continue;
    const x = refValue(f, fa);
    const y = refValue(b, ba);
    if (x.minus(y).abs().lte('0.005')) continue;
    const cell = a1(fa.row, fa.col);
    out.push({
      rule: 'cross-stage.three-public-budget',
      severity: 'warning',
      sheet: f.sheet,
      cell,
      table: f.schema,
      cells: [{ sheet: f.sheet, cell }],
      message: `“三公”经费决算表中${label}的预算数为 ${x.toFixed(2)}万元，同年部门预算的“三公”经费表为 ${y.toFixed(2)}万元（${b.sheet}!${a1(ba.row, ba.col)}）：年中调整了预算的，请在说明中写明（与预算公开对照，仅提示）`,
    });
  }
  return out;
}
