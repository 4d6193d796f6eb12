/**
 * Builders for the nine standard table blocks in the published Hebei layout. Seed data (and the
 * templates) supply only the numbers; the shapes here follow the seeds in shared/seeds.
 */
import { classLabels } from './classes';
import type { TableBlock } from './types';

export interface Meta {
  department: string;
  year: number;
  unit: '万元' | '元';
}

const metaLine = (m: Meta): string[][] => [[`预算单位编码及名称：${m.department}`], [`预算年度：${m.year}`, '', '', `金额单位：${m.unit}`]];

const INCOME_ITEMS = [
  '一、一般公共预算拨款收入',
  '二、政府性基金预算拨款收入',
  '三、国有资本经营预算拨款收入',
  '四、财政专户管理资金收入',
  '五、事业收入',
  '六、事业单位经营收入',
  '七、上级补助收入',
  '八、附属单位上缴收入',
  '九、其他收入',
];

export interface SummaryData {
  income: string[]; // 9 items
  classes: Record<string, string>; // class code → amount
  incomeTotal: string;
  carryover: string;
  incomeGrand: string;
  expTotal: string;
  yearEnd: string;
  expGrand: string;
}

export function summaryBlock(m: Meta, d: SummaryData): TableBlock {
  const classes = classLabels(m.year);
  const n = Math.max(classes.length, INCOME_ITEMS.length);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++)
    rows.push([String(i + 1), INCOME_ITEMS[i] ?? '', d.income[i] ?? '', classes[i]?.label ?? '', classes[i] ? (d.classes[classes[i].code] ?? '') : '']);
  rows.push([String(n + 1), '本年收入合计', d.incomeTotal, '本年支出合计', d.expTotal]);
  rows.push([String(n + 2), '上年结转结余', d.carryover, '年终结转结余', d.yearEnd]);
  rows.push([String(n + 3), '收入总计', d.incomeGrand, '支出总计', d.expGrand]);
  return {
    id: 'income-expenditure-summary',
    title: '部门预算收支总表',
    meta: metaLine(m),
    header: [
      ['序号', '收入', '', '支出', ''],
      ['', '项 目', '预算数', '项 目', '预算数'],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 1, 2],
    ],
    columnNumbers: true,
    rows,
    amountCols: [2, 4],
    notes: [],
  };
}

export interface FiscalData {
  income: [string, string, string];
  classes: Record<string, [string, string, string, string]>; // total, general, fund, state
  incomeTotal: string;
  expTotal: [string, string, string, string];
  carry: [string, string, string];
  yearEnd: [string, string, string, string];
  incomeGrand: string;
  expGrand: [string, string, string, string];
}

export function fiscalBlock(m: Meta, d: FiscalData): TableBlock {
  const classes = classLabels(m.year);
  const inc = ['一、一般公共预算拨款', '二、政府性基金预算拨款', '三、国有资本经营预算拨款'];
  const rows: string[][] = [];
  classes.forEach((c, i) => rows.push([String(i + 1), inc[i] ?? '', i < 3 ? d.income[i] : '', c.label, ...(d.classes[c.code] ?? ['', '', '', ''])]));
  let k = classes.length;
  rows.push([String(++k), '本年收入合计', d.incomeTotal, '本年支出合计', ...d.expTotal]);
  rows.push([String(++k), '年初财政拨款结转和结余', '', '年末财政拨款结转和结余', ...d.yearEnd]);
  inc.forEach((label, i) => rows.push([String(++k), label, d.carry[i], '', '', '', '', '']));
  rows.push([String(++k), '收入总计', d.incomeGrand, '支出总计', ...d.expGrand]);
  return {
    id: 'fiscal-appropriation-summary',
    title: '部门预算财政拨款收支总表',
    meta: metaLine(m),
    header: [
      ['序号', '收入', '', '支出', '', '', '', ''],
      ['', '项 目', '金 额', '项 目', '合 计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 1, 5],
    ],
    columnNumbers: true,
    rows,
    amountCols: [2, 4, 5, 6, 7],
    notes: [],
  };
}

/** Body rows of a code table: [code, name, ...amounts]; a leading 合计 row uses code ''. */
export type CodeRows = string[][];

function withSeq(rows: CodeRows): string[][] {
  return rows.map((r, i) => [String(i + 1), ...r]);
}

export function incomeBlock(m: Meta, rows: CodeRows): TableBlock {
  return {
    id: 'income',
    title: '部门预算收入总表',
    meta: metaLine(m),
    header: [
      ['序号', '功能分类科目', '', '合计', '本年收入', '', '', '', '', '', '', '', '上年结转'],
      ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', ''],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 2, 1],
      [0, 4, 1, 8],
      [0, 12, 2, 1],
    ],
    columnNumbers: true,
    rows: withSeq(rows),
    amountCols: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    codeCol: 1,
    notes: [],
  };
}

export function expenditureBlock(m: Meta, rows: CodeRows): TableBlock {
  return {
    id: 'expenditure',
    title: '部门预算支出总表',
    meta: metaLine(m),
    header: [
      ['序号', '支出功能分类科目', '', '本年支出 合计', '基本支出', '项目支出', '经营支出', '上缴上级 支出', '对附属单位 补助支出'],
      ['', '科目编码', '科目名称', '', '', '', '', '', ''],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 2, 1],
      [0, 4, 2, 1],
      [0, 5, 2, 1],
      [0, 6, 2, 1],
      [0, 7, 2, 1],
      [0, 8, 2, 1],
    ],
    columnNumbers: true,
    rows: withSeq(rows),
    amountCols: [3, 4, 5, 6, 7, 8],
    codeCol: 1,
    notes: [],
  };
}

/** 一般公共预算支出表; split = 基本支出 shown as 小计/人员经费/公用经费. */
export function generalBlock(m: Meta, rows: CodeRows, split: boolean): TableBlock {
  if (split)
    return {
      id: 'general-budget-expenditure',
      title: '部门预算一般公共预算财政拨款支出表',
      meta: metaLine(m),
      header: [
        ['序号', '支出功能分类科目', '', '合计', '基本支出', '', '', '项目支出'],
        ['', '科目编码', '科目名称', '', '小计', '人员经费', '公用经费', ''],
      ],
      headerMerges: [
        [0, 0, 2, 1],
        [0, 1, 1, 2],
        [0, 3, 2, 1],
        [0, 4, 1, 3],
        [0, 7, 2, 1],
      ],
      columnNumbers: true,
      rows: withSeq(rows),
      amountCols: [3, 4, 5, 6, 7],
      codeCol: 1,
      notes: [],
    };
  return fundLikeBlock('general-budget-expenditure', '部门预算一般公共预算财政拨款支出表', m, rows, []);
}

export function basicBlock(m: Meta, rows: CodeRows): TableBlock {
  return {
    id: 'general-budget-basic-expenditure',
    title: '部门预算一般公共预算财政拨款基本支出表',
    meta: metaLine(m),
    header: [
      ['序号', '支出部门经济分类科目', '', '一般公共预算基本支出', '', ''],
      ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 1, 3],
    ],
    columnNumbers: true,
    rows: withSeq(rows),
    amountCols: [3, 4, 5],
    codeCol: 1,
    notes: [],
  };
}

export function fundLikeBlock(id: string, title: string, m: Meta, rows: CodeRows, notes: string[]): TableBlock {
  return {
    id,
    title,
    meta: metaLine(m),
    header: [
      ['序号', '支出功能分类科目', '', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '科目名称', '', '', ''],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [0, 3, 2, 1],
      [0, 4, 2, 1],
      [0, 5, 2, 1],
    ],
    columnNumbers: true,
    rows: withSeq(rows),
    amountCols: [3, 4, 5],
    codeCol: 1,
    notes,
  };
}

export interface ThreePublicData {
  /** [合计, 一般公共预算, 政府性基金, 国有资本] for each of the six rows. */
  total: string[];
  abroad: string[];
  vehicle: string[];
  purchase: string[];
  operation: string[];
  reception: string[];
  totalLabel?: string;
}

export function threePublicBlock(m: Meta, d: ThreePublicData): TableBlock {
  const rows = [
    ['1', d.totalLabel ?? '合计', ...d.total],
    ['2', '一、因公出国（境）费', ...d.abroad],
    ['3', '二、公务用车购置及运维费', ...d.vehicle],
    ['4', '其中：公务用车购置费', ...d.purchase],
    ['5', '公务用车运行维护费', ...d.operation],
    ['6', '三、公务接待费', ...d.reception],
  ];
  return {
    id: 'three-public-expenditure',
    title: '部门预算财政拨款“三公”经费支出表',
    meta: metaLine(m),
    header: [
      ['序号', '项 目', '资金性质', '', '', ''],
      ['', '', '合计', '一般公共预算 财政拨款', '政府性基金财政 拨款', '国有资本经营预算财 政拨款'],
    ],
    headerMerges: [
      [0, 0, 2, 1],
      [0, 1, 2, 1],
      [0, 2, 1, 4],
    ],
    columnNumbers: true,
    rows,
    amountCols: [2, 3, 4, 5],
    notes: [],
  };
}
