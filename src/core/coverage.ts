/**
 * The coverage ledger: which families of checks ran on this workbook and which could not, and why (table not
 * found, found but not recognised, empty, codes unreadable). "0 errors" never hides an unchecked table: every
 * report (JSON `coverage`, the text report, the pane) shows this ledger.
 */
import type { Detection } from './model';
import { SCHEMAS, SchemaId, schemaById } from './schemas';
import { SHORT_TITLE } from './checks';
import { firstTables, hasAmounts } from './rules/context';

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

/** Cross-table families and the tables each needs (data: extend with the rules). */
export const CROSS_FAMILIES: { id: string; label: string; needs: SchemaId[] }[] = [
  { id: 'cross.summary-expenditure', label: '收支总表 ↔ 支出总表（各功能类）', needs: ['income-expenditure-summary', 'expenditure'] },
  { id: 'cross.summary-income', label: '收支总表 ↔ 收入总表（各项收入）', needs: ['income-expenditure-summary', 'income'] },
  { id: 'cross.income-expenditure', label: '收入总表 ↔ 支出总表（逐科目）', needs: ['income', 'expenditure'] },
  { id: 'cross.fiscal-general', label: '财政拨款收支总表 ↔ 一般公共预算支出表', needs: ['fiscal-appropriation-summary', 'general-budget-expenditure'] },
  { id: 'cross.fiscal-fund', label: '财政拨款收支总表 ↔ 政府性基金预算支出表', needs: ['fiscal-appropriation-summary', 'government-fund-expenditure'] },
  { id: 'cross.fiscal-state', label: '财政拨款收支总表 ↔ 国有资本经营预算支出表', needs: ['fiscal-appropriation-summary', 'state-capital-expenditure'] },
  { id: 'cross.general-basic', label: '一般公共预算支出表 ↔ 基本支出表（基本支出）', needs: ['general-budget-expenditure', 'general-budget-basic-expenditure'] },
  { id: 'cross.general-expenditure', label: '一般公共预算支出表 ↔ 支出总表', needs: ['general-budget-expenditure', 'expenditure'] },
  { id: 'cross.three-public-basic', label: '“三公”经费表 ↔ 基本支出表（经济科目）', needs: ['three-public-expenditure', 'general-budget-basic-expenditure'] },
  { id: 'cross.economic-function', label: '基本支出表 ↔ 一般公共预算支出表（经济与功能分类对应）', needs: ['general-budget-basic-expenditure', 'general-budget-expenditure'] },
];

function absence(id: SchemaId, det: Detection): string {
  const final = det.others.find((o) => o.stage === 'final' && o.role === id);
  if (final) return `${SHORT_TITLE[id]}“${final.title}”是决算表，本版本只校验预算表`;
  const u = det.unmapped.find((x) => x.schema === id);
  if (u) return `${SHORT_TITLE[id]}在 ${u.sheet} 中但无法识别：${u.reason}`;
  return `未找到${SHORT_TITLE[id]}`;
}


export function buildCoverage(det: Detection, counts: { byRule: Map<string, number>; byTable: Map<SchemaId, number> }): CoverageEntry[] {
  const { byRule, byTable } = counts;
  const first = firstTables(det.tables);
  const out: CoverageEntry[] = [];
  for (const s of SCHEMAS) {
    const t = first.get(s.id);
    const label = `${schemaById(s.id).title}（表内）`;
    if (!t) {
      out.push({ family: `table:${s.id}`, label, status: 'not-checked', reason: absence(s.id, det), checks: 0 });
      continue;
    }
    const checks = byTable.get(s.id) ?? 0;
    const unresolved = t.codeIssues.filter((i) => !i.suggested).length;
    if (unresolved) out.push({ family: `table:${s.id}`, label, status: 'partial', reason: `${unresolved} 个科目编码无法识别，相关层级核对未进行`, checks });
    else if (t.uncalculated.length) out.push({ family: `table:${s.id}`, label, status: 'partial', reason: `${t.uncalculated.length} 个公式没有可信的计算结果，涉及它们的核对不报告`, checks });
    else if (!hasAmounts(t)) out.push({ family: `table:${s.id}`, label, status: 'checked', reason: '空表（无金额）', checks });
    else out.push({ family: `table:${s.id}`, label, status: 'checked', checks });
  }
  for (const f of CROSS_FAMILIES) {
    const missing = f.needs.filter((id) => !first.has(id));
    const checks = byRule.get(f.id) ?? 0;
    if (missing.length) out.push({ family: f.id, label: f.label, status: 'not-checked', reason: missing.map((id) => absence(id, det)).join('；'), checks });
    else out.push({ family: f.id, label: f.label, status: 'checked', checks });
  }
  return out;
}

/** The families that could not run at all (for "N 类核对未能进行"). */
export function notChecked(coverage: CoverageEntry[]): CoverageEntry[] {
  return coverage.filter((c) => c.status !== 'checked');
}
