/**
 * The project's own catalogue of classification codes (from the yearly 《政府收支分类科目》 and the disclosures that
 * print them). It is partial: a code missing here is never called wrong (structure.unknown-code). The data, each entry
 * with its sources, is in catalogue-data.ts; extend it there.
 */
import { ECONOMIC_ENTRIES, FUNCTION_ENTRIES } from './catalogue-data';
import { normName, stripEnum } from './text';

export type CodeKind = 'function' | 'economic';

/** 支出功能分类 类 in the order the summary tables print them (order = code order). */
export const FUNCTION_CLASSES: { code: string; name: string; since?: number }[] = [
  ...FUNCTION_ENTRIES.filter(([code]) => code.length === 3).map(([code, name]) => ({ code, name })),
  { code: '人行', name: '人行科目', since: 2023 },
];

const FUNCTION_DETAIL: Record<string, string> = Object.fromEntries(FUNCTION_ENTRIES.filter(([code]) => code.length > 3).map(([code, name]) => [code, name]));

const ECONOMIC: Record<string, string> = Object.fromEntries(ECONOMIC_ENTRIES.map(([code, name]) => [code, name]));

const FUNCTION_NAMES: Record<string, string> = { ...FUNCTION_DETAIL };
for (const c of FUNCTION_CLASSES) FUNCTION_NAMES[c.code] = c.name;

export function catalogueName(kind: CodeKind, code: string): string | undefined {
  return kind === 'function' ? FUNCTION_NAMES[code] : ECONOMIC[code];
}

/**
 * Whether two printed names name the same item: equal, one inside the other, or most of their character pairs shared
 * ("机关事业单位基本养老保险费" and "…缴费", "行政运转" for "行政运行"). "退休费" and "离休费" share only "休费": they differ.
 */
export function namesAgree(a: string, b: string): boolean {
  const x = normName(stripEnum(normName(a)));
  const y = normName(stripEnum(normName(b)));
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const px = pairs(x);
  const py = pairs(y);
  if (!px.length || !py.length) return false;
  const left = [...py];
  let shared = 0;
  for (const p of px) {
    const i = left.indexOf(p);
    if (i >= 0) {
      shared++;
      left.splice(i, 1);
    }
  }
  return (2 * shared) / (px.length + py.length) > 0.5;
}

/**
 * The catalogue's name for a code whose printed name is another item's (基本支出表 "30212 机关事业单位退休人员活动费":
 * 30212 is 因公出国（境）费用): what the row is cannot be told, so no rule that depends on it may run on it. Undefined
 * when the names agree, the code is not in the catalogue, or the name is a former name of the class.
 */
export function contradictedName(kind: CodeKind, code: string, name: string): string | undefined {
  if (!name.trim()) return undefined;
  const official = catalogueName(kind, code);
  if (official === undefined || namesAgree(official, name)) return undefined;
  if (kind === 'function' && isFormerClassName(code, name)) return undefined;
  return official;
}

/**
 * Former names of function classes (《政府收支分类科目》 of earlier years). Old names still appear in disclosures:
 * they map to the class with a warning, never to a zero row.
 */
export const FORMER_CLASS_NAMES: { code: string; name: string }[] = [
  { code: '207', name: '文化体育与传媒支出' },
  { code: '210', name: '医疗卫生与计划生育支出' },
  { code: '210', name: '医疗卫生支出' },
  { code: '215', name: '资源勘探信息等支出' },
  { code: '215', name: '资源勘探电力信息等支出' },
  { code: '220', name: '国土海洋气象等支出' },
  { code: '222', name: '粮油物资储备管理等事务' },
  { code: '217', name: '金融监管等事务支出' },
];

const CLASS_BY_NAME = new Map<string, { code: string; name: string; former?: boolean }>(FUNCTION_CLASSES.map((c) => [normName(c.name), c]));
for (const f of FORMER_CLASS_NAMES) if (!CLASS_BY_NAME.has(normName(f.name))) CLASS_BY_NAME.set(normName(f.name), { ...f, former: true });

/** The function class a summary-table row label refers to ("六、科学技术支出" → 206; a former name → former). */
export function functionClassByLabel(label: string): { code: string; name: string; former?: boolean } | undefined {
  return CLASS_BY_NAME.get(normName(stripEnum(normName(label))));
}

/** Whether a name is a former name of this class code. */
export function isFormerClassName(code: string, name: string): boolean {
  if (code.length !== 3) return false; // former names are of classes only
  const n = normName(stripEnum(normName(name)));
  return FORMER_CLASS_NAMES.some((f) => f.code === code && normName(f.name) === n);
}

/** Levels by code length: function 3/5/7 digits, economic 3/5 digits. */
export function codeLevel(code: string): 1 | 2 | 3 | undefined {
  // By hand, not by regex: asked of every code row.
  const n = code.length;
  if (n !== 3 && n !== 5 && n !== 7) return undefined;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return n === 3 ? 1 : n === 5 ? 2 : 3;
}

/** The whole catalogue as [code, name] pairs (for the template's 科目目录 sheet). */
export function catalogueEntries(kind: CodeKind): [string, string][] {
  const src = kind === 'function' ? FUNCTION_NAMES : ECONOMIC;
  return (
    Object.entries(src)
      .filter(([code]) => /^\d+$/.test(code))
      // (Codes are digits: compared as code units, without loading a locale's collation.)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  );
}
