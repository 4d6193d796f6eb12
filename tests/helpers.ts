import { detectWorkbook } from '../src/core/detect';
import type { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { LayoutOptions, layoutWorkbook } from '../src/samples/layout';
import { LAYOUTS } from '../src/samples/variants';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';
import type { TableBlock } from '../src/samples/types';

export const SEEDS: Record<string, () => TableBlock[]> = {
  '004 (2021 秦皇岛市工信局)': () => seed004Blocks(),
  '004 基本支出不拆分': () => seed004Blocks({ splitGeneral: false }),
  '001 (2023 山海关区科工局)': () => seed001Blocks(),
};

export { LAYOUTS };

export function build(seed: string, layout: LayoutOptions) {
  return layoutWorkbook(SEEDS[seed](), layout);
}

export function errors(wb: Workbook) {
  return validateWorkbook(wb).findings.filter((f) => f.severity === 'error');
}

export { detectWorkbook, validateWorkbook };

/** Fills a template with seed 004's figures: code rows, the fiscal summary's income item and the 三公 inputs. */
export function fillSeed004(t: import('../src/core/templates/template').Template) {
  const { fillCodeRows, setTemplateValue } = require('../src/core/templates/template');
  const { SEED004_CODE_ROWS } = require('../src/samples/seed004');
  const seed = SEED004_CODE_ROWS();
  const rows = (list: string[][], cols: number[]) => list.slice(1).map((r) => ({ code: r[0], values: Object.fromEntries(cols.map((c) => [c, r[c - 1]])) }));
  fillCodeRows(t, 'income', rows(seed.income, [5, 6, 7, 8, 9, 10, 11, 12]));
  fillCodeRows(t, 'expenditure', rows(seed.expenditure, [4, 5]));
  fillCodeRows(t, 'general-budget-expenditure', rows(seed.general, [5, 6, 7]));
  fillCodeRows(t, 'general-budget-basic-expenditure', rows(seed.basic, [4, 5]));
  setTemplateValue(t, 'fiscal-appropriation-summary', 0, 2, 4436.2);
  setTemplateValue(t, 'three-public-expenditure', 4, 3, 3.83);
  setTemplateValue(t, 'three-public-expenditure', 5, 3, 0.42);
}

/** The nine standard tables' role ids, sorted (written out: a role lost from the schemas must fail the tests). */
export const NINE_ROLES = [
  'expenditure',
  'fiscal-appropriation-summary',
  'general-budget-basic-expenditure',
  'general-budget-expenditure',
  'government-fund-expenditure',
  'income',
  'income-expenditure-summary',
  'state-capital-expenditure',
  'three-public-expenditure',
];

/** A 决算 workbook with 决算 taken out of every title and sheet name (only its column headings still say so). */
export function withoutFinalTitles(wb: Workbook): Workbook {
  for (const s of wb.sheets) {
    s.name = s.name.replace(/决算/g, '');
    for (const r of s.rows) for (const c of r ?? []) if (c && typeof c.value === 'string' && /表\s*$/.test(c.value)) c.value = c.value.replace(/决算/g, '');
  }
  return wb;
}
