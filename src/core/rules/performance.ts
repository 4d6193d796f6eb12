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

/** 部门整体绩效目标 (text with its three parts, a 部门整体支出绩效指标 table, or a 部门整体绩效目标表). */
export function isDepartmentTargetTable(title: string): boolean {
  return /(部门|单位)整体(支出)?绩效(目标|指标)/.test(squash(title));
}

/** The 绩效 tables this version checks (the reports list them as checked). */
export function isCheckedPerformanceTable(title: string): boolean {
  return isProjectTargetTable(title) || isDepartmentTargetTable(title);
}

/** What checkPerformanceTables learns of a 部门整体绩效目标 (for 生成说明 七 and the cross check). */
export interface DepartmentTarget {
  sheet: string;
  title: string;
  /** Its parts found, in order: 总体绩效目标, 分项绩效目标, 工作保障措施. */
  parts: string[];
  /** How many 分项绩效目标 items. */
  items: number;
  /** 三级 indicators of its indicator table. */
  indicators: number;
  /** 资金总额 (万元) where the table states one. */
  funds?: { value: Decimal; sheet: string; cell: string };
}

const DEPARTMENT_PARTS: { name: string; heading: RegExp }[] = [
  { name: '总体绩效目标', heading: /^[一二三四五六七八九十（(\d]*[)）、.．]?\s*(部门)?(年度)?总体(绩效)?目标[:：]?$/ },
  { name: '分项绩效目标', heading: /^[一二三四五六七八九十（(\d]*[)）、.．]?\s*分项绩效目标[:：]?$/ },
  { name: '工作保障措施', heading: /^[一二三四五六七八九十（(\d]*[)）、.．]?\s*(工作)?保障措施[:：]?$/ },
];

/**
 * 部门整体绩效目标: its three parts (总体绩效目标, 分项绩效目标, 工作保障措施) present and not empty (as a text, where
 * any of them is a heading); in a 分项 list that states "绩效目标：" and "绩效指标：" for its items, every item
 * states both; its indicator table as the project tables' (short names such as 部门产出 / 数量 accepted); 资金总额 =
 * 财政拨款 + 其他资金 where a table states them.
 */
function checkDepartmentTarget(rows: Rows, title: string, at: At, into: DepartmentTarget[], sheet: string): Finding[] {
  const out: Finding[] = [];
  const name = title.replace(/^(第[一二三四五]部分|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*/, '');
  const lines = rows
    .map((x) => {
      const c = x.texts.findIndex((t) => !!t);
      // A form puts the content beside its label ("总体绩效目标 | …"): the rest of the row.
      return { r: x.r, c, text: c >= 0 ? x.texts[c] : '', rest: c >= 0 ? x.texts.slice(c + 1).filter((t) => !!t) : [] };
    })
    .filter((x) => x.text);
  const heads = DEPARTMENT_PARTS.map((p) => ({ ...p, at: lines.findIndex((l) => p.heading.test(l.text)) }));
  const rec: DepartmentTarget = { sheet, title: name, parts: heads.filter((h) => h.at >= 0).map((h) => h.name), items: 0, indicators: 0 };
  const bodyOf = (h: (typeof heads)[number]) => {
    const next = heads.filter((x) => x.at > h.at).map((x) => x.at);
    const below = lines.slice(h.at + 1, next.length ? Math.min(...next) : lines.length).filter((l) => !/^第[一二三四五]部分/.test(l.text));
    // Below the parts comes the indicator table, if any: it is not the last part's content.
    const table = below.findIndex((l) => l.text === '一级指标' || l.rest.includes('二级指标'));
    const own = table >= 0 ? below.slice(0, table) : below;
    return [...lines[h.at].rest.map((t) => ({ ...lines[h.at], text: t, rest: [] })), ...own];
  };
  // A blank form (a template not yet filled in) is not reported part by part.
  const blank = heads.every((h) => h.at < 0 || !bodyOf(h).length);
  if (rec.parts.length && !blank) {
    const titleAt = at(
      rows[0].r,
      Math.max(
        0,
        rows[0].texts.findIndex((t) => !!t),
      ),
    );
    for (const h of heads) {
      if (h.at < 0) {
        out.push({ rule: 'performance.department-part', severity: 'warning', message: `${name}缺少“${h.name}”部分`, ...titleAt, cells: [titleAt] });
        continue;
      }
      const body = bodyOf(h);
      const here = at(lines[h.at].r, lines[h.at].c);
      if (!body.length)
        out.push({ rule: 'performance.department-part', severity: 'warning', message: `${name}的“${h.name}”下没有内容`, ...here, cells: [here] });
      if (h.name !== '分项绩效目标') continue;
      // 分项 items: "（一）…", "1、…"; with "绩效目标：" / "绩效指标：" lines when the list uses them.
      const items: { l: (typeof lines)[number]; goal: boolean; indicator: boolean }[] = [];
      for (const l of body) {
        if (/^[（(][一二三四五六七八九十]+[)）]|^\d+[、.．]/.test(l.text) && !/^(绩效目标|绩效指标)/.test(l.text))
          items.push({ l, goal: false, indicator: false });
        else if (items.length && /^绩效目标\s*[:：]/.test(l.text)) items[items.length - 1].goal = true;
        else if (items.length && /^绩效指标\s*[:：]/.test(l.text)) items[items.length - 1].indicator = true;
      }
      rec.items = items.length;
      const labelled = items.some((x) => x.goal || x.indicator);
      if (labelled)
        for (const x of items)
          if (!x.goal || !x.indicator) {
            const c = at(x.l.r, x.l.c);
            out.push({
              rule: 'performance.department-part',
              severity: 'warning',
              message: `${name}：分项“${x.l.text.slice(0, 20)}…”没有写明${!x.goal && !x.indicator ? '绩效目标和绩效指标' : !x.goal ? '绩效目标' : '绩效指标'}`,
              ...c,
              cells: [c],
            });
          }
    }
  }
  const indicators = checkIndicators(rows, name, at);
  out.push(...indicators.findings);
  rec.indicators = indicators.indicators;
  // 资金总额 = 财政拨款 + 其他资金 (a 部门整体绩效目标表 / 申报表).
  const after = (label: RegExp) => amountAfter(rows, label);
  const total = after(/^(年度)?(资金|预算)总额$|^部门预算总额$/);
  const fiscal = after(/^(其中[:：])?财政(拨款|资金)$/);
  const other = after(/^其他资金$/);
  const yuan = rows.some((x) => x.texts.some((t) => /单位[:：]元$/.test(t)));
  if (total) {
    rec.funds = { value: yuan ? total.value.div(10000) : total.value, sheet, cell: at(total.r, total.c).cell };
    if (fiscal) {
      const sum = fiscal.value.plus(other?.value ?? 0);
      if (!sum.eq(total.value))
        out.push({
          rule: 'performance.budget-sum',
          severity: 'error',
          message: `${name}：资金总额 ${total.value} 应等于财政拨款 ${fiscal.value} + 其他资金 ${other?.value ?? 0} = ${sum}`,
          ...at(total.r, total.c),
          cells: [at(total.r, total.c), at(fiscal.r, fiscal.c), ...(other ? [at(other.r, other.c)] : [])],
          expected: sum.toString(),
          actual: total.value.toString(),
          difference: total.value.minus(sum).toString(),
        });
    }
  }
  into.push(rec);
  return out;
}

/**
 * With the budget tables: a 部门整体绩效目标's 资金总额 is the department's budget (支出总表 本年支出合计); a difference
 * is a warning (a 申报表 may count only 财政拨款).
 */
export function checkDepartmentAcross(departments: DepartmentTarget[], expenditure?: { value: Decimal; sheet?: string; cell?: string }): Finding[] {
  const out: Finding[] = [];
  if (!expenditure?.sheet || !expenditure.cell || expenditure.value.isZero()) return out;
  for (const d of departments) {
    if (!d.funds || d.funds.value.minus(expenditure.value).abs().lte('0.005')) continue;
    out.push({
      rule: 'performance.department-funds',
      severity: 'warning',
      message: `${d.title}的资金总额 ${d.funds.value.toFixed(2)}万元，与支出表的本年支出合计 ${expenditure.value.toFixed(2)}万元（${expenditure.sheet}!${expenditure.cell}）不一致`,
      sheet: d.funds.sheet,
      cell: d.funds.cell,
      cells: [
        { sheet: d.funds.sheet, cell: d.funds.cell },
        { sheet: expenditure.sheet, cell: expenditure.cell },
      ],
    });
  }
  return out;
}

/** 项目绩效目标表 (not 部门整体绩效目标表, which has no single project's 预算数 and plan). */
export function isProjectTargetTable(title: string): boolean {
  const t = squash(title);
  return /绩效目标表$/.test(t) && !/部门整体/.test(t);
}

type Rows = { r: number; cells: (Cell | undefined)[]; texts: string[] }[];

/** The first amount right of a label ("预算数 | 10.96"), stopping at text that is not an amount. */
function amountAfter(rows: Rows, label: RegExp): { value: Decimal; r: number; c: number } | undefined {
  for (const row of rows)
    for (let c = 0; c < row.texts.length; c++)
      if (label.test(row.texts[c]))
        for (let d = c + 1; d < row.cells.length; d++) {
          const p = parseAmount(row.cells[d]);
          if (!p.blank && !p.invalid) return { value: p.value, r: row.r, c: d };
          if (row.texts[d] && p.invalid) break;
        }
  return undefined;
}
type At = (r: number, c: number) => { sheet: string; cell: string };

/** "部门产出" → 产出指标, "社会\n效益" → 社会效益指标, "满意度" → 满意度指标: the 部门整体 table's short names. */
export function levelName(text: string): string {
  const t = squash(text).replace(/^(部门|单位)/, '');
  return !t || /指标$/.test(t) ? t : `${t}指标`;
}

/** A 指标值 that compares (a qualitative one — “达到省市要求标准” — need not carry a number). */
const COMPARISON = /^[≥≤=<>＞＜≧≦]/;

/**
 * The indicator part of a 绩效目标 table: each 二级 under its 一级 (一级 carried down over blank cells), each 一级 with
 * a 三级; 指标值 well-formed (a comparison needs a number; a percentage over 100 is questioned); a 成本 or 数量
 * indicator stated in 万元 (元 in a 元 table) above the project's 预算数 is a warning.
 */
function checkIndicators(rows: Rows, name: string, at: At, budget?: Decimal): { findings: Finding[]; indicators: number } {
  const out: Finding[] = [];
  const headIdx = rows.findIndex((x) => x.texts.includes('一级指标') && x.texts.some((t) => /^二级指标$/.test(t)));
  if (headIdx < 0) return { findings: out, indicators: 0 };
  const head = rows[headIdx].texts;
  const c1 = head.indexOf('一级指标');
  const c2 = head.findIndex((t) => t === '二级指标');
  const c3 = head.findIndex((t) => t === '三级指标');
  const cv = head.indexOf('指标值');
  // 指标值 printed as 符号 | 值 | 单位 on a second header row (seed 003's 部门整体支出绩效指标).
  const sub = rows[headIdx + 1]?.texts ?? [];
  const split = cv >= 0 && sub[cv] === '符号' ? { sym: cv, val: cv + 1, unit: cv + 2 } : undefined;
  let level1 = '';
  let level1Row = -1;
  /** The 二级 a row is under (carried down over blank cells, as 一级 is). */
  let carried2 = '';
  const thirds = new Map<string, { r: number; n: number }>();
  for (const row of rows.slice(headIdx + (split ? 2 : 1))) {
    if (row.texts[c1]) {
      level1 = levelName(row.texts[c1]);
      level1Row = row.r;
      if (!INDICATOR_LEVELS[level1])
        out.push({
          rule: 'performance.indicator-level',
          severity: 'warning',
          message: `${name}：一级指标“${row.texts[c1]}”不是常用的一级指标（产出 / 效益 / 满意度，或 产出 / 效果）`,
          ...at(row.r, c1),
          cells: [at(row.r, c1)],
        });
    }
    if (level1 && c3 >= 0) {
      const t = thirds.get(level1) ?? { r: level1Row, n: 0 };
      if (row.texts[c3]) t.n++;
      thirds.set(level1, t);
    }
    const level2 = row.texts[c2] ? levelName(row.texts[c2]) : '';
    if (level2) carried2 = level2;
    if (level2 && INDICATOR_LEVELS[level1] && !INDICATOR_LEVELS[level1].includes(level2)) {
      const right = Object.entries(INDICATOR_LEVELS).find(([, v]) => v.includes(level2))?.[0];
      out.push({
        rule: 'performance.indicator-level',
        severity: 'warning',
        message: `${name}：二级指标“${row.texts[c2]}”不属于一级指标“${level1}”${right ? `，应在“${right}”下` : ''}`,
        ...at(row.r, c2),
        cells: [at(row.r, c2)],
      });
    }
    if (cv < 0 || (c3 >= 0 && !row.texts[c3])) continue;
    // 指标值: one cell ("≥95%", "100", "10.96万元") or 符号 | 值 | 单位.
    const symbol = split ? row.texts[split.sym] : '';
    const valueText = split ? `${row.texts[split.val]}${row.texts[split.unit]}` : row.texts[cv];
    const where = at(row.r, split ? split.val : cv);
    if (split ? COMPARISON.test(symbol) && !/^\d+(\.\d+)?$/.test(row.texts[split.val]) : COMPARISON.test(valueText) && !/\d/.test(valueText)) {
      out.push({
        rule: 'performance.indicator-value',
        severity: 'error',
        message: `${name}：“${row.texts[c3] || row.texts[c2]}”的指标值“${split ? symbol + (row.texts[split.val] ?? '') : valueText}”缺少数值`,
        ...where,
        cells: [where],
      });
      continue;
    }
    const pct = /(\d+(?:\.\d+)?)\s*[%％]$/.exec(valueText);
    if (
      pct &&
      new Decimal(pct[1]).gt(100) &&
      !/^[≤<＜≦]|不超过|不高于|小于/.test(split ? symbol : valueText) &&
      !/增长|提高|增幅|同比|超/.test(row.texts[c3] ?? '')
    )
      out.push({
        rule: 'performance.indicator-value',
        severity: 'warning',
        message: `${name}：“${row.texts[c3]}”的指标值为 ${pct[1]}%，超过 100%，请核对`,
        ...where,
        cells: [where],
      });
    const money = /(\d+(?:\.\d+)?)\s*(万元|元)$/.exec(valueText);
    if (money && budget && /成本|数量/.test(carried2)) {
      const v = new Decimal(money[1]).div(money[2] === '元' ? 10000 : 1);
      if (v.gt(budget))
        out.push({
          rule: 'performance.indicator-budget',
          severity: 'warning',
          message: `${name}：“${row.texts[c3]}”的指标值 ${valueText} 超过项目预算数 ${budget.toFixed(2)}万元，请核对`,
          ...where,
          cells: [where],
        });
    }
  }
  // Only in a table whose indicators are being filled in (a blank template has none yet).
  const filled = [...thirds.values()].some((t) => t.n > 0);
  for (const [l1, t] of thirds)
    if (filled && t.n === 0)
      out.push({
        rule: 'performance.indicator-level',
        severity: 'warning',
        message: `${name}：一级指标“${l1}”下没有三级指标`,
        ...at(t.r, c1),
        cells: [at(t.r, c1)],
      });
  return { findings: out, indicators: [...thirds.values()].reduce((n, t) => n + t.n, 0) };
}

export function checkPerformanceTables(wb: Workbook, others: OtherTable[], projects: ProjectTarget[] = [], departments: DepartmentTarget[] = []): Finding[] {
  const out: Finding[] = [];
  for (const o of others) {
    const department = isDepartmentTargetTable(o.title);
    if (!department && !isProjectTargetTable(o.title)) continue;
    const sheet = wb.sheets.find((s) => s.name === o.sheet);
    if (!sheet) continue;
    const rows: { r: number; cells: (Cell | undefined)[]; texts: string[] }[] = [];
    for (let r = o.range.top; r <= o.range.bottom; r++) {
      const cells = sheet.rows[r] ?? [];
      rows.push({ r, cells, texts: Array.from(cells, (c) => squash(cellText(c))) });
    }
    const name = o.title.replace(/^\d+[.、．]\s*/, '');
    const at = (r: number, c: number) => ({ sheet: o.sheet, cell: a1(r, c) });
    if (department) {
      out.push(...checkDepartmentTarget(rows, o.title, at, departments, o.sheet));
      continue;
    }
    // 1. 预算数 = 财政资金 + 其他资金 (each the first number right of its label).
    const after = (label: RegExp) => amountAfter(rows, label);
    const budget = after(/^预算数$/);
    const fiscal = after(/财政资金$/);
    const other = after(/^其他资金$/);
    const yuan = rows.some((x) => x.texts.some((t) => /单位[:：]元$/.test(t)));
    projects.push({
      sheet: o.sheet,
      name,
      budget: budget ? (yuan ? budget.value.div(10000) : budget.value) : undefined,
      cell: budget ? a1(budget.r, budget.c) : undefined,
    });
    if (budget && fiscal) {
      const sum = fiscal.value.plus(other?.value ?? 0);
      if (!sum.eq(budget.value))
        out.push({
          rule: 'performance.budget-sum',
          severity: 'error',
          message: `${name}：预算数 ${budget.value} 应等于财政资金 ${fiscal.value} + 其他资金 ${other?.value ?? 0} = ${sum}`,
          ...at(budget.r, budget.c),
          cells: [at(budget.r, budget.c), at(fiscal.r, fiscal.c), ...(other ? [at(other.r, other.c)] : [])],
          expected: sum.toString(),
          actual: budget.value.toString(),
          difference: budget.value.minus(sum).toString(),
        });
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
          out.push({
            rule: 'performance.plan',
            severity: 'error',
            message: `${name}：资金支出计划应逐期累计、不减少，${plan[i].v}% 小于前一期的 ${plan[i - 1].v}%`,
            ...at(plan[i].r, plan[i].c),
            cells: [at(plan[i - 1].r, plan[i - 1].c), at(plan[i].r, plan[i].c)],
          });
      const last = plan[plan.length - 1];
      if (last && !last.v.eq(100))
        out.push({
          rule: 'performance.plan',
          severity: 'error',
          message: `${name}：资金支出计划最后一期应为 100%，实际为 ${last.v}%`,
          ...at(last.r, last.c),
          cells: [at(last.r, last.c)],
          expected: '100',
          actual: last.v.toString(),
        });
    }
    // 3. 二级指标 under the right 一级指标; 4. 指标值 well-formed; 5. a 成本 / 数量 figure in 万元 within 预算数.
    out.push(...checkIndicators(rows, name, at, budget ? (yuan ? budget.value.div(10000) : budget.value) : undefined).findings);
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
    if (first)
      out.push({
        rule: 'performance.unique-name',
        severity: 'warning',
        message: `项目“${p.name}”的绩效目标表出现了不止一张（另见 ${first.sheet}）`,
        sheet: p.sheet,
        cell: p.cell ?? 'A1',
        cells: [{ sheet: p.sheet, cell: p.cell ?? 'A1' }],
      });
    else seen.set(k, p);
  }
  const withBudget = projects.filter((p) => p.budget);
  // Compared only when the budget tables carry 项目支出 (a template still being filled has none yet).
  if (projectSpending?.sheet && projectSpending.cell && !projectSpending.value.isZero() && withBudget.length) {
    const total = withBudget.reduce((a, p) => a.plus(p.budget!), new Decimal(0));
    if (total.gt(projectSpending.value.plus('0.005')))
      out.push({
        rule: 'performance.project-total',
        severity: 'warning',
        message: `${withBudget.length} 张项目绩效目标表的预算数合计 ${total.toFixed(2)}万元，多于支出表的项目支出 ${projectSpending.value.toFixed(2)}万元（${projectSpending.sheet}!${projectSpending.cell}）`,
        sheet: projectSpending.sheet,
        cell: projectSpending.cell,
        cells: [{ sheet: projectSpending.sheet, cell: projectSpending.cell }, ...withBudget.map((p) => ({ sheet: p.sheet, cell: p.cell! }))],
      });
  }
  return out;
}
