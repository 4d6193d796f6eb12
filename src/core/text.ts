/** Text normalisation shared by detection and rules. */
import { remember } from './collections';

/** Removes every kind of white space (stray spaces inside header words: 项  目). */
export function squash(s: string): string {
  // Most texts (amounts, codes, names) have none: looked for by hand, the regex (and a new string) only when
  // a character might be one of JavaScript's \s (control characters included, harmlessly).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c <= 32 ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    )
      return s.replace(/[\s\u3000\u00a0]+/g, '');
  }
  return s;
}

const normCache = new Map<string, string>();

/** For comparing names: no spaces, full-width brackets and quotes folded to one form. Memoised: 科目 names recur. */
export function normName(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    n = squash(s)
      .replace(/[（(]/g, '(')
      .replace(/[）)]/g, ')')
      .replace(/[“”"‘’'「」『』]/g, '')
      .replace(/[：:]/g, ':');
    remember(normCache, s, n, 100_000);
  }
  return n;
}

const CN_NUMERAL = '[一二三四五六七八九十百零〇]+';
/** Leading enumeration such as "一、", "(一)", "1、", "1." or "其中：". */
export const ENUM_PREFIX = new RegExp(`^(?:[(（]${CN_NUMERAL}[)）][、.．]?|${CN_NUMERAL}[、.．]|\\d+[、.．](?!\\d)|[(（]\\d+[)）])`);

export function stripEnum(s: string): string {
  return s.replace(ENUM_PREFIX, '').replace(/^其中[:：]?/, '');
}

export function isNoteText(s: string): boolean {
  // Asked of the first cell of every body row: a text starting otherwise is ruled out before the regex.
  const t = squash(s);
  return (t[0] === '注' || t[0] === '说' || t[0] === '备') && /^(注|说明|备注)[\d一二三]*[:：.、]/.test(t);
}

/** A department name without the code printed before it ("[471]秦皇岛市…", "350002科技和工信部门"). */
export function stripDepartmentCode(s: string): string {
  return s.replace(/^[[【(（]?\d+[\]】)）]?\s*/, '');
}
