/**
 * One normaliser for every printed table title: what a table of contents or a caption adds around the name of
 * the table — numbering, 《》 and quotes, the year, the department's name, and parenthesised qualifiers — is taken
 * off and kept apart, so that the matcher sees only the name.
 */
import { normName } from '../text';

export interface TitleParts {
  /** The title's name without numbering, 《》, quotes, year, department or trailing qualifiers ("部门收支总表"). */
  core: string;
  /** Parenthesised qualifiers after the name, outermost last ("按功能科目分类", "纵向", "续"). */
  qualifiers: string[];
  /** The qualifiers say the table is classified by economic (经济分类) or function (功能分类) codes. */
  classification?: 'economic' | 'function';
  /** A part of a table ("…基本支出表-人员经费", "…基本支出表（人员经费）"): never the table itself. */
  part?: string;
  /** A continuation ("（续）", "续表"). */
  continued: boolean;
  /** The title was numbered or set in 《》 as a table of contents line is ("九、…", "表3", "《…》"). */
  listed: boolean;
}

const CN = '[一二三四五六七八九十]+';
/** Numbering before a title: 一、 (二) （二）、 1、 1. 01 表1 表1-2 附表3： 附件2 表一 第一部分 … */
const NUMBERING = new RegExp(
  [
    `^附件\\d+(?:[-—–]\\d+)*[:、.．]?`,
    `^附?表\\s*(?:\\d+|${CN})(?:[-—–.．]\\d+)*[:、.．]?`,
    `^\\(${CN}\\)[、.．]?`,
    `^\\(\\d+\\)[、.．]?`,
    `^${CN}[、.．:]`,
    `^\\d{1,2}[、.．:](?!\\d)`,
    `^\\d{1,2}(?=[^\\d年.．])`,
    `^[-•·●○◆■□※]+`,
  ].join('|'),
);
const YEAR = /(?:19|20)\d{2}\s*(?:年度|年)?/g;
/** Where a table's own name may start, after the department's name. */
const NAME_START = /部门|单位|预算单位|本级|收支|收入|支出|财政拨款|一般公共预算|政府性?基金|国有资本|三公|基本支出|项目支出|政府采购|机关运行/g;
/** The last character of an organisation's name (局, 厅, 委员会, 中心, 街道办事处, 人民政府, 学校 …). */
const ORG_END = /[局厅委会办室心院所站校馆队部府处社台司团镇乡道区县市省庭检团盟联协]$/;
const BRACKETS: [RegExp, string][] = [
  [/[【〔[［]/g, '('],
  [/[】〕\]］]/g, ')'],
];
const ECONOMIC = /经济/;
const FUNCTION = /功能/;
/** Qualifiers that name a part of a table (the 人员经费 or 公用经费 half of the basic table). */
const PART = /人员经费|公用经费|工资福利|商品和服务|对个人和家庭|资本性支出/;

export function readTitle(text: string): TitleParts {
  let t = normName(text);
  for (const [re, to] of BRACKETS) t = t.replace(re, to);
  // Numbering may come twice ("一、表1 …") and may stand before the 《》.
  for (let i = 0; i < 3; i++) {
    const next = t.replace(NUMBERING, '').replace(/^[:：、.．\s]+/, '');
    if (next === t) break;
    t = next;
  }
  const listed = t !== normName(text) || /[《》]/.test(t);
  t = t.replace(/[《》〈〉<>]/g, '');
  t = t.replace(YEAR, '');
  const qualifiers: string[] = [];
  let continued = false;
  let part: string | undefined;
  // Trailing qualifiers, innermost first: "(按功能科目分类)", "(纵向)", "(续)", a "-人员经费" tail after 表.
  for (let guard = 0; guard < 6; guard++) {
    const q = /\(([^()]*)\)$/.exec(t);
    if (q && q.index > 0) {
      qualifiers.unshift(q[1]);
      t = t.slice(0, q.index);
      continue;
    }
    const tail = /表[-—–－~]+([^-—–－~]+)$/.exec(t);
    if (tail) {
      part = tail[1];
      t = t.slice(0, tail.index + 1);
      continue;
    }
    const cont = /(?:续表|续)$/.exec(t);
    if (cont && cont.index > 0 && /表/.test(t.slice(0, cont.index))) {
      continued = true;
      t = t.slice(0, cont.index);
      continue;
    }
    break;
  }
  for (const q of qualifiers) {
    if (/^续(表)?$/.test(q)) continued = true;
    else if (PART.test(q) && !/和|及|、/.test(q)) part ??= q;
  }
  t = withoutDepartment(t);
  const words = qualifiers.join('|');
  const classification = ECONOMIC.test(words) ? 'economic' : FUNCTION.test(words) ? 'function' : undefined;
  return { core: t, qualifiers, classification, part, continued, listed };
}

/**
 * "北京市财政局部门收支总表" → "部门收支总表": the name of the table starts at the first of its own words that
 * follows an organisation's name; a title that starts with its own words keeps them all.
 */
function withoutDepartment(t: string): string {
  NAME_START.lastIndex = 0;
  for (let m = NAME_START.exec(t); m; m = NAME_START.exec(t)) {
    if (m.index === 0) return t;
    const before = t.slice(0, m.index);
    if (before.length >= 2 && ORG_END.test(before)) return t.slice(m.index);
  }
  return t;
}
