/**
 * The nine 决算 tables as blank blocks (final-accounts.md §1, the Shanghai 《部门决算模板》): 决算数 for 预算数,
 * 本年收入合计 without 上年结转, carry-over rows and columns, the basic-expenditure ledger in two columns with
 * 人员经费合计 / 公用经费合计, and 三公 with 预算数 | 决算数 for each item. Code tables keep the budget template's
 * 序号 | 科目编码 | 科目名称 columns, so the template machinery (names from the catalogue, sums by code) serves both.
 */
import { catalogueEntries } from '../catalogue';
import { classLabels } from './classes';
import type { TableBlock } from './types';

export interface FinalMeta {
  department: string;
  year: number;
  unit: '万元' | '元';
}

/** The 决算 tables carry only the unit; the department and year, labelled, so that they are read as such. */
const metaLine = (m: FinalMeta, width: number): string[][] => [
  [`编制单位：${m.department}`, ...Array(Math.max(0, width - 3)).fill(''), `${m.year}年度`, `单位：${m.unit}`],
];

const blank = (n: number) => Array.from({ length: n }, () => '');

export const FINAL_INCOME_LINES = [
  '一、一般公共预算财政拨款收入',
  '二、政府性基金预算财政拨款收入',
  '三、国有资本经营预算财政拨款收入',
  '四、上级补助收入',
  '五、事业收入',
  '六、经营收入',
  '七、附属单位上缴收入',
  '八、其他收入',
];

/** T1 收入支出决算总表: the eight income lines beside the classes, then the carry-over rows and both 总计. */
export function finalSummaryBlock(m: FinalMeta): TableBlock {
  const classes = classLabels(m.year);
  const n = Math.max(classes.length, FINAL_INCOME_LINES.length);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) rows.push([FINAL_INCOME_LINES[i] ?? '', '', classes[i]?.label ?? '', '']);
  rows.push(['本年收入合计', '', '本年支出合计', '']);
  rows.push(['使用非财政拨款结余', '', '结余分配', '']);
  rows.push(['年初结转和结余', '', '年末结转和结余', '']);
  rows.push(['总计', '', '总计', '']);
  return {
    id: 'income-expenditure-summary',
    title: '收入支出决算总表',
    meta: metaLine(m, 4),
    header: [
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
    ],
    headerMerges: [
      [0, 0, 1, 2],
      [0, 2, 1, 2],
    ],
    columnNumbers: false,
    rows,
    amountCols: [1, 3],
    notes: ['注：本表反映部门本年度的总收支和年末结转结余情况。'],
  };
}

/** A 决算 code table: 序号 | 科目编码 | 科目名称 | amounts, a 合计 row first and `inputRows` blank rows. */
function codeBlock(
  id: string,
  title: string,
  m: FinalMeta,
  header: string[][],
  headerMerges: TableBlock['headerMerges'],
  amounts: number,
  inputRows: number,
  notes: string[],
): TableBlock {
  const width = 3 + amounts;
  return {
    id,
    title,
    meta: metaLine(m, width),
    header,
    headerMerges,
    columnNumbers: false,
    rows: [['1', '', '合计', ...blank(amounts)], ...Array.from({ length: inputRows }, (_, i) => [String(i + 2), ...blank(width - 1)])],
    amountCols: Array.from({ length: amounts }, (_, i) => 3 + i),
    codeCol: 1,
    notes,
  };
}

export function finalIncomeBlock(m: FinalMeta, n: number): TableBlock {
  const cols = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  return codeBlock('income', '收入决算表', m, [['序号', '科目编码', '科目名称', ...cols]], [], cols.length, n, ['注：本表反映部门本年度取得的各项收入情况。']);
}

export function finalExpenditureBlock(m: FinalMeta, n: number): TableBlock {
  const cols = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
  return codeBlock('expenditure', '支出决算表', m, [['序号', '科目编码', '科目名称', ...cols]], [], cols.length, n, ['注：本表反映部门本年度各项支出情况。']);
}

export function finalGeneralBlock(m: FinalMeta, n: number): TableBlock {
  return codeBlock(
    'general-budget-expenditure',
    '一般公共预算财政拨款支出决算表',
    m,
    [['序号', '科目编码', '科目名称', '合计', '基本支出', '项目支出']],
    [],
    3,
    n,
    ['注：本表反映部门本年度一般公共预算财政拨款实际支出情况。'],
  );
}

/** T8 / T9: 年初结转和结余 | 本年收入 | 本年支出 (合计 | 基本支出 | 项目支出) | 年末结转和结余. */
export function finalFundBlock(id: 'government-fund-expenditure' | 'state-capital-expenditure', m: FinalMeta, n: number): TableBlock {
  const fund = id === 'government-fund-expenditure' ? '政府性基金预算' : '国有资本经营预算';
  return codeBlock(
    id,
    `${fund}财政拨款收入支出决算表`,
    m,
    [
      ['序号', '科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['', '', '', '', '', '合计', '基本支出', '项目支出', ''],
    ],
    [
      [0, 0, 2, 1],
      [0, 1, 2, 1],
      [0, 2, 2, 1],
      [0, 3, 2, 1],
      [0, 4, 2, 1],
      [0, 5, 1, 3],
      [0, 8, 2, 1],
    ],
    6,
    n,
    [`注：本表反映部门本年度${fund}财政拨款收入支出及结转和结余情况。`, `说明：无${fund}财政拨款收入和支出的，本表无数据。`],
  );
}

/** T6: the economic classes 301, 303 on the left, 302, 310 on the right, every 款 of the catalogue, then the two 合计. */
export function finalLedgerBlock(m: FinalMeta): { block: TableBlock; left: string[]; right: string[] } {
  const econ = catalogueEntries('economic');
  const side = (classes: string[]) =>
    classes.flatMap((c) => econ.filter(([code]) => code === c || (code.length === 5 && code.startsWith(c))).map(([code]) => code));
  const left = side(['301', '303']);
  const right = side(['302', '310']);
  const name = (code: string) => econ.find(([c]) => c === code)![1];
  const rows: string[][] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    rows.push([left[i] ?? '', left[i] ? name(left[i]) : '', '', right[i] ?? '', right[i] ? name(right[i]) : '', '']);
  rows.push(['人员经费合计', '', '', '公用经费合计', '', '']);
  return {
    block: {
      id: 'general-budget-basic-expenditure',
      title: '一般公共预算财政拨款基本支出决算表',
      meta: metaLine(m, 6),
      header: [['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数']],
      headerMerges: [],
      columnNumbers: false,
      rows,
      amountCols: [2, 5],
      notes: ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
    },
    left,
    right,
  };
}

/** T7: one data row, 预算数 | 决算数 for 合计, 因公出国（境）费, 公务用车 (小计, 购置费, 运行维护费) and 公务接待费. */
export function finalThreePublicBlock(m: FinalMeta): TableBlock {
  const pair = ['预算数', '决算数'];
  return {
    id: 'three-public-expenditure',
    title: '财政拨款“三公”经费支出决算表',
    meta: metaLine(m, 12),
    header: [
      ['财政拨款“三公”经费', ...blank(11)],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费', ''],
      ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行维护费', '', '', ''],
      [...pair, ...pair, ...pair, ...pair, ...pair, ...pair],
    ],
    headerMerges: [
      [0, 0, 1, 12],
      [1, 0, 2, 2],
      [1, 2, 2, 2],
      [1, 4, 1, 6],
      [2, 4, 1, 2],
      [2, 6, 1, 2],
      [2, 8, 1, 2],
      [1, 10, 2, 2],
    ],
    columnNumbers: false,
    rows: [blank(12)],
    amountCols: Array.from({ length: 12 }, (_, i) => i),
    notes: ['注：本表反映部门本年度“三公”经费支出预决算情况。'],
  };
}

export const FUND_LINES = ['一、一般公共预算财政拨款', '二、政府性基金预算财政拨款', '三、国有资本经营预算财政拨款'];

/** T4 财政拨款收入支出决算总表: the three fund lines, 年初财政拨款结转和结余 and its three lines again, both 总计. */
export function finalFiscalBlock(m: FinalMeta): TableBlock {
  const classes = classLabels(m.year);
  const rows: string[][] = classes.map((c, i) => [FUND_LINES[i] ?? '', '', c.label, '', '', '', '']);
  rows.push(['本年收入合计', '', '本年支出合计', '', '', '', '']);
  rows.push(['年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', '']);
  for (const l of FUND_LINES) rows.push([l, '', '', '', '', '', '']);
  rows.push(['总计', '', '总计', '', '', '', '']);
  return {
    id: 'fiscal-appropriation-summary',
    title: '财政拨款收入支出决算总表',
    meta: metaLine(m, 7),
    header: [
      ['收入', '', '支出', '', '', '', ''],
      ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ],
    headerMerges: [
      [0, 0, 1, 2],
      [0, 2, 1, 5],
    ],
    columnNumbers: false,
    rows,
    amountCols: [1, 3, 4, 5, 6],
    notes: ['注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。'],
  };
}

/** The 决算 sheets' names, as the Shanghai tables are numbered (三公 is table 7). */
export const FINAL_SHEET_NAMES: Record<string, string> = {
  'income-expenditure-summary': '1收入支出决算总表',
  income: '2收入决算表',
  expenditure: '3支出决算表',
  'fiscal-appropriation-summary': '4财政拨款收入支出决算总表',
  'general-budget-expenditure': '5一般公共预算财政拨款支出决算表',
  'general-budget-basic-expenditure': '6一般公共预算财政拨款基本支出决算表',
  'three-public-expenditure': '7财政拨款三公经费支出决算表',
  'government-fund-expenditure': '8政府性基金预算财政拨款收入支出决算表',
  'state-capital-expenditure': '9国有资本经营预算财政拨款收入支出决算表',
};
