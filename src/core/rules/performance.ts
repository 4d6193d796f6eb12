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

/**
 * The two indicator frameworks in use: 产出 / 效益 / 满意度, and 产出 / 效果 (效果 holding the 效益 and 满意度 二级,
 * as seed 000 prints them).
 */
export const INDICATOR_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标', '满意度指标'],
  效果指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '满意度指标'],
};

/** What checkPerformanceTables learns of each project table (for the cross checks and for 生成说明 七). */
export interface ProjectTarget {
  sheet: string;
  name: string;
  /** 预算数 in 万元 (converted from 元 when the table says 单位：元). */
  budget?: Decimal;
  cell?: string;
}

/** A percentage cell: "70.00%" as text, or 0.7 with a % format. */
function percentOf(c: Cell | undefined): Decimal | undefined {
  if (!c || c.value === null) return undefined;
  if (typeof c.value === 'number' && /%/.test(c.numFmt ?? '')) return new Decimal(c.value).times(100);
  const m = /^(\d+(?:\.\d+)?)\s*[%％]$/.exec(squash(cellText(c)));
  return m ? new Decimal(m[1]) : undefined;
}

/** 项目绩效目标表 (not 部门整体绩效目标表, which has no single project's 预算数 and plan). */
export function isProjectTargetTable(title: string): boolean {
  const t = squash(title);
  return /绩效目标表$/.test(t) && !/部门整体/.test(t);
}

export function checkPerformanceTables(wb: Workbook, others: OtherTable[], projects: ProjectTarget[] = []): Finding[] {
  const out: Finding[] = [];
  for (const o of others) {
    if (!isProjectTargetTable(o.title)) continue;
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
    const yuan = rows.some((x) => x.texts.some((t) => /单位[:：]元$/.test(t)));
    projects.push({ sheet: o.sheet, name, budget: budget ? (yuan ? budget.value.div(10000) : budget.value) : undefined, cell: budget ? a1(budget.r, budget.c) : undefined });
    if (budget && fiscal) {
      const sum = fiscal.value.plus(other?.value ?? 0);
      if (!sum.eq(budget.value))
        out.push({ rule: 'performance.budget-sum', severity: 'error', message: `${name}：预算数 ${budget.value} 应等于财政资金 ${fiscal.value} + 其他资金 ${other?.value ?? 0} = ${sum}`, ...at(budget.r, budget.c), cells: [at(budget.r, budget.c), at(fiscal.r, fiscal.c), ...(other ? [at(other.r, other.c)] : [])], expected: sum.toString(), actual: budget.value.toString(), difference: budget.value.minus(sum).toString() });
    }
    // 2. 资金支出计划: the percentages from the plan row up to 绩效目标 never decrease and end at 100%.
    const planIdx = rows.findIndex((x) => x.texts.some((t) => /^资金支出计划/.test(t)));
    if (planIdx >= 0) {
      const plan: { v: Decimal; r: number; c: number }[] = [];
      const end = rows.findIndex((x, i) => i > planIdx && x.texts.some((t) => /^绩效目标$|^一级指标$/.test(t)));
      const region = rows.slice(planIdx, end < 0 ? rows.length : end);
      for (const row of region)
        row.cells.forEach((c, col) => {
          const p = percentOf(c);
          if (p) plan.push({ v: p, r: row.r, c: col });
        });
      // Printed without the % sign (seed 000: 30.00 / 60.00 / 90.00 / 100.00 under "资金支出计划（%）"): the
      // numbers of the plan rows, 0 to 100, blanks in early periods skipped.
      if (!plan.length)
        for (const row of region)
          row.cells.forEach((c, col) => {
            if (typeof c?.value !== 'number' && !/^\d+(\.\d+)?$/.test(row.texts[col] ?? '')) return;
            const p = parseAmount(c);
            if (!p.blank && !p.invalid && p.value.gte(0) && p.value.lte(100)) plan.push({ v: p.value, r: row.r, c: col });
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
      const c3 = rows[headIdx].texts.indexOf('三级指标');
      let level1 = '';
      let level1Row = -1;
      const thirds = new Map<string, { r: number; n: number }>();
      for (const row of rows.slice(headIdx + 1)) {
        if (row.texts[c1]) {
          level1 = row.texts[c1];
          level1Row = row.r;
          if (!INDICATOR_LEVELS[level1])
            out.push({ rule: 'performance.indicator-level', severity: 'warning', message: `${name}：一级指标“${level1}”不是常用的一级指标（产出 / 效益 / 满意度，或 产出 / 效果）`, ...at(row.r, c1), cells: [at(row.r, c1)] });
        }
        if (level1 && c3 >= 0) {
          const t = thirds.get(level1) ?? { r: level1Row, n: 0 };
          if (row.texts[c3]) t.n++;
          thirds.set(level1, t);
        }
        const level2 = row.texts[c2];
        if (!level2 || !INDICATOR_LEVELS[level1]) continue;
        if (!INDICATOR_LEVELS[level1].includes(level2)) {
          const right = Object.entries(INDICATOR_LEVELS).find(([, v]) => v.includes(level2))?.[0];
          out.push({ rule: 'performance.indicator-level', severity: 'warning', message: `${name}：二级指标“${level2}”不属于一级指标“${level1}”${right ? `，应在“${right}”下` : ''}`, ...at(row.r, c2), cells: [at(row.r, c2)] });
        }
      }
      // Only in a table whose indicators are being filled in (a blank template has none yet).
      const filled = [...thirds.values()].some((t) => t.n > 0);
      for (const [l1, t] of thirds)
        if (filled && t.n === 0)
          out.push({ rule: 'performance.indicator-level', severity: 'warning', message: `${name}：一级指标“${l1}”下没有三级指标`, ...at(t.r, c1), cells: [at(t.r, c1)] });
    }
  }
  return out;
}

/**
 * Across the project tables of one workbook: project names are unique; with the budget tables, the projects'
 * 预算数 together should not exceed the 项目支出 (a warning: not every project has to publish a table).
 */
export function checkProjectsAcross(projects: ProjectTarget[], projectSpending?: { value: Decimal; sheet?: string; cell?: string }): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, ProjectTarget>();
  for (const p of projects) {
    const k = squash(p.name).replace(/绩效目标表$/, '');
    const first = seen.get(k);
    if (first) out.push({ rule: 'performance.unique-name', severity: 'warning', message: `项目“${p.name}”的绩效目标表出现了不止一张（另见 ${first.sheet}）`, sheet: p.sheet, cell: p.cell ?? 'A1', cells: [{ sheet: p.sheet, cell: p.cell ?? 'A1' }] });
    else seen.set(k, p);
  }
  const withBudget = projects.filter((p) => p.budget);
  // Compared only when the budget tables carry 项目支出 (a template still being filled has none yet).
  if (projectSpending?.sheet && projectSpending.cell && !projectSpending.value.isZero() && withBudget.length) {
    const total = withBudget.reduce((a, p) => a.plus(p.budget!), new Decimal(0));
    if (total.gt(projectSpending.value.plus('0.005')))
      out.push({
        rule: 'performance.project-total', severity: 'warning',
        message: `${withBudget.length} 张项目绩效目标表的预算数合计 ${total.toFixed(2)}万元，多于支出表的项目支出 ${projectSpending.value.toFixed(2)}万元（${projectSpending.sheet}!${projectSpending.cell}）`,
        sheet: projectSpending.sheet, cell: projectSpending.cell, cells: [{ sheet: projectSpending.sheet, cell: projectSpending.cell }, ...withBudget.map((p) => ({ sheet: p.sheet, cell: p.cell! }))],
      });
  }
  return out;
}
