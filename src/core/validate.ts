/** The core entry point: workbook grid → mapped tables → rules → findings and ranked suspects. */
import { Check, CheckResult, Finding, Term } from './checks';
import { buildCoverage, CoverageEntry } from './coverage';
import { detectWorkbook, MappingOverride } from './detect';
import { cellNumber, inRange, parseA1, rangeA1, Workbook } from './grid';
import type { Detection, MappedTable, Stage, StageDecision } from './model';
import { CheckCounts, RuleInput, ruleInput, RuleRun, runRules } from './engine';
import { crossStageFindings } from './rules/cross-stage';
import { isCheckedPerformanceTable } from './rules/performance';
import type { SchemaId } from './schemas';
import { nameLikelySuspect, rankSuspects, Suspect } from './suspects';

export interface TableSummary {
  schema: SchemaId;
  title: string;
  sheet: string;
  range: string;
  unit: string;
  year: number | null;
  department: string | null;
  /** Present when the table was not recognised by its own title: by its sheet's name or by its columns and codes. */
  recognisedBy?: 'sheet-name' | 'structure';
  /** The table its title named, when the columns and codes said otherwise. */
  titleSaid?: SchemaId;
  /** On a hidden sheet (a visible table of the schema is preferred for the cross-table checks). */
  hidden?: boolean;
}

export interface ValidationReport {
  tables: TableSummary[];
  unmapped: { sheet: string; range: string; reason: string; schema?: SchemaId }[];
  /** Other tables; `checked` is set on those this version checks (项目绩效目标表, 部门整体绩效目标). */
  others: { sheet: string; range: string; title: string; checked?: boolean; stage?: 'final'; role?: SchemaId }[];
  /** 预算 or 决算, and what said so: a 决算 workbook's tables are listed, never checked as budget tables. */
  stage: StageDecision;
  findings: Finding[];
  suspects: Suspect[];
  counts: { error: number; warning: number; info: number; checks: number };
  /** Which families of checks ran and which could not, and why (additive to the JSON contract). */
  coverage: CoverageEntry[];
  /** Sheets that hold no table (chart, dialog and Excel 4 macro sheets): listed, not read (additive). */
  skippedSheets?: { sheet: string; kind: 'chart' | 'dialog' | 'macro' }[];
}

export interface ValidateOptions {
  /** Use these mapped tables instead of detecting. */
  detection?: Detection;
  /** The user's corrections of the detected mapping. */
  overrides?: MappingOverride[];
  /** The user's word on 预算 or 决算, over what the titles and headings say. */
  stage?: Stage;
  /** For a 决算 workbook: the same year's 预算 tables, compared as warnings (rules/cross-stage.ts). */
  budget?: Detection;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Cells by sheet, each by its grid.cellNumber (a number, not a string, per cell). */
type CellSet = Map<string, Set<number>>;

const addCell = (cells: CellSet, sheet: string, row: number, col: number) => {
  const s = cells.get(sheet);
  if (s) s.add(cellNumber(row, col));
  else cells.set(sheet, new Set([cellNumber(row, col)]));
};

function readsCell(cells: CellSet, terms: readonly Term[]): boolean {
  for (const t of terms) if (t.ref && cells.get(t.table.sheet)?.has(cellNumber(t.ref.row, t.ref.col))) return true;
  return false;
}

/**
 * The checks the suspects are ranked on: the failing ones and every check that shares a cell with them (a
 * second pass over the rules, only when something fails, keeping just those).
 */
function suspectInputs(input: RuleInput, first: RuleRun): CheckResult[] {
  // The suspects explain failing error-level checks; warning-level identities alone (30113 = 2210201 …) have none.
  if (!first.failing.some((r) => (r.check.severity ?? 'error') === 'error')) return [];
  const cells: CellSet = new Map();
  /** The tables that hold a failing cell (two tables overlapping there both do): only their checks can share one. */
  const hot = new Set<MappedTable>();
  for (const r of first.failing)
    for (const t of [...r.check.lhs, ...r.check.rhs]) {
      if (!t.ref) continue;
      const { row, col } = t.ref;
      const sheet = t.table.sheet;
      addCell(cells, sheet, row, col);
      hot.add(t.table);
      for (const x of input.tables) if (x.sheet === sheet && inRange(x.range, row, col)) hot.add(x);
    }
  const touches = (c: Check) => readsCell(cells, c.lhs) || readsCell(cells, c.rhs);
  const second = runRules(input, touches, hot);
  return [...second.failing, ...second.kept];
}

/** A cell's label ("支出总表「2080505 …」项目支出"), from the checks the suspects were ranked on (asked for a few cells). */
function labelIn(results: CheckResult[]): (sheet: string, cell: string) => string | undefined {
  return (sheet, cell) => {
    const p = parseA1(cell);
    for (const r of results)
      for (const t of [...r.check.lhs, ...r.check.rhs]) if (t.ref && t.table.sheet === sheet && t.ref.row === p.row && t.ref.col === p.col) return t.label;
    return undefined;
  };
}

export function validateWorkbook(wb: Workbook, opts: ValidateOptions = {}): ValidationReport {
  const det = opts.detection ?? detectWorkbook(wb, opts.overrides, { stage: opts.stage });
  const input = ruleInput(det, wb);
  const run = runRules(input);
  if (opts.budget && det.stage?.stage === 'final') run.findings.push(...crossStageFindings(det.tables, opts.budget.tables));
  return finishReport(wb, det, run.findings, run.counts, suspectInputs(input, run));
}

/**
 * The report from what the rules gave: the 绩效 tables and the figures' plausibility are checked here, findings
 * are ordered by severity (stable), suspects ranked and the coverage ledger built. Shared by the full run and the
 * live check, so both give the same report for the same workbook.
 */
export function finishReport(wb: Workbook, det: Detection, ruleFindings: Finding[], checkCounts: CheckCounts, suspectChecks: CheckResult[]): ValidationReport {
  // A formula without a result anyone can trust (none cached, or the file asks to be recalculated, and one the
  // evaluator does not read) never makes an amount error or a suggestion: what rests on it is not reported.
  const untrusted: CellSet = new Map();
  for (const t of det.tables)
    for (const u of t.uncalculated) {
      let set = untrusted.get(t.sheet);
      if (!set) untrusted.set(t.sheet, (set = new Set()));
      set.add(cellNumber(u.row, u.col));
    }
  const restsOnUntrusted = (f: Finding) =>
    f.rule !== 'structure.uncalculated' &&
    (f.cells ?? []).some((c) => {
      const p = parseA1(c.cell);
      return !!untrusted.get(c.sheet)?.has(cellNumber(p.row, p.col));
    });
  if (untrusted.size) {
    ruleFindings = ruleFindings.filter((f) => !restsOnUntrusted(f));
    suspectChecks = suspectChecks.filter((r) => !(readsCell(untrusted, r.check.lhs) || readsCell(untrusted, r.check.rhs)));
  }
  const findings = [...ruleFindings];
  const stage = det.stage ?? { stage: 'budget' as const, evidence: [] };
  const suspects = rankSuspects(suspectChecks);
  const named = suspects.length ? nameLikelySuspect(findings, suspects, labelIn(suspectChecks)) : findings;
  named.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0, checks: checkCounts.total };
  for (const f of named) counts[f.severity]++;
  return {
    tables: det.tables.map((t) => ({
      schema: t.schema,
      title: t.title,
      sheet: t.sheet,
      range: rangeA1(t.range),
      unit: t.unit,
      year: t.year ?? null,
      department: t.department ?? null,
      ...(t.recognisedBy !== 'title' ? { recognisedBy: t.recognisedBy } : {}),
      ...(t.titleSaid ? { titleSaid: t.titleSaid } : {}),
      ...(t.hidden ? { hidden: true } : {}),
    })),
    unmapped: det.unmapped.map((u) => ({ sheet: u.sheet, range: rangeA1(u.range), reason: u.reason, ...(u.schema ? { schema: u.schema } : {}) })),
    others: det.others.map((o) => ({
      sheet: o.sheet,
      range: rangeA1(o.range),
      title: o.title,
      ...(o.stage ? { stage: o.stage, ...(o.role ? { role: o.role } : {}) } : isCheckedPerformanceTable(o.title) ? { checked: true } : {}),
    })),
    stage,
    findings: named,
    suspects,
    counts,
    coverage: buildCoverage(det, checkCounts),
    ...(wb.skipped?.length ? { skippedSheets: wb.skipped.map((x) => ({ sheet: x.name, kind: x.kind })) } : {}),
  };
}
