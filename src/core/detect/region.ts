/** One titled region of a sheet mapped under a schema: its header, meta line, columns and body, or why it cannot be. */
import Decimal from 'decimal.js';
import { CellRange } from '../grid';
import type { MappedColumn, MappedTable, UnmappedTable } from '../model';
import { SchemaDef, schemaById } from '../schemas';
import { squash } from '../text';
import { padsDecimals, shownDecimals } from './amounts';
import { dropSubHeaderCells } from './body';
import { readCodeRows } from './codes';
import { columnsFor, isAmountRole, requiredMissing } from './columns';
import { finalHeadingIn, HeaderInfo, readHeader, subHeadersInFirstRow } from './header';
import { readLedgerRows } from './ledger';
import { tableMeta, TableMeta } from './meta';
import { readTwoSidedRows } from './summary';
import { readThreePublicRows } from './three-public';
import { TitleHit } from './titles';
import { SheetView } from './view';

/** A table's factor to 万元 (decimal.js values are immutable: one of each serves every table). */
const PER_YUAN = new Decimal('0.0001');
const PER_WAN = new Decimal(1);

/** Whether a row of the region holds a number: a title over nothing but text is no table. */
function hasNumbers(v: SheetView, from: number, end: number): boolean {
  for (let r = from; r < end; r++) if (v.rowTexts(r).some((t) => /^-?[\d,]+(\.\d+)?$/.test(squash(t)) && t.length > 0)) return true;
  return false;
}

/** What a region's table is read from, the same under either schema the title and the codes may name. */
interface Region {
  title: TitleHit;
  header: HeaderInfo;
  meta: TableMeta;
  /** The region's first 决算 column heading, if any. */
  finalHeading?: string;
  /** The row after the region. */
  end: number;
}

/**
 * The table under a title, read under the schema the title names, or the reason it cannot be. Structure is the judge:
 * a function table whose codes are economic (301, 30101 …) is the 基本支出 table, and an economic table whose codes
 * are function codes is the 一般公共预算支出 table, whatever the title said. The codes are those read under the
 * title's schema; when they name another schema whose columns the header has, the body is read under that one.
 */
export function mapRegion(v: SheetView, def: SchemaDef, title: TitleHit, end: number): { table?: MappedTable; unmapped?: UnmappedTable } {
  const from = title.row + 1;
  const final = def.stage === 'final';
  const { header, metaRows } = readHeader(v, from, end, final);
  if (header && final) subHeadersInFirstRow(v, header);
  const regionRange = (bottom: number, left = title.col, right = Math.max(title.col, v.width - 1)): CellRange => ({
    top: Math.max(0, title.row),
    left,
    bottom: Math.max(bottom, Math.max(0, title.row)),
    right,
  });
  if (!header) {
    if (!hasNumbers(v, from, end)) return {};
    return {
      unmapped: {
        sheet: v.sheet.name,
        range: regionRange(end - 1),
        title: title.text,
        reason: `“${title.text}”下方未找到表头（应有“项目”“科目编码”“合计”等列名）`,
        schema: def.id,
      },
    };
  }
  const columns = columnsFor(def, header.paths);
  const missing = requiredMissing(def, columns);
  const finalHeading = finalHeadingIn(v, from, Math.min(end, header.bottom + 3));
  if (missing) {
    const unmapped: UnmappedTable = {
      sheet: v.sheet.name,
      range: regionRange(header.bottom, header.left, header.right),
      title: title.text,
      reason: `${def.title}：${missing}`,
      schema: def.id,
    };
    if (finalHeading) unmapped.finalHeading = finalHeading;
    return { unmapped };
  }
  const region: Region = { title, header, meta: tableMeta(v, metaRows, header, title.text, final), finalHeading, end };
  const table = readTable(v, def, columns, region);
  const judged = judgeByCodes(table);
  if (!judged) return { table };
  const judgedColumns = columnsFor(judged, header.paths);
  if (requiredMissing(judged, judgedColumns)) return { table };
  const corrected = readTable(v, judged, judgedColumns, region);
  corrected.titleSaid = def.id;
  return { table: corrected };
}

/** The region's table under a schema whose required columns the header has. */
function readTable(v: SheetView, def: SchemaDef, columns: MappedColumn[], { title, header, meta, finalHeading, end }: Region): MappedTable {
  const table: MappedTable = {
    schema: def.id,
    def,
    title: title.text.trim(),
    sheet: v.sheet.name,
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    titleRow: title.row,
    headerTop: header.top,
    headerBottom: header.bottom,
    unit: meta.unit,
    factor: meta.unit === '元' ? PER_YUAN : PER_WAN,
    decimals: 2,
    year: meta.year,
    department: meta.department,
    columns,
    rows: [],
    notes: [],
    invalid: [],
    mergedData: [],
    codeIssues: [],
    shortCodeParts: [],
    uncalculated: [],
    unitWords: [],
    figures: {},
    recognisedBy: title.by ?? 'title',
  };
  if (finalHeading) table.finalHeading = finalHeading;
  if (v.sheet.hidden) table.hidden = true;
  table.range = {
    top: Math.max(0, title.row >= 0 ? title.row : header.top),
    left: Math.min(header.left, title.col >= 0 ? title.col : header.left),
    bottom: header.bottom,
    right: header.right,
  };
  const last =
    def.shape === 'two-sided'
      ? readTwoSidedRows(v, table, header.dataTop, end)
      : def.shape === 'three-public'
        ? readThreePublicRows(v, table, header.dataTop, end)
        : def.ledger
          ? readLedgerRows(v, table, header, end)
          : readCodeRows(v, table, header.dataTop, end);
  if (def.stage === 'final') dropSubHeaderCells(v, table);
  table.range.bottom = Math.max(header.bottom, last);
  const unread = unmappedAmountColumns(v, table, header.paths);
  if (unread.length) table.unmappedColumns = unread;
  // Merged areas over the table's amount cells (the amount columns are looked up only if a merge reaches its rows).
  let amountCols: number[] | undefined;
  for (const m of v.sheet.merges) {
    if (m.bottom < header.dataTop || m.top > table.range.bottom || (m.bottom === m.top && m.right === m.left)) continue;
    amountCols ??= (table.ledgerColumns ?? columns)
      .filter((c) => isAmountRole(c.role) || c.role.startsWith('tp.') || c.role.startsWith('tpb.'))
      .map((c) => c.col);
    if (amountCols.some((c) => c >= m.left && c <= m.right)) table.mergedData.push(m);
  }
  table.decimals = shownDecimals(table);
  table.padded = padsDecimals(table);
  return table;
}

/**
 * Header columns no role was given to that hold amounts in the table's rows (a column the schema does not know):
 * never read by any check, so the coverage ledger lists them.
 */
function unmappedAmountColumns(v: SheetView, table: MappedTable, paths: Map<number, string[]>): { col: number; header: string }[] {
  const mapped = new Set([...table.columns, ...(table.ledgerColumns ?? [])].map((c) => c.col));
  const out: { col: number; header: string }[] = [];
  for (const [c, p] of paths) {
    if (mapped.has(c) || /^(序号|栏次)$/.test(p[p.length - 1] ?? '')) continue;
    const amount = table.rows.some((r) => {
      const x = v.cell(r.row, c)?.value;
      return typeof x === 'number' ? x !== 0 : typeof x === 'string' && /^[-+]?[\d,，]+(\.\d+)?$/.test(x.trim()) && /[1-9]/.test(x);
    });
    if (amount) out.push({ col: c, header: p.join('/') });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** The schema a code table's codes say when they contradict its schema's kind of code (see mapRegion). */
function judgeByCodes(t: MappedTable): SchemaDef | undefined {
  if (t.def.shape !== 'code') return undefined;
  let econ = 0;
  let func = 0;
  for (const r of t.rows) {
    if (r.code?.startsWith('3')) econ++;
    else if (r.code?.startsWith('2')) func++;
  }
  const stage = t.def.stage ?? 'budget';
  if (t.def.codeKind === 'function' && econ > func && econ >= 2) return schemaById('general-budget-basic-expenditure', stage);
  if (t.def.codeKind === 'economic' && func > econ && func >= 2) return schemaById('general-budget-expenditure', stage);
  return undefined;
}
