/**
 * The engine the rules run in. A rule states equalities and inequalities over cells (RuleContext.equal, atLeast,
 * columnSum, rowSum); the engine decides them — exact scaled integers first (checks.ts), the rounding bound (尾差)
 * where they differ — counts them for the coverage ledger, and keeps what the suspects and the live session need.
 * Rules never see scaled integers, checks or terms.
 */
import { Check, CheckResult, cellsUnitsDiff, Term, evaluate, Finding, rolesUnitsDiff, rowsUnitsDiff, term, toFinding, type CellAt } from './checks';
import type { Workbook } from './grid';
import type { Detection, MappedTable, OtherTable, Stage, UnmappedTable } from './model';
import { rulesFor } from './rules';
import { firstTables, type EquationOptions, type Rule, type RuleContext } from './rules/context';
import type { SchemaId } from './schemas';

/** Where the checks and findings of a run go. */
export interface RuleSink {
  check(c: Check): void;
  finding(f: Finding): void;
  /**
   * Whether an equality with this exact scaled-integer difference (`units`) has been counted as holding without
   * being built: a run that keeps no holding checks does so when `units` is 0. Absent, every check is built (the
   * live session keeps them). `other`: the second table the equality reads, if any (the suspects' second pass
   * drops, unbuilt, the holding equalities that read no table with a failing cell).
   */
  countHolding?(rule: string, table: MappedTable, units: number, other?: MappedTable): boolean;
}

/** The contexts of one run: the disclosure's stage, and one context per rule (its id is the checks' rule). */
export interface RuleContexts {
  stage: Stage;
  forRule(rule: Rule): RuleContext;
}

/** What the rules read: the mapped tables, the titled ones that could not be mapped, the other tables and the grid. */
export interface RuleInput {
  tables: MappedTable[];
  unmapped: UnmappedTable[];
  others: OtherTable[];
  workbook: Workbook;
}

/** What the rules read of a detected workbook. */
export function ruleInput(det: Detection, workbook: Workbook): RuleInput {
  return { tables: det.tables, unmapped: det.unmapped, others: det.others, workbook };
}

/**
 * The contexts the rules run in: what they read, and where their checks and findings go. `firstOf`: the tables the
 * cross-table rules take the first of each schema from, when `input.tables` is only some of them.
 */
export function ruleContexts(input: RuleInput, sink: RuleSink, firstOf: MappedTable[] = input.tables): RuleContexts {
  const firsts = firstTables(firstOf);
  const stage: Stage = firstOf.some((t) => t.def.stage === 'final') ? 'final' : 'budget';
  const first = (id: SchemaId) => firsts.get(id);
  const settled = (rule: string, table: MappedTable, units: number, other?: MappedTable): boolean =>
    sink.countHolding !== undefined && sink.countHolding(rule, table, units, other);
  const build = (rule: string, op: Check['op'], lhs: readonly CellAt[], rhs: readonly CellAt[], expectation: string, severity?: Check['severity']) =>
    sink.check({ rule, op, lhs: lhs.map(termOf), rhs: rhs.map(termOf), expectation, severity });
  return {
    stage,
    forRule(rule: Rule): RuleContext {
      const ruleOf = (o?: EquationOptions) => o?.rule ?? rule.id;
      return {
        ...input,
        stage,
        first,
        finding: sink.finding,
        equal(lhs, rhs, expectation, o) {
          const id = ruleOf(o);
          const counted = lhs[0]?.[0] ?? rhs[0]?.[0];
          const other = counted && otherTable(counted, lhs, rhs);
          if (counted && other !== null && settled(id, counted, cellsUnitsDiff(lhs, rhs), other)) return;
          build(id, 'eq', lhs, rhs, expectation, o?.severity);
        },
        atLeast(lhs, rhs, expectation, o) {
          build(ruleOf(o), 'gte', lhs, rhs, expectation, o?.severity);
        },
        columnSum(t, role, row, parts, expectation, o) {
          const id = ruleOf(o);
          if (settled(id, t, rowsUnitsDiff(t, role, row, parts))) return;
          sink.check({ rule: id, op: 'eq', lhs: [term(t, row, role)], rhs: parts.map((p) => term(t, p, role)), expectation, severity: o?.severity });
        },
        rowSum(t, row, target, parts, expectation, o) {
          const id = ruleOf(o);
          if (settled(id, t, rolesUnitsDiff(t, row, target, parts))) return;
          const expected = typeof expectation === 'string' ? expectation : expectation();
          sink.check({ rule: id, op: 'eq', lhs: [term(t, row, target)], rhs: parts.map((p) => term(t, row, p)), expectation: expected, severity: o?.severity });
        },
      };
    },
  };
}

/** A cell of an equation as a term; a row the table lacks is an exact zero, named by the cell's `missing` words. */
function termOf(c: CellAt): Term {
  const tm = term(c[0], c[1], c[2]);
  if (!c[1] && c[3]) tm.label = c[3];
  return tm;
}

/**
 * The table other than `first` that the cells read: undefined when they read only `first`, null when they read
 * more than two tables (`countHolding` can only be told of two; such an equality is always built).
 */
function otherTable(first: MappedTable, lhs: readonly CellAt[], rhs: readonly CellAt[]): MappedTable | undefined | null {
  let other: MappedTable | undefined;
  for (let i = 0; i < lhs.length + rhs.length; i++) {
    const t = (i < lhs.length ? lhs[i] : rhs[i - lhs.length])[0];
    if (t === first || t === other) continue;
    if (other) return null;
    other = t;
  }
  return other;
}

/** Checks evaluated per family (the coverage ledger's counts): cross-table rules by id, the rest by table. */
export interface CheckCounts {
  total: number;
  byRule: Map<string, number>;
  byTable: Map<SchemaId, number>;
}

export interface RuleRun {
  /** Checks that do not hold (beyond rounding). */
  failing: CheckResult[];
  /** Holding checks kept because `keep` asked for them (the suspects need those around the failing cells). */
  kept: CheckResult[];
  findings: Finding[];
  counts: CheckCounts;
}

export const emptyCounts = (): CheckCounts => ({ total: 0, byRule: new Map(), byTable: new Map() });

/** Counts one evaluated check for the coverage ledger: cross-table rules by id, the rest by their table. */
export function countCheck(counts: CheckCounts, c: Check): void {
  countRuleCheck(counts, c.rule, c.lhs[0]?.table ?? c.rhs[0]?.table);
}

function countRuleCheck(counts: CheckCounts, rule: string, t: MappedTable | undefined, n = 1): void {
  counts.total += n;
  if (rule.startsWith('cross.')) counts.byRule.set(rule, (counts.byRule.get(rule) ?? 0) + n);
  else if (t) counts.byTable.set(t.schema, (counts.byTable.get(t.schema) ?? 0) + n);
}

/**
 * Runs every rule, evaluating each check as it is emitted: findings and counts are taken at once and a holding
 * check is dropped unless `keep` wants it, so memory stays linear in the failures, not in the checks (a
 * provincial workbook emits hundreds of thousands of holding checks).
 * `keepFrom`, with `keep`: the only tables whose cells `keep` can want. An equality that holds exactly and reads
 * none of them is then dropped without being built, and not counted; the rules that check one table at a time run
 * on those tables only (a check of another table reads none of their cells), the cross-table rules still compare
 * the first table of each schema. Such a run's findings and counts are not used.
 */
export function runRules(input: RuleInput, keep?: (c: Check) => boolean, keepFrom?: ReadonlySet<MappedTable>): RuleRun {
  const findings: Finding[] = [];
  const failing: CheckResult[] = [];
  const kept: CheckResult[] = [];
  const counts = emptyCounts();
  const check = (c: Check) => {
    const r = evaluate(c);
    countCheck(counts, c);
    if (r.status === 'pass') {
      if (keep?.(c)) kept.push(r);
      return;
    }
    const f = toFinding(r);
    if (f) findings.push(f);
    if (r.status === 'fail') failing.push(r);
    else if (keep?.(c)) kept.push(r);
  };
  // Nothing kept: a sum that holds exactly on the scaled integers is counted without building its check (the
  // same 'pass' evaluate would give); with `keep`, every check is built for it to look at but those `keepFrom` rules out.
  // Runs of holding checks of one rule and table (a hierarchy rule settles hundreds in a row) are counted at once.
  let pending = { rule: '', table: undefined as MappedTable | undefined, n: 0 };
  const flush = () => {
    if (pending.n) countRuleCheck(counts, pending.rule, pending.table, pending.n);
  };
  const countHolding: RuleSink['countHolding'] = keep
    ? keepFrom && ((_rule, table, units, other) => units === 0 && !keepFrom.has(table) && (other === undefined || !keepFrom.has(other)))
    : (rule: string, table: MappedTable, units: number) => {
        if (units !== 0) return false;
        if (rule !== pending.rule || table !== pending.table) {
          flush();
          pending = { rule, table, n: 0 };
        }
        pending.n++;
        return true;
      };
  const { tables } = input;
  // A run for the suspects (keepFrom) reads only the tables with failing cells, and none of the other tables.
  const own: RuleInput = keepFrom ? { ...input, tables: tables.filter((t) => keepFrom.has(t)), others: [] } : input;
  const contexts = ruleContexts(own, { check, finding: (f) => void findings.push(f), countHolding }, tables);
  for (const rule of rulesFor(contexts.stage)) rule.run(contexts.forRule(rule));
  flush();
  return { failing, kept, findings, counts };
}
