/**
 * The nine standard tables as data: how to recognise the title, which column is which role,
 * which row formulas hold. Detection, rules, reports and templates all read these definitions.
 */
import type { CodeKind } from './catalogue';

export type SchemaId =
  | 'income-expenditure-summary'
  | 'income'
  | 'expenditure'
  | 'fiscal-appropriation-summary'
  | 'general-budget-expenditure'
  | 'general-budget-basic-expenditure'
  | 'government-fund-expenditure'
  | 'state-capital-expenditure'
  | 'three-public-expenditure';

export type SchemaShape = 'code' | 'two-sided' | 'three-public';

/** Which disclosure a table belongs to: the budget (预算) or the final accounts (决算). */
export type SchemaStage = 'budget' | 'final';

/** How a header path (top → leaf, spaces removed) maps to a column role. */
export interface ColumnRule {
  role: string;
  label: string;
  /** Matched against the leaf header text. */
  leaf: RegExp;
  /** When given, some header above the leaf must match too. */
  parent?: RegExp;
}

export interface RowFormula {
  rule: string;
  target: string;
  parts: string[];
  /** Apply only when all of these roles are mapped (default: target and at least one part). */
  requires?: string[];
  /** Do not apply when any of these roles is mapped. */
  unless?: string[];
  describe: string;
}

export interface SchemaDef {
  id: SchemaId;
  title: string;
  shape: SchemaShape;
  codeKind?: CodeKind;
  columns: ColumnRule[];
  rowFormulas: RowFormula[];
  /** Deepest code level the disclosure shows (function 项 = 3, economic 款 = 2). */
  depth?: 1 | 2 | 3;
  /** Absent: a budget table. */
  stage?: 'final';
  /**
   * The 决算 basic-expenditure table's layout: (编码, 名称, 决算数) printed twice side by side, with the labelled
   * 人员经费合计 / 公用经费合计 cells at the bottom instead of a 合计 row (final-accounts.md T6).
   */
  ledger?: boolean;
}

const TOTAL: ColumnRule = { role: 'total', label: '合计', leaf: /^(本年支出)?合计$|^总计$|^合计数?$/ };

const FUNCTION_ROW_TABLE = (id: SchemaId, title: string): SchemaDef => ({
  id,
  title,
  shape: 'code',
  codeKind: 'function',
  depth: 3,
  columns: [
    TOTAL,
    { role: 'basic', label: '基本支出', leaf: /^基本支出$/ },
    { role: 'basic', label: '基本支出', leaf: /^小计$/, parent: /基本支出/ },
    { role: 'personnel', label: '人员经费', leaf: /人员经费/ },
    { role: 'public', label: '公用经费', leaf: /公用经费/ },
    { role: 'project', label: '项目支出', leaf: /^项目支出$/ },
  ],
  rowFormulas: [
    { rule: 'row.general-total', target: 'total', parts: ['basic', 'project'], requires: ['total', 'basic'], describe: '基本支出 + 项目支出' },
    {
      rule: 'row.general-total',
      target: 'total',
      parts: ['personnel', 'public', 'project'],
      requires: ['total', 'personnel'],
      unless: ['basic'],
      describe: '人员经费 + 公用经费 + 项目支出',
    },
    { rule: 'row.general-basic', target: 'basic', parts: ['personnel', 'public'], requires: ['basic', 'personnel', 'public'], describe: '人员经费 + 公用经费' },
  ],
});

export const SCHEMAS: SchemaDef[] = [
  {
    id: 'fiscal-appropriation-summary',
    title: '部门预算财政拨款收支总表',
    shape: 'two-sided',
    columns: [
      { role: 'out.total', label: '合计', leaf: /^(合计|预算数|金额)$/ },
      { role: 'out.general', label: '一般公共预算财政拨款', leaf: /一般公共预算/ },
      { role: 'out.fund', label: '政府性基金预算财政拨款', leaf: /政府性?基金/ },
      { role: 'out.state', label: '国有资本经营预算财政拨款', leaf: /国有资本/ },
    ],
    rowFormulas: [
      {
        rule: 'row.fiscal-total',
        target: 'out.total',
        parts: ['out.general', 'out.fund', 'out.state'],
        describe: '一般公共预算 + 政府性基金 + 国有资本经营预算',
      },
    ],
  },
  {
    id: 'income-expenditure-summary',
    title: '部门预算收支总表',
    shape: 'two-sided',
    columns: [
      { role: 'out.total', label: '预算数', leaf: /^(合计|预算数|金额)$/ },
      // A 单位预算's summary (Shanghai) splits the expenditure side: 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出.
      { role: 'out.basic', label: '基本支出', leaf: /^基本支出$/ },
      { role: 'out.basic', label: '基本支出', leaf: /^小计$/, parent: /基本支出/ },
      { role: 'out.personnel', label: '人员经费', leaf: /人员经费/ },
      { role: 'out.public', label: '公用经费', leaf: /公用经费/ },
      { role: 'out.project', label: '项目支出', leaf: /^项目支出$/ },
    ],
    rowFormulas: [
      {
        rule: 'row.summary-total',
        target: 'out.total',
        parts: ['out.basic', 'out.project'],
        requires: ['out.total', 'out.basic'],
        describe: '基本支出 + 项目支出',
      },
      {
        rule: 'row.summary-total',
        target: 'out.total',
        parts: ['out.personnel', 'out.public', 'out.project'],
        requires: ['out.total', 'out.personnel'],
        unless: ['out.basic'],
        describe: '人员经费 + 公用经费 + 项目支出',
      },
      {
        rule: 'row.summary-basic',
        target: 'out.basic',
        parts: ['out.personnel', 'out.public'],
        requires: ['out.basic', 'out.personnel', 'out.public'],
        describe: '人员经费 + 公用经费',
      },
    ],
  },
  {
    id: 'income',
    title: '部门预算收入总表',
    shape: 'code',
    codeKind: 'function',
    depth: 3,
    columns: [
      { role: 'total', label: '合计', leaf: /^(收入)?合计$|^总计$/ },
      { role: 'subtotal', label: '本年收入小计', leaf: /^小计$/, parent: /本年收入/ },
      { role: 'subtotal', label: '本年收入小计', leaf: /^本年收入(小计|合计)?$/ },
      { role: 'fiscal', label: '财政拨款收入', leaf: /财政拨款/ },
      { role: 'special', label: '财政专户收入', leaf: /财政专户/ },
      { role: 'operating', label: '经营收入', leaf: /经营收入/ },
      { role: 'business', label: '事业收入', leaf: /^事业收入$/ },
      { role: 'superior', label: '上级补助收入', leaf: /上级补助/ },
      { role: 'affiliated', label: '附属单位上缴收入', leaf: /附属单位/ },
      { role: 'other', label: '其他收入', leaf: /其他收入/ },
      { role: 'carryover', label: '上年结转', leaf: /上年结转/ },
    ],
    rowFormulas: [
      { rule: 'row.income-total', target: 'total', parts: ['subtotal', 'carryover'], requires: ['total', 'subtotal'], describe: '本年收入小计 + 上年结转' },
      {
        rule: 'row.income-total',
        target: 'total',
        parts: ['fiscal', 'special', 'business', 'operating', 'superior', 'affiliated', 'other', 'carryover'],
        requires: ['total', 'fiscal'],
        unless: ['subtotal'],
        describe: '各项收入 + 上年结转',
      },
      {
        rule: 'row.income-subtotal',
        target: 'subtotal',
        parts: ['fiscal', 'special', 'business', 'operating', 'superior', 'affiliated', 'other'],
        describe: '各项本年收入之和',
      },
    ],
  },
  {
    id: 'expenditure',
    title: '部门预算支出总表',
    shape: 'code',
    codeKind: 'function',
    depth: 3,
    columns: [
      TOTAL,
      { role: 'basic', label: '基本支出', leaf: /^基本支出$/ },
      { role: 'project', label: '项目支出', leaf: /^项目支出$/ },
      { role: 'operating', label: '经营支出', leaf: /经营支出/ },
      { role: 'remit', label: '上缴上级支出', leaf: /上[缴解]上级/ },
      { role: 'subsidy', label: '对附属单位补助支出', leaf: /对附属单位/ },
    ],
    rowFormulas: [
      {
        rule: 'row.expenditure-total',
        target: 'total',
        parts: ['basic', 'project', 'operating', 'remit', 'subsidy'],
        describe: '基本支出 + 项目支出 + 经营支出 + 上缴上级支出 + 对附属单位补助支出',
      },
    ],
  },
  {
    id: 'general-budget-basic-expenditure',
    title: '部门预算一般公共预算财政拨款基本支出表',
    shape: 'code',
    codeKind: 'economic',
    depth: 2,
    columns: [TOTAL, { role: 'personnel', label: '人员经费', leaf: /人员经费/ }, { role: 'public', label: '公用经费', leaf: /公用经费/ }],
    rowFormulas: [{ rule: 'row.basic-total', target: 'total', parts: ['personnel', 'public'], describe: '人员经费 + 公用经费' }],
  },
  FUNCTION_ROW_TABLE('government-fund-expenditure', '部门预算政府性基金预算财政拨款支出表'),
  FUNCTION_ROW_TABLE('state-capital-expenditure', '部门预算国有资本经营预算财政拨款支出表'),
  FUNCTION_ROW_TABLE('general-budget-expenditure', '部门预算一般公共预算财政拨款支出表'),
  {
    id: 'three-public-expenditure',
    title: '部门预算财政拨款“三公”经费支出表',
    shape: 'three-public',
    columns: [
      TOTAL,
      { role: 'general', label: '一般公共预算财政拨款', leaf: /一般公共预算/ },
      { role: 'fund', label: '政府性基金财政拨款', leaf: /政府性?基金/ },
      { role: 'state', label: '国有资本经营预算财政拨款', leaf: /国有资本/ },
    ],
    rowFormulas: [
      { rule: 'row.three-public-funds', target: 'total', parts: ['general', 'fund', 'state'], describe: '一般公共预算 + 政府性基金 + 国有资本经营预算' },
    ],
  },
];

export function schemaById(id: SchemaId, stage: SchemaStage = 'budget'): SchemaDef {
  const s = (stage === 'final' ? FINAL_SCHEMAS : SCHEMAS).find((x) => x.id === id);
  if (!s) throw new Error(`unknown schema ${id}`);
  return s;
}

const FISCAL: ColumnRule = { role: 'fiscal', label: '财政拨款收入', leaf: /财政拨款/ };
const INCOME_SOURCES: ColumnRule[] = [
  FISCAL,
  { role: 'superior', label: '上级补助收入', leaf: /上级补助/ },
  { role: 'business', label: '事业收入', leaf: /^事业收入$/ },
  { role: 'operating', label: '经营收入', leaf: /经营收入/ },
  { role: 'affiliated', label: '附属单位上缴收入', leaf: /附属单位/ },
  { role: 'other', label: '其他收入', leaf: /其他收入/ },
];

/** 决算 政府性基金 / 国有资本经营 tables: 年初结转和结余 | 本年收入 | 本年支出 (合计 | 基本 | 项目) | 年末结转和结余. */
const FINAL_FUND_TABLE = (id: SchemaId, title: string): SchemaDef => ({
  id,
  title,
  stage: 'final',
  shape: 'code',
  codeKind: 'function',
  depth: 3,
  columns: [
    { role: 'carry-begin', label: '年初结转和结余', leaf: /^年初结转和?结余$/ },
    { role: 'income', label: '本年收入', leaf: /^本年收入(合计)?$/ },
    { role: 'total', label: '本年支出合计', leaf: /^(小计|合计)$/, parent: /本年支出/ },
    { role: 'total', label: '本年支出合计', leaf: /^本年支出(合计|小计)?$/ },
    { role: 'basic', label: '基本支出', leaf: /^基本支出$/ },
    { role: 'project', label: '项目支出', leaf: /^项目支出$/ },
    { role: 'carry-end', label: '年末结转和结余', leaf: /^年末结转和?结余$/ },
  ],
  rowFormulas: [{ rule: 'row.general-total', target: 'total', parts: ['basic', 'project'], requires: ['total', 'basic'], describe: '基本支出 + 项目支出' }],
});

/**
 * The nine 决算 tables (final-accounts.md §1): the budget roles with the columns a final-accounts table prints —
 * 决算数 for 预算数, 本年收入合计 without 上年结转, carry-over columns in the fund tables, 预算数 | 决算数 pairs in 三公.
 */
export const FINAL_SCHEMAS: SchemaDef[] = [
  {
    id: 'income-expenditure-summary',
    title: '收入支出决算总表',
    stage: 'final',
    shape: 'two-sided',
    columns: [{ role: 'out.total', label: '决算数', leaf: /^(决算数|合计|金额)$/ }],
    rowFormulas: [],
  },
  {
    id: 'income',
    title: '收入决算表',
    stage: 'final',
    shape: 'code',
    codeKind: 'function',
    depth: 3,
    columns: [{ role: 'total', label: '本年收入合计', leaf: /^(本年收入)?合计$|^总计$/ }, ...INCOME_SOURCES],
    rowFormulas: [{ rule: 'row.income-total', target: 'total', parts: INCOME_SOURCES.map((c) => c.role), describe: '各项本年收入之和' }],
  },
  { ...schemaById('expenditure'), title: '支出决算表', stage: 'final' },
  {
    ...schemaById('fiscal-appropriation-summary'),
    title: '财政拨款收入支出决算总表',
    stage: 'final',
    columns: [{ role: 'out.total', label: '合计', leaf: /^(合计|决算数|金额)$/ }, ...schemaById('fiscal-appropriation-summary').columns.slice(1)],
  },
  {
    id: 'general-budget-expenditure',
    title: '一般公共预算财政拨款支出决算表',
    stage: 'final',
    shape: 'code',
    codeKind: 'function',
    depth: 3,
    columns: [TOTAL, { role: 'basic', label: '基本支出', leaf: /^基本支出$/ }, { role: 'project', label: '项目支出', leaf: /^项目支出$/ }],
    rowFormulas: [{ rule: 'row.general-total', target: 'total', parts: ['basic', 'project'], requires: ['total', 'basic'], describe: '基本支出 + 项目支出' }],
  },
  {
    id: 'general-budget-basic-expenditure',
    title: '一般公共预算财政拨款基本支出决算表',
    stage: 'final',
    shape: 'code',
    codeKind: 'economic',
    depth: 2,
    ledger: true,
    columns: [{ role: 'total', label: '决算数', leaf: /^(决算数|金额|合计)$/ }],
    rowFormulas: [],
  },
  {
    id: 'three-public-expenditure',
    title: '财政拨款“三公”经费支出决算表',
    stage: 'final',
    shape: 'three-public',
    columns: [
      { role: 'budget', label: '预算数', leaf: /^(年初)?预算数$/ },
      { role: 'total', label: '决算数', leaf: /^决算数$/ },
    ],
    rowFormulas: [],
  },
  FINAL_FUND_TABLE('government-fund-expenditure', '政府性基金预算财政拨款收入支出决算表'),
  FINAL_FUND_TABLE('state-capital-expenditure', '国有资本经营预算财政拨款收入支出决算表'),
];

/** Items of the income side of the two summary tables, matched on the label without its "一、" prefix. */
export const INCOME_ITEMS: { key: string; label: string; match: RegExp }[] = [
  { key: 'income-total', label: '本年收入合计', match: /^本年收入合计$/ },
  { key: 'income-grand', label: '收入总计', match: /^收入总计$/ },
  { key: 'carryover', label: '上年结转结余', match: /^(上年结转|年初)/ },
  { key: 'fiscal', label: '财政拨款收入', match: /^财政拨款(收入)?$/ },
  { key: 'general', label: '一般公共预算拨款收入', match: /^一般公共预算/ },
  { key: 'fund', label: '政府性基金预算拨款收入', match: /^政府性?基金/ },
  { key: 'state', label: '国有资本经营预算拨款收入', match: /^国有资本/ },
  { key: 'special', label: '财政专户管理资金收入', match: /财政专户/ },
  { key: 'operating', label: '事业单位经营收入', match: /经营收入$/ },
  { key: 'business', label: '事业收入', match: /^事业收入$/ },
  { key: 'superior', label: '上级补助收入', match: /^上级补助/ },
  { key: 'affiliated', label: '附属单位上缴收入', match: /^附属单位/ },
  { key: 'other', label: '其他收入', match: /^其他收入$/ },
];

export const EXPENDITURE_ITEMS: { key: string; label: string; match: RegExp }[] = [
  { key: 'exp-total', label: '本年支出合计', match: /^本年支出合计$/ },
  { key: 'exp-grand', label: '支出总计', match: /^支出总计$/ },
  { key: 'year-end', label: '年终结转结余', match: /^(年终|年末)/ },
];

/**
 * The 决算 summaries' items (final-accounts.md T1, T4): both grand totals are a plain "总计", the income side adds
 * 使用非财政拨款结余 and the expenditure side 结余分配; 年初/年末 (财政拨款) 结转和结余 are the carry-over lines.
 */
export const FINAL_INCOME_ITEMS: { key: string; label: string; match: RegExp }[] = [
  { key: 'income-total', label: '本年收入合计', match: /^本年收入合计$/ },
  { key: 'income-grand', label: '总计', match: /^(收入)?总计$/ },
  { key: 'nonfiscal-use', label: '使用非财政拨款结余', match: /^使用非财政拨款结余/ },
  { key: 'carryover', label: '年初结转和结余', match: /^(年初|上年结转)/ },
  ...INCOME_ITEMS.filter((i) => !['income-total', 'income-grand', 'carryover'].includes(i.key)),
];

export const FINAL_EXPENDITURE_ITEMS: { key: string; label: string; match: RegExp }[] = [
  { key: 'exp-total', label: '本年支出合计', match: /^本年支出合计$/ },
  { key: 'exp-grand', label: '总计', match: /^(支出)?总计$/ },
  { key: 'year-end', label: '年末结转和结余', match: /^(年末|年终)/ },
  { key: 'distribution', label: '结余分配', match: /^结余分配/ },
];

/**
 * 三公 table printed horizontally (Shanghai and others): one data row, the items as columns, sometimes with a
 * 机关运行经费 column beside them. Header leaf (and its parents) → item key; tested in order.
 */
export const THREE_PUBLIC_COLUMNS: { key: string; leaf: RegExp; parent?: RegExp }[] = [
  { key: 'running', leaf: /机关运行经费/ },
  { key: 'vehicle', leaf: /^小计$/, parent: /公务用车|购置及运/ },
  { key: 'purchase', leaf: /购置费$/, parent: /公务用车|购置及运/ },
  { key: 'operation', leaf: /运行(维护)?费$/, parent: /公务用车|购置及运/ },
  { key: 'vehicle', leaf: /购置及运/ },
  { key: 'purchase', leaf: /公务用车购置费$/ },
  { key: 'operation', leaf: /公务用车运行(维护)?费$/ },
  { key: 'abroad', leaf: /因公出国/ },
  { key: 'reception', leaf: /公务接待/ },
  { key: 'total', leaf: /^(合计|总计|小计)$|三公经费(合计|小计)?$/ },
];

/** 三公 table rows, tested in order. */
export const THREE_PUBLIC_ITEMS: { key: string; label: string; match: RegExp }[] = [
  { key: 'total', label: '“三公”经费合计', match: /^(合计|总计|三公经费(小计|合计))$/ },
  { key: 'abroad', label: '因公出国（境）费', match: /因公出国/ },
  { key: 'vehicle', label: '公务用车购置及运行维护费', match: /购置及运/ },
  { key: 'purchase', label: '公务用车购置费', match: /公务用车购置费?$/ },
  { key: 'operation', label: '公务用车运行维护费', match: /公务用车运行(维护)?费$/ },
  { key: 'reception', label: '公务接待费', match: /公务接待/ },
];
