/**
 * Lays table blocks out as a workbook, in the layouts real disclosures use: one table per sheet or all
 * stacked on one sheet, any start cell, merged or unmerged headers, with or without 栏次, numbers as
 * numbers or as text ("4,436.20"), blanks as empty / 0 / "—", codes as text or numbers, 元 or 万元.
 */
import Decimal from 'decimal.js';
import { Cell, Sheet, Workbook } from '../grid';
import type { TableBlock } from './types';

export interface LayoutOptions {
  layout?: 'sheets' | 'stacked';
  startRow?: number;
  startCol?: number;
  /** Write merged header areas (default true). */
  merges?: boolean;
  /** Keep the 栏次 row (default true). */
  columnNumbers?: boolean;
  amounts?: 'number' | 'text' | 'text-thousands';
  blanks?: 'empty' | 'zero' | 'dash';
  codesAsNumbers?: boolean;
  /** Put stray spaces inside header words (项  目). */
  headerSpaces?: boolean;
  /** Show every amount in 元 instead of 万元. */
  unit?: '万元' | '元';
  sheetNames?: string[];
  /** Blank rows between stacked tables. */
  gap?: number;
  /** Title prefix such as "2021年" or "表1 ". */
  titlePrefix?: string;
}

export interface Placement {
  sheet: string;
  /** Sheet row of each body row. */
  bodyRows: number[];
  /** Sheet column of each block column. */
  col0: number;
  titleRow: number;
}

export interface LaidOut {
  workbook: Workbook;
  placements: Map<string, Placement>;
}

function put(sheet: Sheet, r: number, c: number, cell: Cell | undefined) {
  if (!cell) return;
  const row = sheet.rows[r] ?? (sheet.rows[r] = []);
  row[c] = cell;
}

function amountCell(s: string, o: LayoutOptions): Cell | undefined {
  if (s === '') {
    if (o.blanks === 'zero') return { value: 0, numFmt: '#,##0.00' };
    if (o.blanks === 'dash') return { value: '—' };
    return undefined;
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { value: s }; // a label or "100.00%" in an amount column
  let d = new Decimal(s);
  if (o.unit === '元') d = d.times(10000);
  const dec = o.unit === '元' ? 2 : Math.max(2, (s.split('.')[1] ?? '').length);
  if (o.amounts === 'text') return { value: d.toFixed(dec) };
  if (o.amounts === 'text-thousands') {
    const [i, f] = d.toFixed(dec).split('.');
    return { value: `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}` };
  }
  return { value: d.toNumber(), numFmt: '#,##0.00' };
}

function spaced(s: string): string {
  return s.length === 2 ? `${s[0]}  ${s[1]}` : s;
}

export function renderBlock(
  sheet: Sheet,
  block: TableBlock,
  top: number,
  left: number,
  o: LayoutOptions,
): { placement: Omit<Placement, 'sheet'>; bottom: number } {
  const width = Math.max(...block.header.map((h) => h.length), ...block.rows.map((r) => r.length));
  let r = top;
  put(sheet, r, left, { value: `${o.titlePrefix ?? ''}${block.title}` });
  if (o.merges !== false) sheet.merges.push({ top: r, left, bottom: r, right: left + width - 1 });
  const titleRow = r;
  r++;
  for (const line of block.meta) {
    line.forEach((t, i) => {
      let text = t;
      if (o.unit === '元') text = text.replace(/单位：万元/, '单位：元');
      if (text) put(sheet, r, left + i, { value: text });
    });
    r++;
  }
  const headerTop = r;
  for (const line of block.header) {
    line.forEach((t, i) => t && put(sheet, r, left + i, { value: o.headerSpaces ? spaced(t) : t }));
    r++;
  }
  if (o.merges !== false)
    for (const [mr, mc, rs, cs] of block.headerMerges)
      if (rs > 1 || cs > 1) sheet.merges.push({ top: headerTop + mr, left: left + mc, bottom: headerTop + mr + rs - 1, right: left + mc + cs - 1 });
  if (block.columnNumbers && o.columnNumbers !== false) {
    put(sheet, r, left, { value: '栏次' });
    for (let i = 1; i < width; i++) put(sheet, r, left + i, { value: i });
    r++;
  }
  const bodyRows: number[] = [];
  for (const row of block.rows) {
    row.forEach((t, i) => {
      let cell: Cell | undefined;
      if (block.amountCols.includes(i)) cell = amountCell(t, o);
      else if (i === block.codeCol && /^\d+$/.test(t) && o.codesAsNumbers) cell = { value: Number(t) };
      else if (i === 0 && /^\d+$/.test(t)) cell = { value: Number(t) };
      else if (t) cell = { value: t };
      put(sheet, r, left + i, cell);
    });
    bodyRows.push(r);
    r++;
  }
  for (const n of block.notes) {
    put(sheet, r, left, { value: n });
    r++;
  }
  return { placement: { bodyRows, col0: left, titleRow }, bottom: r - 1 };
}

/** Sheet names when each table has its own sheet: the one list for samples, templates and the pane. */
export const SHEET_NAMES: Record<string, string> = {
  'income-expenditure-summary': '1收支总表',
  income: '2收入总表',
  expenditure: '3支出总表',
  'fiscal-appropriation-summary': '4财政拨款收支总表',
  'general-budget-expenditure': '5一般公共预算支出表',
  'general-budget-basic-expenditure': '6基本支出表',
  'government-fund-expenditure': '7政府性基金支出表',
  'state-capital-expenditure': '8国有资本经营支出表',
  'three-public-expenditure': '9三公经费表',
  procurement: '10政府采购预算',
  assets: '11固定资产占用情况表',
  performance: '12项目绩效目标表',
  'department-performance': '13部门整体绩效目标表',
};

export function layoutWorkbook(blocks: TableBlock[], o: LayoutOptions = {}): LaidOut {
  const placements = new Map<string, Placement>();
  const top = o.startRow ?? 0;
  const left = o.startCol ?? 0;
  if (o.layout === 'stacked') {
    const sheet: Sheet = { name: o.sheetNames?.[0] ?? '部门预算公开表', rows: [], merges: [] };
    let r = top;
    for (const b of blocks) {
      const { placement, bottom } = renderBlock(sheet, b, r, left, o);
      placements.set(b.id, { sheet: sheet.name, ...placement });
      r = bottom + 1 + (o.gap ?? 2);
    }
    return { workbook: { sheets: [sheet] }, placements };
  }
  const sheets: Sheet[] = blocks.map((b, i) => {
    const sheet: Sheet = { name: o.sheetNames?.[i] ?? SHEET_NAMES[b.id] ?? `表${i + 1}`, rows: [], merges: [] };
    const { placement } = renderBlock(sheet, b, top, left, o);
    placements.set(b.id, { sheet: sheet.name, ...placement });
    return sheet;
  });
  return { workbook: { sheets }, placements };
}

/** The sheet cell of a block's body cell (for injecting errors in tests and benchmarks). */
export function locate(l: LaidOut, blockId: string, bodyRow: number, blockCol: number): { sheet: string; row: number; col: number } {
  const p = l.placements.get(blockId);
  if (!p) throw new Error(`no block ${blockId}`);
  return { sheet: p.sheet, row: p.bodyRows[bodyRow], col: p.col0 + blockCol };
}

/** Sets a cell's value in the laid-out workbook. */
export function setValue(l: LaidOut, at: { sheet: string; row: number; col: number }, value: Cell['value']) {
  const sheet = l.workbook.sheets.find((s) => s.name === at.sheet)!;
  const row = sheet.rows[at.row] ?? (sheet.rows[at.row] = []);
  const old = row[at.col];
  row[at.col] = { ...(old ?? {}), value, numFmt: typeof value === 'number' ? (old?.numFmt ?? '#,##0.00') : old?.numFmt };
}
