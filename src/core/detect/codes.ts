/**
 * The body of a code table (科目编码 | 科目名称 | amounts): each row's code in any printed layout, misprinted codes
 * and the code they probably mean, and a 合计 row whose numbers are not under the amount headings.
 */
import { isZeroAmount } from '../amount';
import { catalogueName, codeLevel, CodeKind } from '../catalogue';
import { colName } from '../grid';
import type { CodeIssue, MappedRow, MappedTable } from '../model';
import { normName, squash } from '../text';
import { anyAmount } from './amounts';
import { colOf, isHeaderEcho, rowAmounts, scanBody } from './body';
import { amountColumns, isCodeRole } from './columns';
import { SheetView } from './view';

/** Two-digit code part as printed: "05", "5" (leading zero lost), or the full 5/7-digit code. */
function codePart(text: string, prefix: string, fullLen: number): string | undefined {
  if (/^\d{1,2}$/.test(text)) return text.padStart(2, '0');
  if (text.length === fullLen && /^\d+$/.test(text) && text.startsWith(prefix)) return text.slice(-2);
  return undefined;
}

interface CodeReading {
  code: string;
  name: string;
  /** Set when the code as printed cannot exist. */
  printed?: string;
  /** 款/项 parts printed as one digit, read padded ("2" → 02). */
  short?: { part: '款' | '项'; col: number; printed: string }[];
}

/**
 * Reads the code of a body row, in any of the layouts real disclosures use: one code column ("2010101", 2010101,
 * "201 01 01"), code and name in one cell ("2010101 行政运行"), or 类 | 款 | 项 in three columns, with each part
 * printed on every row or only where it changes.
 */
export function codeReader(v: SheetView, t: MappedTable) {
  const codeCol = colOf(t.columns, 'code');
  const nameCol = colOf(t.columns, 'name');
  const classCol = colOf(t.columns, 'code.class');
  const kuanCol = colOf(t.columns, 'code.kuan');
  const xiangCol = colOf(t.columns, 'code.xiang');
  let lastClass = '';
  let lastKuan = '';
  /** A number cell whose format shows two digits (5 shown "05"). */
  const padded = (r: number, c: number) => /^0+$/.test(v.cell(r, c)?.numFmt ?? '') && (v.cell(r, c)?.numFmt ?? '').length >= 2;
  /** Function classes are 2xx, economic ones 3xx (部门) or 5xx (政府). */
  const classDigit = t.def.codeKind === 'economic' ? /^[35]/ : /^2/;
  return (r: number): CodeReading => {
    const name = nameCol !== undefined ? v.text(r, nameCol) : '';
    if (classCol !== undefined) {
      const c = squash(v.text(r, classCol));
      const k = kuanCol !== undefined ? squash(v.text(r, kuanCol)) : '';
      const x = xiangCol !== undefined ? squash(v.text(r, xiangCol)) : '';
      if (!c && !k && !x) return { code: '', name };
      if (c && !/^\d+$/.test(c)) return { code: '', name: name || c };
      const printed = [c, k, x].filter((p, i) => p || i === 0).join('|');
      let cls = c;
      if (!cls) cls = lastClass;
      if (!/^\d{3}$/.test(cls)) return { code: '', name, printed };
      lastClass = cls;
      if (!k && !x) {
        lastKuan = '';
        return { code: cls, name };
      }
      const kuan = k ? codePart(k, cls, 5) : lastKuan;
      if (!kuan) return { code: '', name, printed };
      lastKuan = kuan;
      // A part printed as one digit ("2" for 02) is read padded, and said: it may be a misprint.
      const short: CodeReading['short'] = [];
      if (k && /^\d$/.test(k) && !padded(r, kuanCol!)) short.push({ part: '款', col: kuanCol!, printed: k });
      if (!x) return { code: cls + kuan, name, ...(short.length ? { short } : {}) };
      const xiang = codePart(x, cls + kuan, 7);
      if (!xiang) return { code: '', name, printed };
      if (/^\d$/.test(x) && !padded(r, xiangCol!)) short.push({ part: '项', col: xiangCol!, printed: x });
      return { code: cls + kuan + xiang, name, ...(short.length ? { short } : {}) };
    }
    const code = codeCol !== undefined ? squash(v.text(r, codeCol)) : '';
    if (codeLevel(code) !== undefined) {
      // 3, 5 or 7 digits, but of no class there is ("71102": the 类 210 printed "7"): misprinted, told by its name.
      if (!classDigit.test(code)) return { code: '', name, printed: code };
      return { code, name };
    }
    const own = /^(\d{3}(?:\d{2}){0,2})(\D.*)$/.exec(code);
    if (own) return { code: own[1], name: name || own[2] };
    if (!code) {
      const m = /^(\d{3}(?:\d{2}){0,2})(\D.*)$/.exec(squash(name));
      if (m) return { code: m[1], name: m[2] };
      return { code: '', name };
    }
    if (/^\d+$/.test(code)) return { code: '', name, printed: code };
    return { code: '', name: name || code };
  };
}

/**
 * The code a misprinted row probably means: by its name in the catalogue (among codes under the rows around it),
 * else by position (a 类 whose 款 rows below carry a class prefix no class row has).
 */
function intendedCode(
  t: MappedTable,
  kind: CodeKind,
  printed: string,
  name: string,
  prev: MappedRow | undefined,
  nextCode: string | undefined,
): { code?: string; why?: string } {
  const digits = printed.replace(/\|/g, '');
  const norm = normName(name);
  const candidates: string[] = [];
  if (/^\d{4}$/.test(digits)) candidates.push(`${digits.slice(0, 3)}0${digits[3]}`);
  if (/^\d{6}$/.test(digits)) candidates.push(`${digits.slice(0, 5)}0${digits[5]}`);
  if (prev?.code) {
    const base = prev.code.slice(0, 3);
    for (let i = 1; i <= 99; i++) candidates.push(base + String(i).padStart(2, '0'));
    if (prev.code.length >= 5) for (let i = 1; i <= 99; i++) candidates.push(prev.code.slice(0, 5) + String(i).padStart(2, '0'));
  }
  if (nextCode) candidates.push(nextCode.slice(0, 3), nextCode.slice(0, 5));
  for (const c of candidates) {
    const n = catalogueName(kind, c);
    if (n && normName(n) === norm && !t.rows.some((r) => r.code === c)) return { code: c, why: `科目名称“${name}”在目录中的编码` };
  }
  if (nextCode && /^\d{1,2}$/.test(digits) && !t.rows.some((r) => r.code === nextCode.slice(0, 3)) && nextCode.slice(0, 3).endsWith(digits))
    return { code: nextCode.slice(0, 3), why: '其下各款的编码' };
  return {};
}

const PLAIN_NUMBER = /^[-+]?[\d,]+(\.\d+)?$/;

/**
 * A 合计 row whose numbers are not under the amount headings, as a PDF-to-Excel conversion can leave it: shifted a
 * column left (into the name column) or right (past the last heading), or none under the headings at all. Its
 * amounts cannot be read. 'none' is decided once the table is read (an empty table's blank 合计 is no problem).
 */
function misplacedTotal(t: MappedTable, texts: string[], r: number): (NonNullable<MappedTable['totalMisplaced']> & { none?: boolean }) | undefined {
  let label = -1;
  for (let c = t.range.left; c < texts.length && label < 0; c++) if (texts[c]) label = c;
  if (label < 0 || !/^(合计|总计|合计数)$/.test(squash(texts[label]))) return undefined;
  if (!t.columns.some((c) => c.col === label && (isCodeRole(c.role) || /name$/.test(c.role)))) return undefined;
  const amountCols = new Set(amountColumns(t.columns).map((c) => c.col));
  const outside: number[] = [];
  let under = 0;
  for (let c = label + 1; c < texts.length; c++) {
    const x = squash(texts[c] ?? '');
    if (!x) continue;
    if (amountCols.has(c)) under++;
    else if (PLAIN_NUMBER.test(x)) outside.push(c);
  }
  if (outside.length) return { row: r, col: label, why: `的数字印在金额列之外（${outside.map(colName).join('、')} 列），没有对齐各金额列` };
  if (!under) return { row: r, col: label, why: '在各金额列下没有金额', none: true };
  return undefined;
}

/**
 * A code table's rows from `dataTop` to `end`: code rows, 合计 and other rows, misprinted codes with the code they
 * probably mean. Returns the table's last row.
 */
export function readCodeRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  const read = codeReader(v, t);
  const nameCol = colOf(t.columns, 'name');
  const codeCol = colOf(t.columns, 'code') ?? colOf(t.columns, 'code.class');
  const pending: { row: MappedRow; printed: string; index: number }[] = [];
  let blankTotal: ReturnType<typeof misplacedTotal>;
  const last = scanBody(v, t, dataTop, end, (r, texts) => {
    const misplaced = misplacedTotal(t, texts, r);
    if (misplaced) {
      blankTotal ??= misplaced;
      return true;
    }
    if (isHeaderEcho(texts)) return false;
    const { code, name, printed, short } = read(r);
    if (code && short) for (const x of short) t.shortCodeParts.push({ row: r, col: x.col, part: x.part, printed: x.printed, code, name: name.trim() });
    const label = squash(code ? '' : name || (codeCol !== undefined ? v.text(r, codeCol) : ''));
    if (!code && !printed && /^(合计|总计|合计数)$/.test(label)) {
      const labelCol = [codeCol, nameCol].find((c) => c !== undefined && /^(合计|总计|合计数)$/.test(squash(v.text(r, c))));
      t.rows.push({ row: r, kind: 'total', name: '合计', amounts: rowAmounts(v, t, r), labelCol: labelCol ?? nameCol });
      return true;
    }
    const amounts = rowAmounts(v, t, r);
    if (code) t.rows.push({ row: r, kind: 'code', code, level: codeLevel(code), name: name.trim(), amounts, labelCol: nameCol });
    else if (printed) {
      const row: MappedRow = { row: r, kind: 'other', name: name.trim(), amounts, labelCol: nameCol };
      pending.push({ row, printed, index: t.rows.length });
      t.rows.push(row);
    } else if (name || anyAmount(amounts)) t.rows.push({ row: r, kind: 'other', name: name.trim(), amounts, labelCol: nameCol });
    else return false;
    return true;
  });
  // A 合计 row that cannot be read, in a table with no readable one: said (a finding, a partial coverage entry), never
  // a silent loss of the checks on the total. A blank 合计 under a table with no amounts is an empty table's.
  if (blankTotal && !t.rows.some((x) => x.kind === 'total')) {
    const { none, ...at } = blankTotal;
    if (!none || t.rows.some((x) => x.kind === 'code' && Object.values(x.amounts).some((a) => !isZeroAmount(a)))) t.totalMisplaced = at;
  }
  const kind = t.def.codeKind ?? 'function';
  for (const p of pending) {
    const prev = t.rows
      .slice(0, p.index)
      .reverse()
      .find((r) => r.kind === 'code');
    const next = t.rows.slice(p.index + 1).find((r) => r.kind === 'code');
    const guess = intendedCode(t, kind, p.printed, p.row.name, prev, next?.code);
    const issue: CodeIssue = {
      row: p.row.row,
      col: codeCol ?? p.row.labelCol ?? t.range.left,
      printed: p.printed,
      name: p.row.name,
      suggested: guess.code,
      why: guess.why,
    };
    t.codeIssues.push(issue);
    if (guess.code) Object.assign(p.row, { kind: 'code', code: guess.code, level: codeLevel(guess.code) });
  }
  return last;
}
