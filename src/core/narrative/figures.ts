/**
 * The figures the explanation text talks about, taken from the mapped tables (in 万元), each with the cell it
 * comes from. Used both to write the text and to check a text someone wrote.
 */
import Decimal from 'decimal.js';
import { ZERO } from '../amount';
import { parseAmount } from '../amount';
import { refValue } from '../checks';
import { a1, cellText, type Workbook } from '../grid';
import type { OtherTable } from '../model';
import { squash, stripDepartmentCode } from '../text';
import type { AmountRef, MappedRow, MappedTable } from '../model';
import { byCode, item, totalRow } from '../rules/context';
import { checkPerformanceTables, DepartmentTarget, ProjectTarget } from '../rules/performance';
import type { SchemaId } from '../schemas';

export interface Figure {
  value: Decimal;
  sheet?: string;
  cell?: string;
  /** How the figure was derived when no table prints it (机关运行经费 taken as 公用经费). */
  assumed?: string;
}

export type FigureKey =
  | 'income'
  | 'general'
  | 'fund'
  | 'state'
  | 'special'
  | 'business'
  | 'operating'
  | 'superior'
  | 'affiliated'
  | 'otherIncome'
  | 'carryover'
  | 'expenditure'
  | 'basic'
  | 'personnel'
  | 'public'
  | 'project'
  | 'threeTotal'
  | 'abroad'
  | 'vehicle'
  | 'purchase'
  | 'operation'
  | 'reception'
  | 'procurement'
  | 'assets'
  /** 财政拨款收入 (一般公共预算 + 政府性基金 + 国有资本经营); the expenditure of each fund and of all 财政拨款. */
  | 'fiscalIncome'
  | 'generalExp'
  | 'fundExp'
  | 'stateExp'
  | 'fiscalExp'
  /** 机关运行经费: the published figure where a table carries one, else assumed = 公用经费 (see `assumed`). */
  | 'running'
  /** 决算: 收入支出总计 (the 收支决算总表's 总计, carry-over included) and 财政拨款收入支出总计 (the 财政拨款 总计). */
  | 'grandTotal'
  | 'fiscalTotal'
  /** 决算: the 一般公共预算财政拨款 基本支出 (the 一般公共预算支出决算表's 合计 row). */
  | 'generalBasic';

/** A 决算 一般公共预算 类, 款 or 项 (final-accounts.md TX6, TX8): its names from 类 down to it and its 支出决算. */
export interface FinalItem {
  code: string;
  level: 1 | 2 | 3;
  names: string[];
  total: Figure;
}

export interface Figures {
  year?: number;
  department?: string;
  /** 项目绩效目标表 of the workbook: how many, and their 预算数 together (万元). */
  performance?: {
    projects: number;
    total: Decimal;
    withBudget: number;
    /** The 部门整体绩效目标 found: its parts, 分项 items, 三级 indicators and 资金总额 (万元). */
    department?: { parts: string[]; items: number; indicators: number; funds?: Decimal };
  };
  values: Partial<Record<FigureKey, Figure>>;
  /** 决算 workbooks: the stage, the 三公 table's 预算数 (by the same keys) and the 一般公共预算 项. */
  stage?: 'final';
  budgets?: Partial<Record<FigureKey, Figure>>;
  items?: FinalItem[];
  /** Basic-table rows (economic 类 and 款) with their amounts: for 机关运行经费 and name lookups. */
  economic: { code: string; name: string; personnel: Decimal; public: Decimal; total: Decimal; sheet: string; cell: string }[];
  /** Tables present whose 合计 row has no amounts under its headings (MappedTable.totalMisplaced): there, not missing. */
  unreadTotals?: { schema: SchemaId; sheet: string; row: number; why: string }[];
}

/**
 * A basic-table row of `Figures.economic`. Its amounts are made when read (the text writer and checker read a
 * few; a validation, which extracts the figures for its cross-checks, reads none).
 */
class EconomicRow {
  readonly code: string;
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
  constructor(
    private readonly t: MappedTable,
    private readonly r: MappedRow,
  ) {
    this.code = r.code!;
    this.name = r.name;
    this.sheet = t.sheet;
    this.cell = a1(r.amounts.total.row, r.amounts.total.col);
  }
  get personnel(): Decimal {
    return refValue(this.t, this.r.amounts.personnel);
  }
  get public(): Decimal {
    return refValue(this.t, this.r.amounts.public);
  }
  get total(): Decimal {
    return refValue(this.t, this.r.amounts.total);
  }
}

function fig(t: MappedTable, ref: AmountRef | undefined): Figure | undefined {
  if (!ref) return undefined;
  return { value: refValue(t, ref), sheet: t.sheet, cell: a1(ref.row, ref.col) };
}

/** The table of the schema the figures come from: the first on a visible sheet, as the cross-table checks take. */
function first(tables: MappedTable[], id: SchemaId): MappedTable | undefined {
  return tables.find((t) => t.schema === id && !t.hidden) ?? tables.find((t) => t.schema === id);
}

export function extractFigures(tables: MappedTable[]): Figures {
  const v: Partial<Record<FigureKey, Figure>> = {};
  const set = (k: FigureKey, f: Figure | undefined) => {
    if (f && !v[k]) v[k] = f;
  };
  const summary = first(tables, 'income-expenditure-summary');
  if (summary) {
    const inc = (k: string) => fig(summary, item(summary, k, 'in')?.amounts['in.amount']);
    set('income', inc('income-total'));
    const map: [FigureKey, string][] = [
      ['general', 'general'],
      ['fund', 'fund'],
      ['state', 'state'],
      ['special', 'special'],
      ['business', 'business'],
      ['operating', 'operating'],
      ['superior', 'superior'],
      ['affiliated', 'affiliated'],
      ['otherIncome', 'other'],
      ['carryover', 'carryover'],
    ];
    for (const [k, i] of map) set(k, inc(i));
    set('expenditure', fig(summary, item(summary, 'exp-total', 'out')?.amounts['out.total']));
  }
  const income = first(tables, 'income');
  const it = income && totalRow(income);
  if (income && it) {
    set('income', fig(income, it.amounts.subtotal ?? it.amounts.total));
    set('carryover', fig(income, it.amounts.carryover));
  }
  const exp = first(tables, 'expenditure');
  const et = exp && totalRow(exp);
  if (exp && et) {
    set('expenditure', fig(exp, et.amounts.total));
    set('basic', fig(exp, et.amounts.basic));
    set('project', fig(exp, et.amounts.project));
  }
  const gen = first(tables, 'general-budget-expenditure');
  const gt = gen && totalRow(gen);
  if (gen && gt) {
    set('basic', fig(gen, gt.amounts.basic));
    set('personnel', fig(gen, gt.amounts.personnel));
    set('public', fig(gen, gt.amounts.public));
    set('project', fig(gen, gt.amounts.project));
  }
  const basic = first(tables, 'general-budget-basic-expenditure');
  const bt = basic && totalRow(basic);
  const economic: Figures['economic'] = [];
  if (basic && bt) {
    set('basic', fig(basic, bt.amounts.total));
    set('personnel', fig(basic, bt.amounts.personnel));
    set('public', fig(basic, bt.amounts.public));
    for (const r of basic.rows) if (r.kind === 'code' && r.amounts.total) economic.push(new EconomicRow(basic, r));
  }
  const tp = first(tables, 'three-public-expenditure');
  if (tp) {
    const col = tp.columns.some((c) => c.role === 'general') ? 'general' : 'total';
    const get = (k: string) => fig(tp, item(tp, k)?.amounts[col]);
    set('threeTotal', get('total'));
    set('abroad', get('abroad'));
    set('vehicle', get('vehicle'));
    set('purchase', get('purchase'));
    set('operation', get('operation'));
    set('reception', get('reception'));
  }
  if (tp?.figures.running) set('running', fig(tp, tp.figures.running));
  else if (v.public)
    set('running', { ...v.public, assumed: '表中没有单列机关运行经费，按公用经费核对（机关运行经费是行政单位和参公事业单位的公用经费；事业单位可能没有）' });
  // Fund-specific figures: each fund's own table (an empty table counts as 0), else the fiscal summary's column.
  const fiscal = first(tables, 'fiscal-appropriation-summary');
  const fiscalOut = (role: string) => fiscal && fig(fiscal, item(fiscal, 'exp-grand', 'out')?.amounts[role]);
  const tableTotal = (id: SchemaId): Figure | undefined => {
    const t = first(tables, id);
    if (!t) return undefined;
    const tr = totalRow(t);
    if (tr?.amounts.total) return fig(t, tr.amounts.total);
    return t.rows.some((r) => r.kind === 'code') ? undefined : { value: ZERO, sheet: t.sheet, cell: a1(t.range.top, t.range.left) };
  };
  set('generalExp', tableTotal('general-budget-expenditure') ?? fiscalOut('out.general'));
  set('fundExp', tableTotal('government-fund-expenditure') ?? fiscalOut('out.fund'));
  set('stateExp', tableTotal('state-capital-expenditure') ?? fiscalOut('out.state'));
  set('fiscalExp', fiscalOut('out.total'));
  if (summary) {
    const fi = item(summary, 'fiscal', 'in');
    if (fi) set('fiscalIncome', fig(summary, fi.amounts['in.amount']));
    else if (v.general) {
      const parts = [v.general, v.fund, v.state].filter((x): x is Figure => !!x);
      set('fiscalIncome', { value: parts.reduce((a, b) => a.plus(b.value), ZERO), sheet: v.general.sheet, cell: v.general.cell });
    }
  }
  const years = tables.map((t) => t.year).filter((y): y is number => !!y);
  const out: Figures = { year: years[0], department: tables.find((t) => t.department)?.department, values: v, economic };
  const unread = [...new Set(tables.map((t) => t.schema))].map((id) => first(tables, id)!).filter((t) => t.totalMisplaced);
  if (unread.length) out.unreadTotals = unread.map((t) => ({ schema: t.schema, sheet: t.sheet, row: t.totalMisplaced!.row, why: t.totalMisplaced!.why }));
  if (tables.some((t) => t.def.stage === 'final')) finalFigures(tables, out);
  return out;
}

/**
 * What a 决算 text talks about besides the budget's figures (final-accounts.md §4): 收入支出总计 and 财政拨款收入支出总计
 * (the summaries' 总计), 人员经费合计 / 公用经费合计 of the basic ledger, the 三公 预算数, and each 一般公共预算 项.
 */
function finalFigures(tables: MappedTable[], f: Figures): void {
  f.stage = 'final';
  const v = f.values;
  const summary = first(tables, 'income-expenditure-summary');
  if (summary) v.grandTotal ??= fig(summary, item(summary, 'income-grand', 'in')?.amounts['in.amount']);
  const fiscal = first(tables, 'fiscal-appropriation-summary');
  if (fiscal) v.fiscalTotal ??= fig(fiscal, item(fiscal, 'income-grand', 'in')?.amounts['in.amount']);
  const ledger = first(tables, 'general-budget-basic-expenditure');
  if (ledger) {
    v.personnel ??= fig(ledger, item(ledger, 'personnel-total')?.amounts.total);
    v.public ??= fig(ledger, item(ledger, 'public-total')?.amounts.total);
    for (const r of ledger.rows) if (r.kind === 'code' && r.amounts.total) f.economic.push(new EconomicRow(ledger, r));
    if (!v.running || v.running.assumed)
      v.running = v.public && {
        ...v.public,
        assumed: '表中没有单列机关运行经费，按公用经费合计核对（机关运行经费是行政单位和参公事业单位的公用经费；事业单位可能没有）',
      };
  }
  const tp = first(tables, 'three-public-expenditure');
  if (tp) {
    // An empty 三公 table (header and 说明 only) says 0 of each.
    if (!tp.rows.some((r) => r.item)) v.threeTotal ??= { value: ZERO, sheet: tp.sheet, cell: a1(tp.range.top, tp.range.left) };
    f.budgets = { threeTotal: { value: ZERO, sheet: tp.sheet, cell: a1(tp.range.top, tp.range.left) } };
    for (const [k, key] of [
      ['threeTotal', 'total'],
      ['abroad', 'abroad'],
      ['vehicle', 'vehicle'],
      ['purchase', 'purchase'],
      ['operation', 'operation'],
      ['reception', 'reception'],
    ] as const) {
      const row = item(tp, key);
      const b = row ? (fig(tp, row.amounts.budget) ?? { value: ZERO, sheet: tp.sheet, cell: a1(row.row, row.labelCol ?? tp.range.left) }) : undefined;
      if (b) f.budgets[k] = b;
    }
  }
  const gen = first(tables, 'general-budget-expenditure');
  const gt = gen && totalRow(gen);
  if (gen && gt) v.generalBasic ??= fig(gen, gt.amounts.basic);
  if (gen) {
    const codes = byCode(gen);
    f.items = gen.rows
      .filter((r) => r.kind === 'code' && r.level && r.amounts.total)
      .map((r) => ({
        code: r.code!,
        level: r.level!,
        names: [r.code!.slice(0, 3), r.code!.slice(0, 5), r.code!].slice(0, r.level).map((c) => codes.get(c)?.name ?? ''),
        total: fig(gen, r.amounts.total)!,
      }));
  }
}

/**
 * 政府采购预算 合计 and 固定资产 资产总额 from the optional tables (detected as "other" tables): the first amount
 * on the 合计 row, the last amount on the 资产总额 row; 元 converted to 万元 when the table says so.
 */
export function addOtherTableFigures(
  f: Figures,
  wb: Workbook,
  others: OtherTable[],
  read?: { projects: ProjectTarget[]; departments: DepartmentTarget[] },
): Figures {
  // The 绩效 tables as checkPerformanceTables read them (validate passes what it read; others read them here).
  let got = read;
  if (!got) checkPerformanceTables(wb, others, (got = { projects: [], departments: [] }).projects, got.departments);
  const { projects, departments } = got;
  if (projects.length || departments.length)
    f.performance = {
      projects: projects.length,
      withBudget: projects.filter((p) => p.budget).length,
      total: projects.reduce((a, p) => a.plus(p.budget ?? ZERO), ZERO),
      department: departments.find((d) => d.parts.length || d.indicators) && {
        parts: [...new Set(departments.flatMap((d) => d.parts))],
        items: departments.reduce((n, d) => n + d.items, 0),
        indicators: departments.reduce((n, d) => n + d.indicators, 0),
        funds: departments.find((d) => d.funds)?.funds?.value,
      },
    };
  for (const o of others) {
    const sheet = wb.sheets.find((s) => s.name === o.sheet);
    if (!sheet) continue;
    const procurement = /政府采购/.test(o.title);
    const assets = /固定资产/.test(o.title);
    if (!procurement && !assets) continue;
    let yuan = false;
    for (let r = o.range.top; r <= o.range.bottom; r++) {
      const row = sheet.rows[r] ?? [];
      const texts = row.map((c) => cellText(c));
      if (texts.some((t) => /单位[:：]\s*元/.test(squash(t)))) yuan = true;
      const first = squash(texts.find((t) => t) ?? '');
      if (!(procurement ? /^合计$/.test(first) : /^资产总额/.test(first))) continue;
      const amounts = row.map((c, col) => ({ p: parseAmount(c), col })).filter((x) => !x.p.blank && !x.p.invalid);
      const pick = procurement ? amounts[0] : amounts[amounts.length - 1];
      const key: FigureKey = procurement ? 'procurement' : 'assets';
      // A 合计 row with nothing in it is an empty table: 0万元, said as "无…", never "找不到合计行".
      if (!f.values[key])
        f.values[key] = pick
          ? { value: yuan ? pick.p.value.div(10000) : pick.p.value, sheet: o.sheet, cell: a1(r, pick.col) }
          : { value: ZERO, sheet: o.sheet, cell: a1(r, o.range.left) };
      break;
    }
  }
  return f;
}

/**
 * Figures implausible for their unit: an asset total or a procurement budget hundreds of times the whole year's
 * expenditure is almost always a 元 figure typed under a 万元 heading (资产 856766.73万元 for a small office).
 */
export function plausibilityWarnings(f: Figures): { message: string; sheet?: string; cell?: string }[] {
  const out: { message: string; sheet?: string; cell?: string }[] = [];
  const exp = f.values.expenditure?.value ?? f.values.income?.value;
  if (!exp || exp.isZero()) return out;
  for (const [k, label, times] of [
    ['assets', '资产总额', 100],
    ['procurement', '政府采购预算', 10],
  ] as const) {
    const v = f.values[k];
    if (!v || v.value.lte(exp.times(times))) continue;
    out.push({
      sheet: v.sheet,
      cell: v.cell,
      message: `${label} ${v.value.toFixed(2)}万元（${v.sheet}!${v.cell}）是本年支出总额 ${exp.toFixed(2)}万元的 ${v.value.div(exp).toFixed(0)} 倍，可能把以“元”为单位的数字填在了“万元”表中，请核对金额单位`,
    });
  }
  return out;
}

/**
 * Why a workbook cannot be last year's for this one: its budget year must be the year before, its department
 * the same (a 2021 file taken as 上年 for 2021 writes "与上年持平" everywhere). Empty when it fits.
 */
export function priorMismatch(current: Figures, prior: Figures): string[] {
  const out: string[] = [];
  const kind = (f: Figures) => (f.stage === 'final' ? '决算' : '预算');
  if (kind(current) !== kind(prior)) out.push(`上年工作簿是部门${kind(prior)}公开表，本年的是${kind(current)}：请提供同一种公开的上年工作簿`);
  if (current.year && prior.year && prior.year !== current.year - 1)
    out.push(`上年工作簿的预算年度为 ${prior.year} 年，而本年为 ${current.year} 年：上年应为 ${current.year - 1} 年`);
  if (current.year && !prior.year) out.push('上年工作簿中没有注明预算年度，无法确认是上一年的预算');
  const norm = (d?: string) => stripDepartmentCode(d ?? '').replace(/\s+/g, '');
  if (current.department && prior.department && norm(current.department) !== norm(prior.department))
    out.push(`上年工作簿的单位为“${prior.department}”，本年为“${current.department}”`);
  return out;
}
