/**
 * The rule over the tables other than the nine standard ones: the 绩效 target tables (rules/performance.ts), theirs
 * against the standard tables, and the plausibility of the figures (资产 in 元 under a 万元 heading). It reads the
 * workbook's grid, since those tables are not mapped; the targets and the standard tables' figures are read once
 * for both kinds of finding.
 */
import { addOtherTableFigures, extractFigures, plausibilityWarnings } from '../narrative/figures';
import type { Rule } from './context';
import { checkDepartmentAcross, checkPerformanceTables, checkProjectsAcross, DepartmentTarget, ProjectTarget } from './performance';

export const otherTables: Rule = {
  id: 'other-tables.*',
  severity: ['error', 'warning'],
  emits: [
    'performance.budget-sum',
    'performance.plan',
    'performance.indicator-level',
    'performance.indicator-value',
    'performance.indicator-budget',
    'performance.unique-name',
    'performance.project-total',
    'performance.department-part',
    'performance.department-funds',
    'meta.unit-plausibility',
  ],
  reads: 'values',
  stages: ['budget'],
  domain: '绩效, 12',
  title: '项目绩效目标表、部门整体绩效目标（见“绩效目标表”一节，规则号见 rules/performance.ts）；金额与单位是否相称（meta.unit-plausibility）',
  run(ctx) {
    if (!ctx.others.length) return;
    const projects: ProjectTarget[] = [];
    const departments: DepartmentTarget[] = [];
    const findings = checkPerformanceTables(ctx.workbook, ctx.others, projects, departments);
    const figs = extractFigures(ctx.tables);
    findings.push(...checkProjectsAcross(projects, figs.values.project));
    findings.push(...checkDepartmentAcross(departments, figs.values.expenditure));
    for (const f of findings) ctx.finding(f);
    for (const w of plausibilityWarnings(addOtherTableFigures(figs, ctx.workbook, ctx.others, { projects, departments }))) {
      const at = w.sheet && w.cell ? [{ sheet: w.sheet, cell: w.cell }] : [];
      ctx.finding({ rule: 'meta.unit-plausibility', severity: 'warning', message: w.message, sheet: w.sheet ?? '', cell: w.cell ?? '', cells: at });
    }
  },
};

export const OTHER_TABLE_RULES: Rule[] = [otherTables];
