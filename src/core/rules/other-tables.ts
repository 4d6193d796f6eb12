/**
 * The rules over the tables other than the nine standard ones: the 绩效 target tables (rules/performance.ts), theirs
 * against the standard tables, and the plausibility of the figures (资产 in 元 under a 万元 heading). They read the
 * workbook's grid, since those tables are not mapped.
 */
import { addOtherTableFigures, extractFigures, plausibilityWarnings } from '../narrative/figures';
import type { Rule, RuleContext } from './context';
import { checkDepartmentAcross, checkPerformanceTables, checkProjectsAcross, DepartmentTarget, ProjectTarget } from './performance';

/** The 绩效 tables' findings and the targets they state (the plausibility rule reads the targets' amounts too). */
function performanceTargets(ctx: RuleContext) {
  const projects: ProjectTarget[] = [];
  const departments: DepartmentTarget[] = [];
  const findings = checkPerformanceTables(ctx.workbook, ctx.others, projects, departments);
  return { findings, projects, departments };
}

export const performanceTables: Rule = {
  id: 'performance.*',
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
  ],
  reads: 'values',
  stages: ['budget'],
  domain: '绩效',
  title: '项目绩效目标表、部门整体绩效目标（见下方“绩效目标表”一节，规则号见 rules/performance.ts）',
  run(ctx) {
    if (!ctx.others.length) return;
    const { findings, projects, departments } = performanceTargets(ctx);
    const figs = extractFigures(ctx.tables);
    findings.push(...checkProjectsAcross(projects, figs.values.project));
    findings.push(...checkDepartmentAcross(departments, figs.values.expenditure));
    for (const f of findings) ctx.finding(f);
  },
};

export const unitPlausibility: Rule = {
  id: 'meta.unit-plausibility',
  severity: 'warning',
  reads: 'values',
  stages: ['budget'],
  domain: '12',
  title: '金额与单位是否相称（如以元填列的资产数放在“万元”表头下）',
  run(ctx) {
    if (!ctx.others.length) return;
    const { projects, departments } = performanceTargets(ctx);
    const figs = addOtherTableFigures(extractFigures(ctx.tables), ctx.workbook, ctx.others, { projects, departments });
    for (const w of plausibilityWarnings(figs)) {
      const at = w.sheet && w.cell ? [{ sheet: w.sheet, cell: w.cell }] : [];
      ctx.finding({ rule: this.id, severity: 'warning', message: w.message, sheet: w.sheet ?? '', cell: w.cell ?? '', cells: at });
    }
  },
};

export const OTHER_TABLE_RULES: Rule[] = [performanceTables, unitPlausibility];
