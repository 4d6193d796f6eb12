/** The core entry point: workbook grid → mapped tables → rules → findings and ranked suspects. */
import { Check, CheckResult, evaluate, Finding, toFinding } from './checks';
import { buildCoverage, CoverageEntry } from './coverage';
import { detectWorkbook, MappingOverride } from './detect';
import { rangeA1, Workbook } from './grid';
import type { Detection, MappedTable, UnmappedTable } from './model';
import { RULES } from './rules';
import { checkPerformanceTables } from './rules/performance';
import { addOtherTableFigures, extractFigures, plausibilityWarnings } from './narrative/figures';
import type { SchemaId } from './schemas';
import { rankSuspects, Suspect } from './suspects';

export interface TableSummary {
  schema: SchemaId;
  title: string;
  sheet: string;
  range: string;
  unit: string;
  year: number | null;
  department: string | null;
}

export interface ValidationReport {
  tables: TableSummary[];
  unmapped: { sheet: string; range: string; reason: string; schema?: SchemaId }[];
  others: { sheet: string; range: string; title: string }[];
  findings: Finding[];
  suspects: Suspect[];
  counts: { error: number; warning: number; info: number; checks: number };
  /** Which families of checks ran and which could not, and why (additive to the JSON contract). */
  coverage: CoverageEntry[];
}

export interface ValidateOptions {
  /** Use these mapped tables instead of detecting. */
  detection?: Detection;
  /** The user's corrections of the detected mapping. */
  overrides?: MappingOverride[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function runRules(tables: MappedTable[], unmapped: UnmappedTable[] = []): { results: CheckResult[]; findings: Finding[] } {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const firsts = new Map<SchemaId, MappedTable>();
  for (const t of tables) if (!firsts.has(t.schema)) firsts.set(t.schema, t);
  const ctx = {
    tables,
    unmapped,
    first: (id: SchemaId) => firsts.get(id),
    check: (c: Check) => void checks.push(c),
    finding: (f: Finding) => void findings.push(f),
  };
  for (const rule of RULES) rule.run(ctx);
  const results = checks.map(evaluate);
  for (const r of results) {
    const f = toFinding(r);
    if (f) findings.push(f);
  }
  return { results, findings };
}

export function validateWorkbook(wb: Workbook, opts: ValidateOptions = {}): ValidationReport {
  const det = opts.detection ?? detectWorkbook(wb, opts.overrides);
  const { results, findings } = runRules(det.tables, det.unmapped);
  findings.push(...checkPerformanceTables(wb, det.others));
  // A figure implausible for its unit in the optional tables (资产 in 元 under a 万元 heading).
  for (const message of plausibilityWarnings(addOtherTableFigures(extractFigures(det.tables), wb, det.others))) {
    const m = /（([^!]+)!([A-Z]+\d+)）/.exec(message);
    findings.push({ rule: 'meta.unit-plausibility', severity: 'warning', message, sheet: m?.[1] ?? '', cell: m?.[2] ?? '', cells: m ? [{ sheet: m[1], cell: m[2] }] : [] });
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0, checks: results.length };
  for (const f of findings) counts[f.severity]++;
  return {
    tables: det.tables.map((t) => ({
      schema: t.schema,
      title: t.title,
      sheet: t.sheet,
      range: rangeA1(t.range),
      unit: t.unit,
      year: t.year ?? null,
      department: t.department ?? null,
    })),
    unmapped: det.unmapped.map((u) => ({ sheet: u.sheet, range: rangeA1(u.range), reason: u.reason, ...(u.schema ? { schema: u.schema } : {}) })),
    others: det.others.map((o) => ({ sheet: o.sheet, range: rangeA1(o.range), title: o.title })),
    findings,
    suspects: rankSuspects(results),
    counts,
    coverage: buildCoverage(det, results),
  };
}
