/**
 * Template families: the titles one template prints for the nine tables, as data. A title whose core (see
 * normalise.ts) is one of these, after the level words 部门 / 单位 / 预算单位 / 本级 and a bare 预算 are set aside,
 * is that table whatever other words it carries; every other title goes to the words of vocabulary.ts.
 * Each family carries a real example and where it was seen; add a family, or a title to one, per province and year.
 */
import type { SchemaId } from '../schemas';

export interface TitleFamily {
  id: string;
  name: string;
  /** Where the family was seen: a real title as printed, with its disclosure. */
  seen: { example: string; where: string }[];
  titles: Partial<Record<SchemaId, string[]>>;
}

export const TITLE_FAMILIES: TitleFamily[] = [
  {
    id: 'hebei',
    name: '河北（部门预算 + 表名，九张表）',
    seen: [{ example: '部门预算收支总表', where: '河北 秦皇岛市工业和信息化局 2021年部门预算（seed 004）' }],
    titles: {
      'income-expenditure-summary': ['部门预算收支总表'],
      'fiscal-appropriation-summary': ['部门预算财政拨款收支总表'],
      income: ['部门预算收入总表'],
      expenditure: ['部门预算支出总表'],
      'general-budget-expenditure': ['部门预算一般公共预算财政拨款支出表'],
      'general-budget-basic-expenditure': ['部门预算一般公共预算财政拨款基本支出表'],
      'government-fund-expenditure': ['部门预算政府性基金预算财政拨款支出表'],
      'state-capital-expenditure': ['部门预算国有资本经营预算财政拨款支出表'],
      'three-public-expenditure': ['部门预算财政拨款“三公”经费支出表'],
    },
  },
  {
    id: 'shanghai',
    name: '上海（财务收支预算总表 … 功能分类预算表 / 经济分类预算表）',
    seen: [{ example: '2025年部门财务收支预算总表', where: '上海 普陀区万里街道 2025年部门预算' }],
    titles: {
      'income-expenditure-summary': ['财务收支预算总表'],
      'fiscal-appropriation-summary': ['财政拨款收支预算总表'],
      income: ['收入预算总表'],
      expenditure: ['支出预算总表'],
      'general-budget-expenditure': ['一般公共预算支出功能分类预算表'],
      'general-budget-basic-expenditure': ['一般公共预算基本支出部门预算经济分类预算表', '一般公共预算基本支出经济分类预算表'],
      'government-fund-expenditure': ['政府性基金预算支出功能分类预算表'],
      'state-capital-expenditure': ['国有资本经营预算支出功能分类预算表'],
      'three-public-expenditure': ['“三公”经费和机关运行经费预算表'],
    },
  },
  {
    id: 'overall-situation',
    name: '财政部统一格式（总体情况表 / 情况表：广西、甘肃、福建、湖南等）',
    seen: [
      { example: '一、部门收支总体情况表', where: '甘肃 兰州新区疾病预防控制中心 2025年部门预算（tests/corpus/titles）' },
      { example: '19、国有资本经营预算表', where: '湖南 武陵区人大 2024年部门预算（tests/corpus/titles）' },
    ],
    titles: {
      'income-expenditure-summary': ['收支总体情况表', '收支预算总体情况表'],
      income: ['收入总体情况表', '收入预算总体情况表'],
      expenditure: ['支出总体情况表', '支出预算总体情况表'],
      'fiscal-appropriation-summary': ['财政拨款收支总体情况表', '财政拨款收支预算总体情况表'],
      'general-budget-expenditure': ['一般公共预算支出情况表', '一般公共预算支出预算情况表'],
      'general-budget-basic-expenditure': ['一般公共预算基本支出情况表', '一般公共预算基本支出预算情况表'],
      'government-fund-expenditure': ['政府性基金预算支出情况表', '政府性基金支出情况表'],
      'state-capital-expenditure': ['国有资本经营预算支出情况表', '国有资本经营预算表'],
      'three-public-expenditure': ['一般公共预算“三公”经费支出情况表', '“三公”经费支出情况表'],
    },
  },
  {
    id: 'budget-summary',
    name: '收支预算总表 / 收入预算表 / 支出预算表（山东、广西等）',
    seen: [{ example: '2016 年收支预算总表 ( 功能分类科目 )', where: '山东 省民主党派 2017年部门预算目录' }],
    titles: {
      'income-expenditure-summary': ['收支预算总表', '收支总表'],
      income: ['收入预算表', '收入总表'],
      expenditure: ['支出预算表', '支出总表'],
      'fiscal-appropriation-summary': ['财政拨款收支预算表', '财政拨款收支总表'],
      'general-budget-expenditure': ['一般公共预算支出表', '一般公共预算支出预算表'],
      'general-budget-basic-expenditure': ['一般公共预算基本支出表', '一般公共预算基本支出预算表'],
      'government-fund-expenditure': ['政府性基金预算支出表', '政府性基金预算拨款支出预算表'],
      'state-capital-expenditure': ['国有资本经营预算支出表'],
      'three-public-expenditure': ['一般公共预算“三公”经费支出表', '财政拨款“三公”经费支出表'],
    },
  },
];

/** The form a family title and a printed core are compared in: level words and a bare 预算 set aside. */
export function familyKey(core: string): string {
  return core
    .replace(/[“”"'‘’]/g, '')
    .replace(/^(部门|单位|预算单位|本级|机关)+/, '')
    .replace(/一般公共预算/g, 'Ⓖ')
    .replace(/国有资本经营预算/g, 'Ⓢ')
    .replace(/政府性基金预算/g, 'Ⓕ')
    .replace(/预算/g, '');
}

let index: Map<string, { schema: SchemaId; families: string[] }> | undefined;

function familyIndex(): Map<string, { schema: SchemaId; families: string[] }> {
  if (!index) {
    index = new Map();
    for (const f of TITLE_FAMILIES)
      for (const [schema, titles] of Object.entries(f.titles) as [SchemaId, string[]][])
        for (const t of titles) {
          const key = familyKey(t);
          const e = index.get(key) ?? { schema, families: [] };
          e.families.push(f.id);
          index.set(key, e);
        }
  }
  return index;
}

/** The table a family title names, if the core is one. */
export function familyTitle(core: string): SchemaId | undefined {
  return familyIndex().get(familyKey(core))?.schema;
}

/** The families whose titles include this core (none for a title read by its words). */
export function familiesOf(core: string): string[] {
  return familyIndex().get(familyKey(core))?.families ?? [];
}
