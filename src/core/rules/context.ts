import { isZeroAmount } from '../amount';
import type { CellAt, Finding } from '../checks';
import { amountColumns } from '../detect';
import type { Workbook } from '../grid';
import type { MappedColumn, MappedRow, MappedTable, OtherTable, Stage, UnmappedTable } from '../model';
import type { SchemaId } from '../schemas';
import { tableIndex, type CodeTree } from '../table-index';

export type { CodeTree } from '../table-index';

/** What an equation may say besides its cells: the id it reports under (one the rule `emits`) and its severity. */
export interface EquationOptions {
  rule?: string;
  severity?: 'error' | 'warning';
}

/**
 * What a rule sees: the tables, and the equations it states over their cells. The engine (engine.ts) decides each
 * equation — exactly, or within the rounding of the printed figures (尾差, an info note) — counts it for the
 * coverage ledger and keeps what the suspects and live checking need; a rule never handles the arithmetic.
 * A finding about an equation names its first left-hand cell, and says what it should be.
 */
export interface RuleContext {
  /** The disclosure the tables belong to: the rules that do not hold in it are not run. */
  stage: Stage;
  /** The tables whose own checks are wanted: every mapped table, except in the suspects' second pass (engine.ts). */
  tables: MappedTable[];
  /** Titled tables that could not be mapped (present in the workbook, but not checked). */
  unmapped: UnmappedTable[];
  /** The other titled tables (绩效 targets, 采购, 资产 …), read from the workbook's grid by the rules about them. */
  others: OtherTable[];
  workbook: Workbook;
  /** The first mapped table of a schema (cross-table rules compare against it). */
  first(id: SchemaId): MappedTable | undefined;
  /** Σ lhs = Σ rhs. `expectation`: what the right-hand side is, in words ("其下各款之和", "基本支出 + 项目支出"). */
  equal(lhs: readonly CellAt[], rhs: readonly CellAt[], expectation: string, o?: EquationOptions): void;
  /** Σ lhs ≥ Σ rhs. */
  atLeast(lhs: readonly CellAt[], rhs: readonly CellAt[], expectation: string, o?: EquationOptions): void;
  /** One column of one table: `row` = Σ `parts` (a 类 and its 款, a 合计 and its 类). */
  columnSum(t: MappedTable, role: string, row: MappedRow, parts: readonly MappedRow[], expectation: string, o?: EquationOptions): void;
  /**
   * One row of one table: its `target` column = Σ its `parts` columns (合计 = 基本支出 + 项目支出). The expectation
   * may be given as a function: it is then written only for an equation that does not hold exactly.
   */
  rowSum(t: MappedTable, row: MappedRow, target: string, parts: readonly string[], expectation: string | (() => string), o?: EquationOptions): void;
  /** A finding the rule words itself (names, codes, layout: what is not an equation). */
  finding(f: Finding): void;
}

/**
 * The first mapped table of each schema (cross-table rules and the coverage ledger use it): the first on a visible
 * sheet, and only when the schema has none there the first on a hidden one (a stale copy kept on a hidden sheet
 * before the published table is not what is published).
 */
export function firstTables(tables: MappedTable[]): Map<SchemaId, MappedTable> {
  const m = new Map<SchemaId, MappedTable>();
  for (const t of tables) {
    const had = m.get(t.schema);
    if (!had || (had.hidden && !t.hidden)) m.set(t.schema, t);
  }
  return m;
}

export interface Rule {
  id: string;
  /**
   * What a finding of this rule is when it does not hold (a check within rounding is always an info note); both,
   * for a rule whose cases differ (a name that differs in wording: warning; one that names another item: error).
   */
  severity: 'error' | 'warning' | readonly ('error' | 'warning')[];
  /** Other rule ids its findings carry (a rule that reports a family of cases under their own ids). */
  emits?: readonly string[];
  /** Domain rule number(s) in shared/domain.md. */
  domain: string;
  title: string;
  /**
   * What the rule reads of the amounts besides the checks it emits (the live check re-runs it, instead of
   * re-evaluating its checks, when an edit may change that): 'presence' — which cells are blank or zero decides
   * what it emits; 'values' — its findings quote amounts; 'precision' — which cells are shown with fewer decimals
   * than their table (and whether blank or zero). Absent: it emits the same checks whatever the amounts.
   */
  reads?: 'presence' | 'values' | 'precision';
  /** The disclosures the rule holds in (final-accounts.md §3.4); absent: both 预算 and 决算. */
  stages?: readonly Stage[];
  /**
   * A cross-table rule's family in the coverage ledger: its label, the tables it needs (absent ones are named as
   * the reason it did not run), and `when` it applies at all (listed only then).
   */
  covers?: { label: string; needs: readonly SchemaId[]; when?: (first: ReadonlyMap<SchemaId, MappedTable>) => boolean };
  run(ctx: RuleContext): void;
}

const rolesOf = new WeakMap<MappedColumn[], readonly string[]>();

/** The amount columns' roles (on a side), once per list of detection's amount columns: every rule asks, for every table. */
export function amountRoles(t: MappedTable, side?: 'in' | 'out'): readonly string[] {
  const cols = amountColumns(t.columns, side);
  let roles = rolesOf.get(cols);
  if (!roles) rolesOf.set(cols, (roles = cols.map((c) => c.role)));
  return roles;
}

/** The table's code rows, in table order. */
export function codeRows(t: MappedTable): readonly MappedRow[] {
  return tableIndex(t).codeRows;
}

/** Whether the table has a column of this role. */
export function has(t: MappedTable, role: string): boolean {
  return t.columns.some((c) => c.role === role);
}

/** The two-sided summaries (收支总表, 财政拨款收支总表) among the context's tables. */
export function twoSided(ctx: RuleContext): MappedTable[] {
  return ctx.tables.filter((t) => t.def.shape === 'two-sided');
}

/** Whether any amount of the table is filled and not zero (an empty table is 空表列示). */
export function hasAmounts(t: MappedTable): boolean {
  return t.rows.some((r) => Object.values(r.amounts).some((a) => !isZeroAmount(a)));
}

export function totalRow(t: MappedTable): MappedRow | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

/** The first row of each code. */
export function byCode(t: MappedTable): ReadonlyMap<string, MappedRow> {
  return tableIndex(t).byCode;
}

/** The first row of an item (on a side). */
export function item(t: MappedTable, key: string, side?: 'in' | 'out'): MappedRow | undefined {
  return tableIndex(t).item(key, side);
}

/** The table's code rows as a tree (each row's parent is the longest proper prefix of its code the table has). */
export function tableParents(t: MappedTable): CodeTree {
  return tableIndex(t).tree;
}

/**
 * Where a row's code could not be read (a misprint with no probable code), the sums it belongs to are unknown:
 * the class and 款 above it and the table's 合计 are left unchecked (the coverage ledger says so) instead of
 * reporting amount errors that only the misprint causes.
 */
export function uncertainSums(t: MappedTable): { codes: Set<string>; total: boolean } {
  const codes = new Set<string>();
  let total = false;
  for (const i of t.codeIssues) {
    if (i.suggested) continue;
    total = true;
    const prev = t.rows.filter((r) => r.kind === 'code' && r.row < i.row).pop();
    if (prev?.code) {
      codes.add(prev.code.slice(0, 3));
      if (prev.code.length >= 5) codes.add(prev.code.slice(0, 5));
    }
  }
  return { codes, total };
}
