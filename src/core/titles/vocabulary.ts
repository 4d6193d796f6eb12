/**
 * The words a title combines, as data: which standard table each combination names whatever the province,
 * level (部门 / 单位 / 乡镇) or year, which words name another table, and which words say 决算.
 * Matched against a title's core (see normalise.ts): every `all` pattern must occur and no `none` pattern may;
 * of the tables whose words all occur, the one naming the most wins.
 */
import type { SchemaId } from '../schemas';

export interface TitleWords {
  schema: SchemaId;
  all: RegExp[];
  none?: RegExp[];
}

/** A summary, a total or a listing table, as titles name one: 总表, 预算表, 总体情况表, 情况表, 明细表 … */
const SUMMARY = /总表|预算表|总体情况表|情况表|总体表/;
/** Fund names that make a 收支 table a fund's own table (政府性基金收支预算表), not the department's 收支总表. */
const FUND = /一般公共预算|政府性?基金|国有资本/;

export const TITLE_WORDS: TitleWords[] = [
  { schema: 'fiscal-appropriation-summary', all: [/财政拨款/, /收支|收入支出/] },
  { schema: 'income-expenditure-summary', all: [/收支|收入支出/, SUMMARY], none: [/财政拨款/, FUND] },
  { schema: 'income', all: [/收入/, /总表|预算表|收入表|总体情况表|收入情况表/], none: [/支出|收支/, FUND, /非税|税收|财政专户|专户/] },
  {
    schema: 'expenditure',
    all: [/支出/, /总表|支出预算表|^(部门|单位|预算单位)?(预算)?支出(预算)?表|总体情况表|^(部门|单位|预算单位)?支出(预算)?情况表/],
    none: [/收入|收支|一般公共预算|政府性?基金|国有资本|三公|基本支出|项目支出|财政拨款|经济分类|功能分类/],
  },
  { schema: 'general-budget-basic-expenditure', all: [/基本支出/], none: [/收入|收支|政府性?基金|国有资本/] },
  { schema: 'government-fund-expenditure', all: [/政府性?基金/, /支出|拨款/], none: [/三公|收支|收入|基本支出/] },
  { schema: 'state-capital-expenditure', all: [/国有资本经营/, /支出|拨款/], none: [/三公|收支|收入|基本支出/] },
  { schema: 'general-budget-expenditure', all: [/一般公共预算/, /支出|拨款/], none: [/三公|收支|收入|基本支出|项目支出/] },
  // The 三公 table of 财政拨款 / 一般公共预算; a fund's own 三公 table (政府性基金预算“三公”经费支出预算表) is another.
  { schema: 'three-public-expenditure', all: [/三公/], none: [/政府性?基金|国有资本/] },
];

/**
 * Words that name a table other than the nine, whatever else the title says (checked before the words above,
 * so that 政府购买服务支出预算表 is never the 支出总表 and 一般公共预算财政拨款机关运行经费表 never the
 * 一般公共预算支出表). A 三公 title that also names 机关运行经费 stays the 三公 table.
 */
export const OTHER_TABLE_WORDS: { words: RegExp; unless?: RegExp }[] = [
  { words: /政府采购/ },
  { words: /政府购买服务|购买服务/ },
  { words: /转移支付|对下补助|对区|对县|对市/ },
  { words: /机关运行(经)?费/, unless: /三公/ },
  { words: /项目支出|专项(资金|经费|支出)|重点项目|项目(预算|明细|情况|资金)/ },
  { words: /绩效/ },
  { words: /资产|固定资产/ },
  { words: /机构设置|人员(编制|情况)|编制/ },
  { words: /(经济分类|经济科目)(汇总|明细)?/, unless: /基本支出/ },
  { words: /明细表$/, unless: /基本支出/ },
  { words: /政府(性)?债务|专项债|非税|收费|财政专户|专户/ },
  { words: /(收入|支出)预算(调整|执行)|预算调整|执行情况/ },
  { words: /对照表|对比表|变动(情况)?表|增减/ },
];

/** A 决算 title: the table of a final-accounts disclosure (部门决算公开), never a budget table. */
export const FINAL_WORDS = /决算/;

/** Any other title of a disclosure's table (e.g. 财政拨款支出预算明细表): listed as another table, never validated. */
export const BUDGET_TABLE_WORDS = /预算|收入|支出|经费|拨款|资产|采购/;

/** Titles that end otherwise than in 表 and still name another table of the disclosure. */
export const OTHER_NAMES_WITHOUT_TABLE: RegExp[] = [
  /政府采购(预算)?(表|明细表)?$/,
  /固定资产(占用)?情况表$/,
  /绩效目标表$/,
  // 部门整体绩效目标 (the 绩效文本's first part), its 部门整体支出绩效指标 table and the 申报表 forms.
  /(部门|单位)整体(支出)?绩效(目标|指标)(表|申报表)?$/,
  /机构设置(情况)?(表)?$/,
  /项目支出(预算)?(明细)?表$/,
  /决算/,
  /政府购买服务/,
];
