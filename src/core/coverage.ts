/**
 * The coverage ledger: which families of checks ran on this workbook and which could not, and why (table not
 * found, found but not recognised, empty, codes unreadable). "0 errors" never hides an unchecked table: every
 * report (JSON `coverage`, the text report, the pane) shows this ledger.
 */
import type { Detection, Stage } from './model';
import { FINAL_SCHEMAS, SCHEMAS, SchemaId, schemaById } from './schemas';
import { SHORT_TITLE } from './checks';
import { a1 } from './grid';
import { rulesFor } from './rules';
import { firstTables, hasAmounts } from './rules/context';

const colLetter = (c: number) => a1(0, c).replace(/\d+$/, '');

export interface CoverageEntry {
  /** 'table:<schema>' for the checks inside one table, or a cross-table rule id. */
  family: string;
  label: string;
  status: 'checked' | 'partial' | 'not-checked';
  /** Why it did not run (or ran only in part), in Chinese. */
  reason?: string;
  /** How many checks of this family were evaluated. */
  checks: number;
}

function absence(id: SchemaId, det: Detection, stage: Stage): string {
  const name = stage === 'final' ? schemaById(id, 'final').title : SHORT_TITLE[id];
  const final = det.others.find((o) => o.stage === 'final' && o.role === id);
  if (final && stage === 'budget') return `${name}“${final.title}”是决算表，预算工作簿中不按预算表校验`;
  const u = det.unmapped.find((x) => x.schema === id);
  if (u) return `${name}在 ${u.sheet} 中但无法识别：${u.reason}`;
  return `未找到${name}`;
}

export function buildCoverage(det: Detection, counts: { byRule: Map<string, number>; byTable: Map<SchemaId, number> }): CoverageEntry[] {
  const { byRule, byTable } = counts;
  const first = firstTables(det.tables);
  const out: CoverageEntry[] = [];
  const stage = det.stage?.stage ?? 'budget';
  for (const s of stage === 'final' ? FINAL_SCHEMAS : SCHEMAS) {
    const t = first.get(s.id);
    const label = `${s.title}（表内）`;
    if (!t) {
      out.push({ family: `table:${s.id}`, label, status: 'not-checked', reason: absence(s.id, det, stage), checks: 0 });
      continue;
    }
    const checks = byTable.get(s.id) ?? 0;
    const unresolved = t.codeIssues.filter((i) => !i.suggested).length;
    if (t.totalMisplaced)
      out.push({
        family: `table:${s.id}`,
        label,
        status: 'partial',
        reason: `合计行（第 ${t.totalMisplaced.row + 1} 行）${t.totalMisplaced.why}，涉及合计的核对未进行`,
        checks,
      });
    else if (unresolved)
      out.push({ family: `table:${s.id}`, label, status: 'partial', reason: `${unresolved} 个科目编码无法识别，相关层级核对未进行`, checks });
    else if (t.uncalculated.length)
      out.push({
        family: `table:${s.id}`,
        label,
        status: 'partial',
        reason: `${t.uncalculated.length} 个公式没有可信的计算结果，涉及它们的核对不报告`,
        checks,
      });
    else if (t.unmappedColumns?.length)
      out.push({
        family: `table:${s.id}`,
        label,
        status: 'partial',
        reason: `未核对的金额列：${t.unmappedColumns.map((c) => `“${c.header}”（${colLetter(c.col)} 列）`).join('、')}——表头未能对应到本表的任何一列，没有核对规则读到它`,
        checks,
      });
    else if (!hasAmounts(t)) out.push({ family: `table:${s.id}`, label, status: 'checked', reason: '空表（无金额）', checks });
    else out.push({ family: `table:${s.id}`, label, status: 'checked', checks });
  }
  for (const rule of rulesFor(stage)) {
    if (!rule.covers || (rule.covers.when && !rule.covers.when(first))) continue;
    const f = { id: rule.id, ...rule.covers };
    const missing = f.needs.filter((id) => !first.has(id));
    const checks = byRule.get(f.id) ?? 0;
    const noTotal = f.needs.map((id) => first.get(id)).filter((t) => t?.totalMisplaced);
    if (missing.length)
      out.push({ family: f.id, label: f.label, status: 'not-checked', reason: missing.map((id) => absence(id, det, stage)).join('；'), checks });
    else if (noTotal.length)
      out.push({
        family: f.id,
        label: f.label,
        status: checks ? 'partial' : 'not-checked',
        reason: noTotal
          .map((t) => `${stage === 'final' ? schemaById(t!.schema, 'final').title : SHORT_TITLE[t!.schema]}的合计行没有可读的金额，涉及合计的核对未进行`)
          .join('；'),
        checks,
      });
    else out.push({ family: f.id, label: f.label, status: 'checked', checks });
  }
  return out;
}

/** The families that could not run at all (for "N 类核对未能进行"). */
export function notChecked(coverage: CoverageEntry[]): CoverageEntry[] {
  return coverage.filter((c) => c.status !== 'checked');
}
