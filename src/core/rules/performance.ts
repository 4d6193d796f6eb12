/**
 * 项目绩效目标表 (one per project, layout of seeds 000/002/004), read from the regions detection lists as other
 * tables: 预算数 = 财政资金 + 其他资金; the 资金支出计划 percentages never decrease and end at 100%; each
 * 二级指标 sits under its 一级指标.
 */
import Decimal from 'decimal.js';
import { parseAmount } from '../amount';
import type { Finding } from '../checks';
import { a1, Cell, cellText, Workbook } from '../grid';
import type { OtherTable } from '../model';
import { squash } from '../text';

export const INDICATOR_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** A percentage cell: "70.00%" as text, or 0.7 with a % format. */
function percentOf(c: Cell | undefined): Decimal | undefined {
  if (!c || c.value === null) return undefined;
  if (typeof c.value === 'number' && /%/.test(c.numFmt ?? '')) return new Decimal(c.value).times(100);
  const m = /^(\d+(?:\.\d+)?)\s*[%％]$/.exec(squash(cellText(c)));
  return m ? new Decimal(m[1]) : undefined;
}

export function checkPerformanceTables(wb: Workbook, others: OtherTable[]): Finding[] {
  const out: Finding[] = [];
  for (const o of others) {
    if (!/绩效目标表$/.test(squash(o.title))) continue;
    const sheet = wb.sheets.find((s) => s.name === o.sheet);
    if (!sheet) continue;
    const rows: { r: number; cells: (Cell | undefined)[]; texts: string[] }[] = [];
    for (let r = o.range.top; r <= o.range.bottom; r++) {
      const cells = sheet.rows[r] ?? [];
      rows.push({ r, cells, texts: Array.from(cells, (c) => squash(cellText(c))) });
    }
    const name = o.title.replace(/^\d+[.、．]\s*/, '');
    const at = (r: number, c: number) => ({ sheet: o.sheet, cell: a1(r, c) });
    // 1. 预算数 = 财政资金 + 其他资金 (each the first number right of its label).
    const after = (label: RegExp) => {
      for (const row of rows)
        for (let c = 0; c < row.texts.length; c++)
          if (label.test(row.texts[c]))
            for (let d = c + 1; d < row.cells.length; d++) {
              const p = parseAmount(row.cells[d]);
              if (!p.blank && !p.invalid) return { value: p.value, r: row.r, c: d };
              if (row.texts[d] && p.invalid) break;
            }
      return undefined;
    };
    const budget = after(/^预算数$/);
    const fiscal = after(/财政资金$/);
    const other = after(/^其他资金$/);
    if (budget && fiscal) {
      const sum = fiscal.value.plus(other?.value ?? 0);
      if (!sum.eq(budget.value))
        out.push({ rule: 'performance.budget-sum', severity: 'error', message: `${name}：预算数 ${budget.value} 应等于财政资金 ${fiscal.value} + 其他资金 ${other?.value ?? 0} = ${sum}`, ...at(budget.r, budget.c), cells: [at(budget.r, budget.c), at(fiscal.r, fiscal.c), ...(other ? [at(other.r, other.c)] : [])], expected: sum.toString(), actual: budget.value.toString(), difference: budget.value.minus(sum).toString() });
    }
    // 2. 资金支出计划: the percentages from the plan row up to 绩效目标 never decrease and end at 100%.
    const planIdx = rows.findIndex((x) => x.texts.some((t) => /^资金支出计划/.test(t)));
    if (planIdx >= 0) {
      const plan: { v: Decimal; r: number; c: number }[] = [];
      for (let i = planIdx; i < rows.length && !(i > planIdx && rows[i].texts.some((t) => /^绩效目标$/.test(t))); i++)
        rows[i].cells.forEach((c, col) => {
          const p = percentOf(c);
          if (p) plan.push({ v: p, r: rows[i].r, c: col });
        });
      for (let i = 1; i < plan.length; i++)
        if (plan[i].v.lt(plan[i - 1].v))
          out.push({ rule: 'performance.plan', severity: 'error', message: `${name}：资金支出计划应逐期累计、不减少，${plan[i].v}% 小于前一期的 ${plan[i - 1].v}%`, ...at(plan[i].r, plan[i].c), cells: [at(plan[i - 1].r, plan[i - 1].c), at(plan[i].r, plan[i].c)] });
      const last = plan[plan.length - 1];
      if (last && !last.v.eq(100))
        out.push({ rule: 'performance.plan', severity: 'error', message: `${name}：资金支出计划最后一期应为 100%，实际为 ${last.v}%`, ...at(last.r, last.c), cells: [at(last.r, last.c)], expected: '100', actual: last.v.toString() });
    }
    // 3. 二级指标 under the right 一级指标 (一级 carried down over blank cells).
    const headIdx = rows.findIndex((x) => x.texts.includes('一级指标') && x.texts.includes('二级指标'));
    if (headIdx >= 0) {
      const c1 = rows[headIdx].texts.indexOf('一级指标');
      const c2 = rows[headIdx].texts.indexOf('二级指标');
      let level1 = '';
      for (const row of rows.slice(headIdx + 1)) {
        if (row.texts[c1]) level1 = row.texts[c1];
        const level2 = row.texts[c2];
        if (!level2 || !INDICATOR_LEVELS[level1]) continue;
        if (!INDICATOR_LEVELS[level1].includes(level2)) {
          const right = Object.entries(INDICATOR_LEVELS).find(([, v]) => v.includes(level2))?.[0];
          out.push({ rule: 'performance.indicator-level', severity: 'warning', message: `${name}：二级指标“${level2}”不属于一级指标“${level1}”${right ? `，应在“${right}”下` : ''}`, ...at(row.r, c2), cells: [at(row.r, c2)] });
        }
      }
    }
  }
  return out;
}
