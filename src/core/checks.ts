/**
 * A check is a linear equality (or ≥) between shown amounts, possibly across tables and units.
 * Every shown value may be off by half a unit of its last decimal (values are sums of 元 rounded to
 * 万元), so a check passes exactly, passes within the rounding bound (尾差, info), or fails.
 */
import Decimal from 'decimal.js';
import { fmt, fmtScaled, grouped, isZeroAmount, microDecimal, ZERO } from './amount';
import { tableIndex } from './table-index';
import { a1 } from './grid';
import type { AmountRef, MappedRow, MappedTable } from './model';
import type { SchemaId } from './schemas';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One shown amount in a check. The label (for messages) is built only when a finding needs it:
 * a provincial workbook has hundreds of thousands of terms and almost all checks pass.
 */
export class Term {
  private customLabel?: string;
  /** Value in 万元; made on first use (most checks are decided on `units` alone). */
  private v: Decimal | undefined;
  constructor(
    readonly table: MappedTable,
    /** The cell; undefined for a row that does not exist (counts as an exact zero). */
    readonly ref: AmountRef | undefined,
    /** The row (undefined for one that does not exist). */
    readonly row: MappedRow | undefined,
    /** The column's role; its label is looked up only when a message needs it. */
    readonly role: string,
    /** The value in millionths of a 万元 (0.01 元) as an exact integer, NaN when not exact: the fast path of evaluate. */
    public units = 0,
    private readonly roleText?: string,
  ) {
    if (!ref || ref.blank) this.v = ZERO;
  }
  /** Human label: "支出总表「208 社会保障和就业支出」基本支出". */
  get label(): string {
    return (
      this.customLabel ?? `${shortTitle(this.table)}「${this.row ? rowLabel(this.row) : '（无此行）'}」${this.roleText ?? roleLabel(this.table, this.role)}`
    );
  }
  set label(v: string) {
    this.customLabel = v;
  }
  /** Value in 万元; ZERO (the same object) for a blank or missing cell. */
  get value(): Decimal {
    return (this.v ??= refValue(this.table, this.ref));
  }
  /** Half a unit of the cell's own printed last decimal (printedDecimals), in 万元; 0 for blank or missing cells. */
  get half(): Decimal {
    return this.ref && !this.ref.blank ? halfUnit(this.table, printedDecimals(this.table, this.ref)) : ZERO;
  }
  /** Re-reads the cell after an edit changed its AmountRef in place. */
  refresh(): void {
    if (!this.ref) return;
    this.v = undefined;
    this.units = refUnits(this.table, this.ref);
  }
}

export interface Check {
  rule: string;
  op: 'eq' | 'gte';
  lhs: Term[];
  rhs: Term[];
  /** What the right-hand side is, in words: "其下各款之和", "基本支出 + 项目支出". */
  expectation: string;
  /** Severity when the check fails (default error). */
  severity?: Severity;
}

export type CheckStatus = 'pass' | 'rounding' | 'fail';

/** Largest |Σlhs − Σrhs| that rounding explains, in 万元: half a unit for every shown (non-blank) term. */
export function boundOf(check: Check): Decimal {
  let bound = ZERO;
  for (const t of check.lhs) if (t.value !== ZERO) bound = bound.plus(t.half);
  for (const t of check.rhs) if (t.value !== ZERO) bound = bound.plus(t.half);
  return bound;
}

export class CheckResult {
  private cachedDiff?: Decimal;
  private cachedBound?: Decimal;
  constructor(
    readonly check: Check,
    /** Σlhs − Σrhs in millionths of a 万元 as an exact integer; NaN when it is not exact (then `diff` is given). */
    readonly units: number,
    readonly status: CheckStatus,
    diff?: Decimal,
    bound?: Decimal,
  ) {
    this.cachedDiff = diff;
    this.cachedBound = bound;
  }
  /** Σlhs − Σrhs in 万元 (made from `units` when first asked: the suspects and messages need it, most checks never). */
  get diff(): Decimal {
    return (this.cachedDiff ??= this.units === 0 ? ZERO : microDecimal(this.units));
  }
  /** Computed only when needed: most checks hold exactly and never need it. */
  get bound(): Decimal {
    return (this.cachedBound ??= boundOf(this.check));
  }
}

export interface CellRef {
  sheet: string;
  cell: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  sheet: string;
  cell: string;
  cells: CellRef[];
  expected?: string;
  actual?: string;
  difference?: string;
  table?: SchemaId;
}

export const SHORT_TITLE: Record<SchemaId, string> = {
  'income-expenditure-summary': '收支总表',
  income: '收入总表',
  expenditure: '支出总表',
  'fiscal-appropriation-summary': '财政拨款收支总表',
  'general-budget-expenditure': '一般公共预算支出表',
  'general-budget-basic-expenditure': '一般公共预算基本支出表',
  'government-fund-expenditure': '政府性基金预算支出表',
  'state-capital-expenditure': '国有资本经营预算支出表',
  'three-public-expenditure': '“三公”经费支出表',
};

/** The 决算 tables' short names (final-accounts.md §1): 收入决算表, 支出决算表 … */
export const FINAL_SHORT_TITLE: Record<SchemaId, string> = {
  'income-expenditure-summary': '收支决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  'fiscal-appropriation-summary': '财政拨款收支决算总表',
  'general-budget-expenditure': '一般公共预算支出决算表',
  'general-budget-basic-expenditure': '一般公共预算基本支出决算表',
  'government-fund-expenditure': '政府性基金收支决算表',
  'state-capital-expenditure': '国有资本经营收支决算表',
  'three-public-expenditure': '“三公”经费支出决算表',
};

/** A table's short name for messages, in its stage's words. */
export function shortTitle(t: Pick<MappedTable, 'schema' | 'def'>): string {
  return (t.def?.stage === 'final' ? FINAL_SHORT_TITLE : SHORT_TITLE)[t.schema];
}

export function rowLabel(row: MappedRow): string {
  if (row.kind === 'code') return `${row.code} ${row.name}`.trim();
  return row.name.replace(/\s+/g, '');
}

const HALF = new Decimal('0.5');

/** Half a unit of `decimals` places of the table's unit, in 万元. */
function halfUnit(table: MappedTable, decimals: number): Decimal {
  return HALF.times(new Decimal(10).pow(-decimals)).times(table.factor);
}

/**
 * The decimals a cell's rounding bound comes from (domain.md: each shown value may be off by half a unit of its own
 * last decimal): what its number format or its text prints — "22,118,861" among "….00" cells may be 0.5 元 off. Never
 * finer than the table's precision (the finest its non-zero amounts show). The table's precision, too, for a zero,
 * for a number whose format fixes no decimals (General: shown in full), and in a table that never prints a trailing
 * zero (MappedTable.padded: "25" beside "21.56" is a number printed in full, not one rounded coarser).
 */
export function printedDecimals(table: MappedTable, ref: AmountRef): number {
  if (!table.padded || ref.unformatted || ref.decimals >= table.decimals) return table.decimals;
  return isZeroAmount(ref) ? table.decimals : ref.decimals;
}

/**
 * A cell's amount in 万元: a 万元 table's own value object (nothing made); blank or missing is the exact ZERO
 * (evaluate skips it by identity). Also the narrative's figures.
 */
export function refValue(table: MappedTable, ref: AmountRef | undefined): Decimal {
  return !ref || ref.blank ? ZERO : table.unit === '万元' ? ref.value : ref.value.times(table.factor);
}

/** A cell's amount in millionths of a 万元 (exact integer), NaN when it has more decimals than that. */
function refUnits(table: MappedTable, ref: AmountRef): number {
  if (ref.blank) return 0;
  if (table.unit === '万元') return ref.micro;
  // 元: millionths of a 元 ÷ 10⁴ = millionths of a 万元, exact only for whole 分.
  return ref.micro % 10000 === 0 ? ref.micro / 10000 : NaN;
}

/** A column's label by its role (every term's label asks). */
function roleLabel(table: MappedTable, role: string): string {
  return tableIndex(table).columnLabel(role);
}

/** A cell's label for messages ("支出总表「208 社会保障和就业支出」基本支出"). */
export function cellLabel(table: MappedTable, row: MappedRow | undefined, role: string): string {
  return term(table, row, role).label;
}

export function term(table: MappedTable, row: MappedRow | undefined, role: string, roleLabelText?: string): Term {
  const ref = row?.amounts[role];
  return new Term(table, ref, row, role, ref ? refUnits(table, ref) : 0, roleLabelText);
}

/** One cell of a row in millionths of a 万元: 0 for a missing row or cell, NaN when not exact. */
function cellUnits(table: MappedTable, row: MappedRow | undefined, role: string): number {
  const ref = row?.amounts[role];
  return ref ? refUnits(table, ref) : 0;
}

/** A scaled integer, or NaN when it is not exact (past 2⁵³, or a NaN term). */
const exact = (u: number): number => (Number.isSafeInteger(u) ? u : NaN);

/**
 * a + b for exact scaled integers, NaN once the sum leaves the exact range: checked at every step, so a sum cannot
 * pass 2⁵³ on the way and come back looking exact. NaN stays NaN.
 */
const addExact = (a: number, b: number): number => {
  const s = a + b;
  return s <= Number.MAX_SAFE_INTEGER && s >= -Number.MAX_SAFE_INTEGER ? s : NaN;
};

/**
 * One row's cell − Σ over `rhs` rows, of one column of one table, in millionths of a 万元 (NaN when not exact): what
 * `evaluate` would decide on, worked out without building the terms (a holding sum needs none of them).
 */
export function rowsUnitsDiff(table: MappedTable, role: string, lhs: MappedRow | undefined, rhs: readonly (MappedRow | undefined)[]): number {
  let u = cellUnits(table, lhs, role);
  for (const r of rhs) u = addExact(u, -cellUnits(table, r, role));
  return u;
}

/**
 * A cell of an equation: its table, row and column role. The row may be one the table lacks (an exact zero); the
 * optional fourth element names such a cell in messages ("…中缺少科目 2080505（…），按 0 计").
 */
export type CellAt = readonly [MappedTable, MappedRow | undefined, string, string?];

/** Σ over `lhs` cells − Σ over `rhs` cells, of any tables, in millionths of a 万元 (NaN when not exact). */
export function cellsUnitsDiff(lhs: readonly CellAt[], rhs: readonly CellAt[]): number {
  let u = 0;
  for (const c of lhs) u = addExact(u, cellUnits(c[0], c[1], c[2]));
  for (const c of rhs) u = addExact(u, -cellUnits(c[0], c[1], c[2]));
  return u;
}

/** The same within one row: its `lhs` column − Σ its `rhs` columns (a row formula such as 合计 = 基本 + 项目). */
export function rolesUnitsDiff(table: MappedTable, row: MappedRow, lhs: string, rhs: readonly string[]): number {
  let u = cellUnits(table, row, lhs);
  for (const role of rhs) u = addExact(u, -cellUnits(table, row, role));
  return u;
}

/** Σlhs − Σrhs in millionths of a 万元 when every term is exact there (NaN otherwise): integers, no allocation. */
function unitsDiff(check: Check): number {
  let u = 0;
  for (const t of check.lhs) u = addExact(u, t.units);
  for (const t of check.rhs) u = addExact(u, -t.units);
  return u;
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * Twice half a unit of a cell's printed last decimal (printedDecimals), in millionths of a 万元 (10⁶⁻ᵈ for 万元,
 * 10²⁻ᵈ for 元): the rounding bound's step as an exact integer; NaN for cells shown finer than that.
 */
function doubledHalfUnits(table: MappedTable, ref: AmountRef): number {
  return POWERS_OF_TEN[6 - printedDecimals(table, ref) - (table.unit === '元' ? 4 : 0)] ?? NaN;
}

/** Twice the rounding bound in millionths of a 万元 (see boundOf), NaN when not an exact integer. */
function doubledBoundUnits(check: Check): number {
  let b = 0;
  for (const t of check.lhs) if (t.ref && !t.ref.blank) b += doubledHalfUnits(t.table, t.ref);
  for (const t of check.rhs) if (t.ref && !t.ref.blank) b += doubledHalfUnits(t.table, t.ref);
  return exact(b);
}

export function evaluate(check: Check): CheckResult {
  // Most checks hold exactly: decided on exact scaled integers; decimal.js only for the rest.
  const u = unitsDiff(check);
  if (u === 0) return new CheckResult(check, 0, 'pass');
  const b2 = Number.isNaN(u) ? NaN : doubledBoundUnits(check);
  if (!Number.isNaN(b2)) {
    // |diff| ≤ bound  ⇔  2·|u| ≤ b2, all in exact integers (2·|u| stays below 2⁵⁴, a power of two: exact).
    if (check.op === 'gte') return new CheckResult(check, u, u > 0 || 2 * u >= -b2 ? 'pass' : 'fail');
    return new CheckResult(check, u, 2 * Math.abs(u) <= b2 ? 'rounding' : 'fail');
  }
  let diff = ZERO;
  for (const t of check.lhs) if (t.value !== ZERO) diff = diff.plus(t.value); // blank or missing: exact zero
  for (const t of check.rhs) if (t.value !== ZERO) diff = diff.minus(t.value);
  if (check.op === 'eq' && diff.isZero()) return new CheckResult(check, NaN, 'pass', diff);
  if (check.op === 'gte' && !diff.isNegative()) return new CheckResult(check, NaN, 'pass', diff);
  const bound = boundOf(check);
  let status: CheckStatus;
  if (check.op === 'gte') status = diff.gte(bound.negated()) ? 'pass' : 'fail';
  else status = diff.abs().lte(bound) ? 'rounding' : 'fail';
  return new CheckResult(check, NaN, status, diff, bound);
}

function cellOf(t: Term): CellRef | undefined {
  return t.ref ? { sheet: t.table.sheet, cell: a1(t.ref.row, t.ref.col) } : undefined;
}

/** The amounts a finding quotes, as shown in the target cell's unit and decimals. */
interface Quoted {
  actual: string;
  expected: string;
  difference: string;
  /** −difference: how much a "≥" falls short. */
  shortfall: string;
  /** The rounding bound, one decimal finer. */
  bound(): string;
}

/** The quoted amounts from exact scaled integers (no decimal.js), or undefined when any of them is not exact. */
function quotedExact(res: CheckResult, target: Term): Quoted | undefined {
  const tt = target.table;
  // Millionths of a 万元 → millionths of the target's unit.
  const k = tt.unit === '元' ? 10_000 : 1;
  const actual = target.ref ? target.ref.micro : 0;
  const expected = exact((target.units - res.units) * k);
  const difference = exact(actual - expected);
  if (Number.isNaN(difference)) return undefined;
  const dec = tt.decimals;
  return {
    actual: fmtScaled(actual, 6, dec),
    expected: fmtScaled(expected, 6, dec),
    difference: fmtScaled(difference, 6, dec),
    shortfall: fmtScaled(-difference, 6, dec),
    // Twice the bound in millionths of a 万元 → the bound in ten-millionths of the target's unit.
    bound: () => fmtScaled(doubledBoundUnits(res.check) * k * 5, 7, dec + 1),
  };
}

function quotedDecimal(res: CheckResult, target: Term): Quoted {
  const tt = target.table;
  const dec = tt.decimals;
  const inTargetUnit = (v: Decimal) => v.div(tt.factor);
  const actual = target.ref ? target.ref.value : ZERO;
  // expected value of the target cell = what makes the check hold exactly.
  const expected = inTargetUnit(target.value.minus(res.diff));
  const difference = actual.minus(expected);
  return {
    actual: fmt(actual, dec),
    expected: fmt(expected, dec),
    difference: fmt(difference, dec),
    shortfall: fmt(difference.negated(), dec),
    bound: () => fmt(inTargetUnit(res.bound), dec + 1),
  };
}

/** Turns a non-passing result into a finding, stated in the target cell's own unit. */
export function toFinding(res: CheckResult): Finding | undefined {
  if (res.status === 'pass') return undefined;
  const c = res.check;
  const target = c.lhs[0];
  const tt = target.table;
  const q = (Number.isNaN(res.units) ? undefined : quotedExact(res, target)) ?? quotedDecimal(res, target);
  const cells = [...c.lhs, ...c.rhs].map(cellOf).filter((x): x is CellRef => !!x);
  const anchor = cellOf(target) ?? cellOf(c.rhs.find((t) => t.ref) ?? target) ?? { sheet: tt.sheet, cell: a1(tt.range.top, tt.range.left) };
  const unit = tt.unit;
  // Amounts in 元 are read with thousands separators ("相差 -503,724元"); the finding's fields keep the plain figures.
  const g = unit === '元' ? grouped : (x: string) => x;
  const m = { actual: g(q.actual), expected: g(q.expected), difference: g(q.difference), shortfall: g(q.shortfall) };
  let message: string;
  let severity: Severity;
  if (res.status === 'rounding') {
    severity = 'info';
    message = `${target.label}为 ${m.actual}，${c.expectation}为 ${m.expected}，相差 ${m.difference}${unit}，在四舍五入尾差允许范围（±${g(q.bound())}）内`;
  } else if (c.op === 'gte') {
    severity = c.severity ?? 'error';
    message = `${target.label}为 ${m.actual}，应不少于${c.expectation} ${m.expected}${unit}，少 ${m.shortfall}${unit}`;
  } else {
    severity = c.severity ?? 'error';
    message = `${target.label}应为 ${m.expected}（${c.expectation}），实际为 ${m.actual}，相差 ${m.difference}${unit}`;
  }
  return {
    rule: c.rule,
    severity,
    message,
    sheet: anchor.sheet,
    cell: anchor.cell,
    cells,
    expected: q.expected,
    actual: q.actual,
    difference: q.difference,
    table: tt.schema,
  };
}
