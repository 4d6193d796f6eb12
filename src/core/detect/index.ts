/**
 * Table detection and schema mapping: finds the standard tables in any sheet layout (one per sheet or
 * stacked, any start column), reads the meta line, the one- to three-row header (merged or not, with or
 * without a 栏次 row), and maps columns to roles and rows to kinds.
 */
import Decimal from 'decimal.js';
import { CellRange, Sheet, Workbook } from '../grid';
import type { Detection, MappedTable, OtherTable, Stage, UnmappedTable } from '../model';
import { SchemaDef, SchemaId, schemaById } from '../schemas';
import { familiesOf, finalRoleOf, matchTitle, readTitle } from '../titles';
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
import { findTitles, schemaByStructure, TitleHit } from './titles';
import { SheetView } from './view';

export { padsDecimals, shownDecimals } from './amounts';
export { amountColumns, isAmountRole, isCodeRole } from './columns';

export { cleanTitle, matchTitle } from '../titles';

/** A table's factor to 万元 (decimal.js values are immutable: one of each serves every table). */
const PER_YUAN = new Decimal('0.0001');
const PER_WAN = new Decimal(1);

function hasNumbers(v: SheetView, from: number, end: number): boolean {
  for (let r = from; r < end; r++) if (v.rowTexts(r).some((t) => /^-?[\d,]+(\.\d+)?$/.test(squash(t)) && t.length > 0)) return true;
  return false;
}

function mapRegion(v: SheetView, def: SchemaDef, title: TitleHit, end: number): { table?: MappedTable; unmapped?: UnmappedTable } {
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

/** A user's correction: the table whose title is at this row of this sheet is (or is not) this schema. */
export interface MappingOverride {
  sheet: string;
  /** 0-based row of the table's title (MappedTable.range.top / UnmappedTable.range.top). */
  titleRow: number;
  /** The schema to map it as, or null to ignore the region. */
  schema: SchemaId | null;
}

/**
 * The tables of one sheet. `stage` 'final': the sheet is read as part of a 决算 disclosure — every title naming a
 * standard table (with or without 决算 in it) is mapped with that table's 决算 columns and rows.
 */
export function detectSheet(sheet: Sheet, overrides: MappingOverride[] = [], stage: Stage = 'budget'): Detection {
  const v = new SheetView(sheet);
  const out: Detection = { tables: [], unmapped: [], others: [] };
  let titles = findTitles(v);
  if (stage === 'final')
    titles = titles.map((t) => {
      // A title without 决算 that named a budget table names the 决算 table its words say (titles/match.ts finalRole).
      const role = t.role ?? (t.schema && (finalRoleOf(t.text) ?? t.schema.id));
      return role && !(t.other && !t.stage) ? { ...t, schema: schemaById(role, 'final'), other: false } : t;
    });
  for (const o of overrides) {
    if (o.sheet !== sheet.name) continue;
    const hit = titles.find((t) => t.row === o.titleRow || (t.row === -1 && o.titleRow === 0));
    const schema = o.schema ? schemaById(o.schema, stage) : undefined;
    if (hit) {
      hit.schema = schema;
      hit.other = !schema;
    } else if (schema) {
      const texts = v.rowTexts(o.titleRow);
      const col = Math.max(
        0,
        texts.findIndex((x) => x),
      );
      titles.push({ row: o.titleRow, col, text: texts[col] || schema.title, schema });
      titles.sort((a, b) => a.row - b.row);
    }
  }
  if (titles.length === 0) {
    const m = matchTitle(sheet.name);
    const role = m?.schema?.id ?? (stage === 'final' ? m?.role : undefined);
    if (role) titles = [{ row: -1, col: 0, text: sheet.name, schema: schemaById(role, stage), by: 'sheet-name' }];
    else {
      const guess = schemaByStructure(v, stage);
      if (guess) titles = [guess];
    }
  }
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i];
    const end = i + 1 < titles.length ? titles[i + 1].row : v.height;
    if (t.other || !t.schema) {
      const o: OtherTable = {
        sheet: sheet.name,
        title: t.text,
        range: { top: t.row, left: t.col, bottom: Math.max(t.row, end - 1), right: Math.max(t.col, v.width - 1) },
      };
      if (t.stage) {
        o.stage = t.stage;
        if (t.role) o.role = t.role;
      }
      out.others.push(o);
      continue;
    }
    const res = mapRegion(v, t.schema, t, end);
    if (res.table) out.tables.push(res.table);
    if (res.unmapped) out.unmapped.push(res.unmapped);
  }
  return out;
}

export interface DetectOptions {
  /** The user's word on which disclosure the workbook is, over what its titles and headings say. */
  stage?: Stage;
}

export function detectWorkbook(wb: Workbook, overrides: MappingOverride[] = [], opts: DetectOptions = {}): Detection {
  const budget = decideStage(detectStage(wb, overrides, 'budget'), opts.stage);
  if (budget.stage!.stage !== 'final') return budget;
  // A 决算 workbook: read again with the 决算 tables' columns and rows.
  const final = detectStage(wb, overrides, 'final');
  final.stage = budget.stage;
  return final;
}

function detectStage(wb: Workbook, overrides: MappingOverride[], stage: Stage): Detection {
  const out: Detection = { tables: [], unmapped: [], others: [] };
  for (const s of wb.sheets) {
    const d = detectSheet(s, overrides, stage);
    out.tables.push(...d.tables);
    out.unmapped.push(...d.unmapped);
    out.others.push(...d.others);
  }
  return continuedTables(oneTablePerTitle(out));
}

/**
 * A table continued elsewhere ("…（续）", "续表", or a sheet named so): neither half adds up alone, so neither is
 * checked as a table (each would be called wrong); both are listed with the reason and what to do. Joining the
 * halves is not done yet: the cells of one table are taken to lie on one sheet.
 */
function continuedTables(det: Detection): Detection {
  const continued = (t: MappedTable) => readTitle(t.title).continued || /续/.test(t.sheet.replace(/继续|持续|连续|陆续/g, ''));
  const split = new Set<MappedTable>();
  for (const t of det.tables) {
    if (!continued(t)) continue;
    const head = det.tables.find((x) => x !== t && x.schema === t.schema && !continued(x));
    split.add(t);
    if (head) split.add(head);
  }
  if (!split.size) return det;
  for (const t of split) {
    const parts = [...split].filter((x) => x.schema === t.schema).map((x) => `“${x.sheet}”`);
    det.unmapped.push({
      sheet: t.sheet,
      range: t.range,
      title: t.title,
      schema: t.schema,
      reason: `${t.def.title}分在${parts.join('和')}${parts.length > 1 ? '' : '（另一半未找到）'}（续表），两部分各自不能平衡，本版本不合并核对：请把续表的行接到原表下方后再校验`,
    });
  }
  det.tables = det.tables.filter((t) => !split.has(t));
  return det;
}

/**
 * Two differently worded titles naming the same standard table (甘肃: 部门收入总体情况表 and 部门预算收入总表; 山东:
 * 一般公共预算基本支出预算表 and the all-funds 基本支出预算表): the one of the template family most of the workbook's
 * titles belong to, or else of any family, is the table; the other is listed as another table. Titles worded the
 * same (a department's table and its units' tables) are all kept.
 */
function oneTablePerTitle(det: Detection): Detection {
  const byTitle = det.tables.filter((t) => t.recognisedBy === 'title');
  if (byTitle.length < 2 && !(byTitle.length && det.unmapped.length)) return det;
  const cores = new Map(byTitle.map((t) => [t, readTitle(t.title).core]));
  const votes = new Map<string, number>();
  for (const core of cores.values()) for (const f of familiesOf(core)) votes.set(f, (votes.get(f) ?? 0) + 1);
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  /** 2 for a title of the workbook's own family, 1 for another family's, 0 for one read by its words. */
  const coreScore = (core: string) => {
    const fams = familiesOf(core);
    return fams.includes(major ?? '') ? 2 : fams.length ? 1 : 0;
  };
  const score = (t: MappedTable) => coreScore(cores.get(t)!);
  const drop = new Set<MappedTable>();
  const groups = new Map<SchemaId, MappedTable[]>();
  for (const t of byTitle) {
    const id = t.titleSaid ?? t.schema;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((t) => cores.get(t))).size < 2) continue;
    const best = Math.max(...group.map(score));
    if (group.every((t) => score(t) === best)) continue;
    for (const t of group) if (score(t) < best) drop.add(t);
  }
  // A titled region that could not be mapped, naming a table a better-placed title already maps, is that other table.
  const dropUnmapped = det.unmapped.filter((u) => {
    const group = u.schema && u.title ? groups.get(u.schema) : undefined;
    if (!group || !u.title) return false;
    const core = readTitle(u.title).core;
    return group.some((t) => !drop.has(t) && score(t) > coreScore(core) && cores.get(t) !== core);
  });
  if (!drop.size && !dropUnmapped.length) return det;
  det.tables = det.tables.filter((t) => !drop.has(t));
  for (const t of drop) det.others.push({ sheet: t.sheet, title: t.title, range: t.range });
  det.unmapped = det.unmapped.filter((u) => !dropUnmapped.includes(u));
  for (const u of dropUnmapped) det.others.push({ sheet: u.sheet, title: u.title!, range: u.range });
  return det;
}

/**
 * 预算 or 决算, for the whole workbook: 决算 titles and 决算 column headings against the tables mapped as budget
 * ones. A 决算 workbook is never checked as a budget one: its tables are listed as 决算 tables, unchecked. In a
 * budget workbook a table with 决算 headings (a 决算 三公 table whose title lacks 决算) is listed the same way.
 */
function decideStage(det: Detection, said?: Stage): Detection {
  const evidence: string[] = [];
  for (const o of det.others) if (o.stage === 'final') evidence.push(`标题“${o.title}”`);
  const budgetTables = det.tables.filter((t) => !t.finalHeading);
  for (const t of det.tables) if (t.finalHeading) evidence.push(`“${t.title}”的列名“${t.finalHeading}”`);
  for (const u of det.unmapped) if (u.finalHeading) evidence.push(`“${u.title ?? u.sheet}”的列名“${u.finalHeading}”`);
  const stage: Stage = said ?? (evidence.length > 0 && evidence.length >= budgetTables.length ? 'final' : 'budget');
  det.stage = { stage, evidence: evidence.slice(0, 5), ...(said ? { overridden: true } : {}) };
  const asFinal = stage === 'final' ? det.tables : said ? [] : det.tables.filter((t) => t.finalHeading);
  if (asFinal.length) {
    det.tables = det.tables.filter((t) => !asFinal.includes(t));
    for (const t of asFinal) det.others.push({ sheet: t.sheet, title: t.title, range: t.range, stage: 'final', role: t.schema });
  }
  const unmappedFinal = stage === 'final' ? det.unmapped : said ? [] : det.unmapped.filter((u) => u.finalHeading);
  if (unmappedFinal.length) {
    for (const u of unmappedFinal)
      det.others.push({ sheet: u.sheet, title: u.title ?? '', range: u.range, stage: 'final', ...(u.schema ? { role: u.schema } : {}) });
    det.unmapped = det.unmapped.filter((u) => !unmappedFinal.includes(u));
  }
  return det;
}
