/**
 * Which table a printed title names. The title is first normalised (numbering, 《》, year, department and
 * qualifiers set aside), then:
 *  1. a 决算 title is a final-accounts table, never a budget one (its role is kept for the stage decision);
 *  2. a title of a template family (families.ts) is that family's table;
 *  3. a title that names another table (政府采购, 政府购买服务, 转移支付, 机关运行经费, 经济分类汇总 …) is `other`,
 *     even when its columns would look like a standard table's;
 *  4. otherwise the words it combines decide (vocabulary.ts); a part of a table, or a function table said to be
 *     classified by economic codes, is another table;
 *  5. any other title of a budget table is `other`; text that is no title is undefined.
 */
import { remember } from '../collections';
import { SCHEMAS, SchemaDef, SchemaId } from '../schemas';
import { squash } from '../text';
import { familyTitle } from './families';
import { readTitle, TitleParts } from './normalise';
import { BUDGET_TABLE_WORDS, FINAL_WORDS, OTHER_NAMES_WITHOUT_TABLE, OTHER_TABLE_WORDS, TITLE_WORDS } from './vocabulary';

export interface TitleMatch {
  readonly schema?: SchemaDef;
  readonly other?: boolean;
  /** A 决算 title: the table of a final-accounts disclosure. */
  readonly stage?: 'final';
  /** For a 决算 title, the role its budget counterpart has. */
  readonly role?: SchemaId;
}

const MAX_TITLE_LEN = 60;
const OTHER: TitleMatch = Object.freeze({ other: true });

/** Memo: a batch's workbooks repeat the same titles (frozen results, shared by every caller). */
const memo = new Map<string, TitleMatch | null>();

export function matchTitle(text: string): TitleMatch | undefined {
  let m = memo.get(text);
  if (m === undefined) m = remember(memo, text, matchTitleText(text) ?? null, 10_000);
  return m ?? undefined;
}

/** Title text without numbering, 《》, quotes, year, department or qualifiers (for messages and tests). */
export function cleanTitle(text: string): string {
  return readTitle(text).core;
}

function matchTitleText(text: string): TitleMatch | undefined {
  const raw = squash(text);
  if (!raw || raw.length > MAX_TITLE_LEN) return undefined;
  let parts = readTitle(text);
  if (!parts.core || /[，。；]|^(注|说明|备注)|空表/.test(parts.core)) return undefined;
  if (!/表$/.test(parts.core)) {
    // A listed title without 表 (广西: "七、财政拨款“三公”经费…支出情况"; 甘肃: "九、一般公共预算机关运行经费").
    if (parts.listed && /情况$/.test(parts.core)) parts = { ...parts, core: `${parts.core}表` };
    // Only a line that reads like a table's name: "6、无形资产" in an assets table or "一、总体绩效目标" in a 绩效
    // text are rows and headings, not titles.
    else if (parts.listed && namesAnotherTable(parts.core) && /(预算|决算|拨款).{0,12}(经费|支出|收入)$/.test(parts.core)) return OTHER;
    else return OTHER_NAMES_WITHOUT_TABLE.some((p) => p.test(parts.core)) ? OTHER : undefined;
  }
  const t = parts.core;
  if (FINAL_WORDS.test(t) || parts.qualifiers.some((q) => FINAL_WORDS.test(q)))
    return Object.freeze({ other: true, stage: 'final' as const, role: finalRole(parts) });
  const schema = standardTable(parts);
  if (schema) return Object.freeze({ schema: SCHEMAS.find((s) => s.id === schema)! });
  if ((BUDGET_TABLE_WORDS.test(t) && t.length >= 5) || namesAnotherTable(t)) return OTHER;
  return OTHER_NAMES_WITHOUT_TABLE.some((p) => p.test(t)) ? OTHER : undefined;
}

/**
 * The standard table a title names in a 决算 disclosure: 政府性基金 / 国有资本经营 titles are their fund's 收入支出
 * table (final-accounts.md T8, T9); 一般公共预算财政拨款收入支出决算表 (Yunnan) is the 一般公共预算 table, not the
 * 财政拨款 summary; any other as its budget counterpart.
 */
function finalRole(parts: TitleParts): SchemaId | undefined {
  const t = parts.core;
  if (/政府性?基金/.test(t)) return 'government-fund-expenditure';
  if (/国有资本/.test(t)) return 'state-capital-expenditure';
  if (/一般公共预算/.test(t) && /收入支出/.test(t) && !/总表|基本支出/.test(t)) return 'general-budget-expenditure';
  return standardTable({ ...parts, core: t.replace(/决算/g, '预算') });
}

/** finalRole of a title's text: detection's 决算 pass reads a title that matched as a budget table as a 决算 one. */
export function finalRoleOf(text: string): SchemaId | undefined {
  return finalRole(readTitle(text));
}

function standardTable(parts: TitleParts): SchemaId | undefined {
  const t = parts.core;
  let id = familyTitle(t);
  if (!id) {
    if (namesAnotherTable(t) || parts.qualifiers.some((q) => BY_UNIT.test(q))) return undefined;
    id = byWords(t);
  }
  if (!id) return undefined;
  if (parts.part) return undefined;
  const def = SCHEMAS.find((s) => s.id === id)!;
  // A function-code table said to be classified by economic codes is another table (…支出表（按经济分类）).
  if (def.codeKind === 'function' && parts.classification === 'economic') return undefined;
  return id;
}

/** Tables listed per unit (收入预算按单位分类汇总表, 支出决算表（分单位）) are not the department's own table. */
const BY_UNIT = /按单位|分单位|单位分类|分户|按单位列示/;

function namesAnotherTable(t: string): boolean {
  for (const o of OTHER_TABLE_WORDS) if (o.words.test(t) && !(o.unless && o.unless.test(t))) return true;
  return BY_UNIT.test(t);
}

function byWords(t: string): SchemaId | undefined {
  let best: SchemaId | undefined;
  let bestScore = 0;
  for (const w of TITLE_WORDS) {
    if (!w.all.every((p) => p.test(t)) || (w.none ?? []).some((p) => p.test(t))) continue;
    if (w.all.length > bestScore) {
      best = w.schema;
      bestScore = w.all.length;
    }
  }
  return best;
}

/**
 * Whether the tables are a 单位预算 (each title names the 单位: "预算单位收入预算总表", "单位“三公”经费…") or a
 * 部门预算: the majority of the titles decides; a workbook without such words is a 部门预算.
 */
export function disclosureLevel(titles: string[]): '部门' | '单位' {
  let unit = 0;
  let dept = 0;
  for (const t of titles) {
    const core = readTitle(t).core;
    if (/^(预算)?单位/.test(core)) unit++;
    else if (/^部门/.test(core)) dept++;
  }
  return unit > dept ? '单位' : '部门';
}
