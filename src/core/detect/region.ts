/** One titled region of a sheet mapped under a schema: its header, meta line, columns and body, or why it cannot be. */
import Decimal from 'decimal.js';
import { CellRange } from '../grid';
import type { MappedTable, UnmappedTable } from '../model';
import { SchemaDef, schemaById } from '../schemas';
import { squash } from '../text';
import { padsDecimals, shownDecimals } from './amounts';
import { dropSubHeaderCells } from './body';
import { readCodeRows } from './codes';
import { columnsFor, isAmountRole, requiredMissing } from './columns';
import { finalHeadingIn, readHeader, subHeadersInFirstRow } from './header';
import { readLedgerRows } from './ledger';
import { parseDepartment, parseUnit, parseYear } from './meta';
import { readTwoSidedRows } from './summary';
import { readThreePublicRows } from './three-public';
import { TitleHit } from './titles';
import { SheetView } from './view';

/** A table's factor to 万元 (decimal.js values are immutable: one of each serves every table). */
const PER_YUAN = new Decimal('0.0001');
const PER_WAN = new Decimal(1);

function hasNumbers(v: SheetView, from: number, end: number): boolean {
  for (let r = from; r < end; r++) if (v.rowTexts(r).some((t) => /^-?[\d,]+(\.\d+)?$/.test(squash(t)) && t.length > 0)) return true;
  return false;
}

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
  const metaTexts: string[] = [];
  for (const r of metaRows) metaTexts.push(...v.rowTexts(r).filter((x) => x));
  const headerTexts: string[] = [];
  for (let r = header.top; r <= header.bottom; r++) headerTexts.push(...v.rowTexts(r).filter((x) => x));
  const unit = parseUnit(metaTexts) ?? parseUnit(headerTexts) ?? parseUnit([title.text]) ?? '万元';
  const table: MappedTable = {
    schema: def.id,
    def,
    title: title.text.trim(),
    sheet: v.sheet.name,
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    titleRow: title.row,
    headerTop: header.top,
    headerBottom: header.bottom,
    unit,
    factor: unit === '元' ? PER_YUAN : PER_WAN,
    decimals: 2,
    year: parseYear(metaTexts) ?? parseYear([title.text]),
    // A 决算 table's lines above its header are headings (财政拨款“三公”经费), its department is on the cover.
    department: parseDepartment(metaTexts, final),
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
  if (final) dropSubHeaderCells(v, table);
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
  // Structure is the judge: a function table whose codes are economic (301, 30101 …) is the 基本支出 table, and
  // an economic table whose codes are function codes is the 一般公共预算支出 table, whatever the title said.
  const judged = judgeByCodes(table);
  if (judged && !title.judged) {
    const again = mapRegion(v, judged, { ...title, judged: true }, end);
    if (again.table) {
      again.table.titleSaid = def.id;
      return again;
    }
  }
  return { table };
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
