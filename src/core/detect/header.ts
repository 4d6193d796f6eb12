/**
 * The header under a title: which rows are the meta line and which the header (one to five rows, merged or not,
 * with or without a 栏次 row), each column's path of headings, and the words that tell a header row from a data row.
 */
import { codeLevel } from '../catalogue';
import { remember } from '../collections';
import { ENUM_PREFIX, squash } from '../text';
import { SheetView } from './view';

const HEADER_WORD =
  /^(序号|栏次|项目|科目|科目编码|编码|科目名称|名称|合计|小计|总计|预算数|金额|收入|支出|资金性质|上年结转|本年收入|本年支出合计|类|款|项)$|分类科目$|科目(编码|名称)$|编码$|支出$|收入$|经费$|拨款$|基本支出$|上级支出$|补助支出$|费$|预算数?$/;

/** Bounded memo of isHeaderWord (a pure function of the text). */
const headerWordMemo = new Map<string, boolean>();

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Memoised: every body row's cells are asked (is this a repeated header?), and names recur across tables. */
export function isHeaderWord(t: string): boolean {
  // Amounts and codes (most cells of a body row) are rejected before the memo, which only names would fill.
  if (!t || hasDigit(t)) return false;
  let w = headerWordMemo.get(t);
  if (w === undefined) w = remember(headerWordMemo, t, !(/[:：]/.test(t) || ENUM_PREFIX.test(t)) && HEADER_WORD.test(withoutQuotes(squash(t))), 100_000);
  return w;
}

const DECIMAL_AMOUNT = /^-?[\d,]+\.\d+$|^-?\d{1,3}(,\d{3})+$/;

/** An amount as shown: with decimals ("4436.20") or with thousands separators ("189,767,551"). */
export function hasDecimalAmount(texts: string[]): boolean {
  for (const t of texts) {
    // Texts are trimmed: only one starting with a digit, "-" or "," can match (most cells are ruled out here).
    const c = t.charCodeAt(0);
    if ((c === 45 || c === 44 || (c >= 48 && c <= 57)) && DECIMAL_AMOUNT.test(squash(t))) return true;
  }
  return false;
}

export function isHeaderRow(texts: string[]): boolean {
  let words = 0;
  for (let i = 0; i < texts.length && words < 2; i++) {
    const t = texts[i];
    const c = t.charCodeAt(0);
    // An empty cell, an amount or a code (a digit first) is no header word: most cells, ruled out without a call.
    if (t && !(c >= 48 && c <= 57) && isHeaderWord(t)) words++;
  }
  return words >= 2 && !hasDecimalAmount(texts);
}

/** A row numbering the columns: 栏次, or 1 2 3 … in its non-empty cells. Asked of every body row, so it allocates nothing. */
export function isColumnNumberRow(texts: string[]): boolean {
  let n = 0;
  for (const t of texts) {
    if (!t) continue;
    if (n === 0 && squash(t) === '栏次') return true;
    n++;
    if (t !== String(n)) return false;
  }
  return n >= 3;
}

export interface HeaderInfo {
  top: number;
  bottom: number;
  dataTop: number;
  left: number;
  right: number;
  paths: Map<number, string[]>;
}

/** Header text without quotes (“三公”经费): the regex and a new string only when there is one. */
function withoutQuotes(t: string): string {
  return t.indexOf('“') < 0 && t.indexOf('”') < 0 && t.indexOf('"') < 0 ? t : t.replace(/[“”"]/g, '');
}

/** Whether any header line below line `i` has a text in column `c`. */
function filledBelow(grid: string[][], i: number, c: number): boolean {
  for (let k = i + 1; k < grid.length; k++) if (grid[k][c]) return true;
  return false;
}

/**
 * The header under a title: its rows, its column span and each column's path of headings (top → leaf).
 * `final` (a 决算 table): a row whose first cell is 合计 is the table's first data row even when it carries
 * sub-headers (the fund tables print 合计 | 基本支出 | 项目支出 under 本年支出 in their 合计 row); the header may
 * have five rows (三公: 合计 › 小计 › 购置费 › 预算数/决算数), one of them empty under merged headings.
 */
export function readHeader(v: SheetView, from: number, end: number, final = false): { header?: HeaderInfo; metaRows: number[] } {
  const metaRows: number[] = [];
  let r = from;
  while (r < end) {
    if (v.isEmptyRow(r)) {
      r++;
      continue;
    }
    const texts = v.rowTexts(r);
    if (isHeaderRow(texts)) break;
    if (metaRows.length >= 6 || hasDecimalAmount(texts)) return { metaRows };
    metaRows.push(r);
    r++;
  }
  if (r >= end) return { metaRows };
  const top = r;
  let bottom = r;
  r++;
  while (r < end && r - top < (final ? 5 : 4)) {
    const texts = v.rowTexts(r);
    if (v.isEmptyRow(r)) {
      if (final && underMergedHeading(v, r, top)) {
        bottom = r++;
        continue;
      }
      break;
    }
    if (isColumnNumberRow(texts)) {
      bottom = r;
      r++;
      break;
    }
    // Continuation rows of a multi-row header: header words, or only fill the cells under a parent.
    const words = texts.filter((t) => isHeaderWord(t)).length;
    const firstNonEmpty = texts.find((t) => t) ?? '';
    if (hasDecimalAmount(texts) || /^\d+$/.test(firstNonEmpty) || codeLevel(squash(firstNonEmpty)) !== undefined) break;
    if (words === 0) break;
    if (texts.some((t) => t && (ENUM_PREFIX.test(t) || /^合计$/.test(squash(t))) && words < 2)) break;
    // A 合计 in the label column (not a sub-header 合计 under a heading further right).
    if (final && squash(firstNonEmpty) === '合计' && texts.findIndex((t) => t) <= v.rowTexts(top).findIndex((t) => t)) break;
    bottom = r;
    r++;
  }
  const dataTop = r;
  // Column span and header paths.
  let left = Infinity;
  let right = -1;
  const grid: string[][] = [];
  for (let hr = top; hr <= bottom; hr++) {
    const line: string[] = [];
    const numbers = isColumnNumberRow(v.rowTexts(hr));
    for (let c = 0; c < v.width; c++) {
      line[c] = numbers ? '' : withoutQuotes(squash(v.mergedText(hr, c)));
      if (line[c]) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    grid.push(line);
  }
  if (right < 0) return { metaRows };
  // Forward-fill a parent header over the columns whose lower rows carry sub-headers (no merge info).
  for (let i = 0; i < grid.length - 1; i++) {
    for (let c = left + 1; c <= right; c++) {
      if (grid[i][c]) continue;
      const aboveFilled = i === 0 || grid[i - 1][c] === grid[i - 1][c - 1];
      if (grid[i][c - 1] && aboveFilled && filledBelow(grid, i, c) && filledBelow(grid, i, c - 1)) grid[i][c] = grid[i][c - 1];
    }
  }
  const paths = new Map<number, string[]>();
  for (let c = left; c <= right; c++) {
    const p: string[] = [];
    for (const line of grid) if (line[c] && p[p.length - 1] !== line[c]) p.push(line[c]);
    if (p.length) paths.set(c, p);
  }
  return { header: { top, bottom, dataTop, left, right, paths }, metaRows };
}

/** Whether an empty row lies under a merged heading that starts in the header above it (from row `top`). */
function underMergedHeading(v: SheetView, r: number, top: number): boolean {
  return v.sheet.merges.some((m) => m.top >= top && m.top < r && m.bottom >= r);
}

/**
 * Sub-headers a 决算 table prints in its first data row (final-accounts.md §1, §1.8): 类 | 款 | 项 under split code
 * columns that are headed only 科目编码, and 合计 | 基本支出 | 项目支出 under three columns all headed 本年支出.
 */
export function subHeadersInFirstRow(v: SheetView, header: HeaderInfo): void {
  const texts = v.rowTexts(header.dataTop);
  const leaves = new Map([...header.paths].map(([c, p]) => [c, p[p.length - 1]]));
  const leafOf = (c: number) => leaves.get(c);
  for (const [c, path] of header.paths) {
    const x = squash(texts[c] ?? '');
    const leaf = path[path.length - 1];
    if (!x || x === leaf) continue;
    const codePart = /^[类款项]$/.test(x) && /编码|代码|分类/.test(leaf);
    const shared = /^(合计|小计|基本支出|项目支出)$/.test(x) && (leafOf(c - 1) === leaf || leafOf(c + 1) === leaf);
    if (codePart || shared) path.push(x);
  }
}

/** Column headings only a 决算 table prints (final-accounts.md §2.5). */
const FINAL_HEADING = /^(决算数?|年初结转和结余|年末结转和结余|年初预算数|调整预算数|全年预算数)$/;

/** The first 决算 column heading in these rows (the header and the sub-header rows under it). */
export function finalHeadingIn(v: SheetView, from: number, to: number): string | undefined {
  for (let r = from; r < to; r++)
    for (const t of v.rowTexts(r)) {
      const x = squash(t);
      if (x.length <= 8 && FINAL_HEADING.test(x)) return x;
    }
  return undefined;
}
