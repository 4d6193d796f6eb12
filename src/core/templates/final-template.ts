/**
 * 插入模板 for 决算: the nine 决算 tables (final-blocks.ts) with live formulas for every total the 决算 rules define
 * (rules/final.ts and the rules both stages share), so a filled template reconciles by construction:
 *  - code tables: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 (as the budget's), 本年收入合计 = Σ sources, 本年支出合计 = 基本 +
 *    项目 + …, and in the fund tables 本年支出合计 = 基本 + 项目, 年末 = 年初 + 本年收入 − 本年支出;
 *  - 收入支出决算总表: class rows from the 支出决算表, income lines from the 财政拨款 summary and the 收入决算表;
 *  - 财政拨款收入支出决算总表: class rows by fund from the 一般公共预算 and fund tables, 年末 per fund = 年初 + 收入 − 支出;
 *  - 基本支出决算表: each class = Σ its 款, 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310;
 *  - “三公”经费: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行, for 预算数 and for 决算数.
 */
import {
  addCatalogueSheet,
  cellRef,
  classSum,
  codeTableFormulas,
  formula,
  inputCell,
  printSetup,
  ref,
  RowFormulas,
  setCell,
  Template,
  TemplateOptions,
} from './template';
import { classLabels } from './classes';
import {
  FinalMeta,
  finalExpenditureBlock,
  finalFiscalBlock,
  finalFundBlock,
  finalGeneralBlock,
  finalIncomeBlock,
  finalLedgerBlock,
  finalSummaryBlock,
  finalThreePublicBlock,
  FINAL_SHEET_NAMES,
} from './final-blocks';
import { layoutWorkbook } from './layout';

export const FINAL_ROW_FORMULAS: RowFormulas = {
  income: { 3: [4, 5, 6, 7, 8, 9] },
  expenditure: { 3: [4, 5, 6, 7, 8] },
  'general-budget-expenditure': { 3: [4, 5] },
  'government-fund-expenditure': { 5: [6, 7], 8: [3, 4, -5] },
  'state-capital-expenditure': { 5: [6, 7], 8: [3, 4, -5] },
};

export function buildFinalTemplate(o: TemplateOptions): Template {
  const m: FinalMeta = { department: `${o.departmentCode ? `[${o.departmentCode}]` : ''}${o.department}`, year: o.year, unit: o.unit ?? '万元' };
  const n = o.inputRows ?? 40;
  const ledger = finalLedgerBlock(m);
  const blocks = [
    finalSummaryBlock(m),
    finalIncomeBlock(m, n),
    finalExpenditureBlock(m, n),
    finalFiscalBlock(m),
    finalGeneralBlock(m, n),
    ledger.block,
    finalThreePublicBlock(m),
    finalFundBlock('government-fund-expenditure', m, n),
    finalFundBlock('state-capital-expenditure', m, n),
  ];
  const names = blocks.map((b) => o.sheetNames?.[b.id] ?? FINAL_SHEET_NAMES[b.id]);
  const laid = layoutWorkbook(blocks, {
    layout: o.layout ?? 'sheets',
    unit: o.unit,
    sheetNames: o.layout === 'stacked' ? [o.sheetNames?.stacked ?? `${o.year}年度部门决算公开表`] : names,
  });
  const t: Template = { ...laid, blocks: new Map(blocks.map((b) => [b.id, b])), options: o };
  for (const id of Object.keys(FINAL_ROW_FORMULAS)) codeTableFormulas(t, id);
  addCatalogueSheet(t);
  summaryFormulas(t);
  fiscalFormulas(t);
  ledgerFormulas(t, ledger.left, ledger.right);
  threePublicFormulas(t);
  printSetup(t, [8, 14, 30, 14, 14, 14, 14, 14, 14, 14, 14, 14]);
  return t;
}

const lastRow = (t: Template, id: string) => t.blocks.get(id)!.rows.length - 1;

function summaryFormulas(t: Template) {
  const S = 'income-expenditure-summary';
  const sheet = t.placements.get(S)!.sheet;
  const c = (r: number, col: number, id = S) => cellRef(t, id, r, col, sheet);
  const classes = classLabels(t.options.year);
  const n = lastRow(t, S) - 3;
  classes.forEach((k, i) => setCell(t, S, i, 3, classSum(t, 'expenditure', k.code, 3, sheet)));
  // 一/二/三 from the 财政拨款 summary's fund lines; 四…八 from the 收入决算表's 合计 row (上级补助 … 其他).
  [0, 1, 2].forEach((i) => setCell(t, S, i, 1, formula(c(i, 1, 'fiscal-appropriation-summary'))));
  [5, 6, 7, 8, 9].forEach((col, i) => setCell(t, S, 3 + i, 1, formula(c(0, col, 'income'))));
  setCell(t, S, n, 1, formula(`SUM(${ref(t, S, 1, 0, 7, sheet)})`));
  setCell(t, S, n, 3, formula(`SUM(${ref(t, S, 3, 0, classes.length - 1, sheet)})`));
  for (const r of [n + 1, n + 2]) for (const col of [1, 3]) setCell(t, S, r, col, inputCell());
  for (const col of [1, 3]) setCell(t, S, n + 3, col, formula(`${c(n, col)}+${c(n + 1, col)}+${c(n + 2, col)}`));
}

function fiscalFormulas(t: Template) {
  const F = 'fiscal-appropriation-summary';
  const sheet = t.placements.get(F)!.sheet;
  const c = (r: number, col: number) => cellRef(t, F, r, col, sheet);
  const classes = classLabels(t.options.year);
  const k = classes.length;
  const sources: [number, string, number][] = [
    [4, 'general-budget-expenditure', 3],
    [5, 'government-fund-expenditure', 5],
    [6, 'state-capital-expenditure', 5],
  ];
  classes.forEach((cl, i) => {
    for (const [col, table, from] of sources) setCell(t, F, i, col, classSum(t, table, cl.code, from, sheet));
    setCell(t, F, i, 3, formula(`${c(i, 4)}+${c(i, 5)}+${c(i, 6)}`));
  });
  for (const i of [0, 1, 2, k + 2, k + 3, k + 4]) setCell(t, F, i, 1, inputCell());
  setCell(t, F, k, 1, formula(`SUM(${ref(t, F, 1, 0, 2, sheet)})`));
  setCell(t, F, k + 1, 1, formula(`SUM(${ref(t, F, 1, k + 2, k + 4, sheet)})`));
  setCell(t, F, k + 5, 1, formula(`${c(k, 1)}+${c(k + 1, 1)}`));
  sources.forEach(([col], fund) => {
    setCell(t, F, k, col, formula(`SUM(${ref(t, F, col, 0, k - 1, sheet)})`));
    // 年末 of a fund = its 年初 + its 本年收入 − its 本年支出.
    setCell(t, F, k + 1, col, formula(`${c(k + 2 + fund, 1)}+${c(fund, 1)}-${c(k, col)}`));
    setCell(t, F, k + 5, col, formula(`${c(k, col)}+${c(k + 1, col)}`));
  });
  for (const r of [k, k + 1, k + 5]) setCell(t, F, r, 3, formula(`${c(r, 4)}+${c(r, 5)}+${c(r, 6)}`));
}

function ledgerFormulas(t: Template, left: string[], right: string[]) {
  const id = 'general-budget-basic-expenditure';
  const sheet = t.placements.get(id)!.sheet;
  const c = (r: number, col: number) => cellRef(t, id, r, col, sheet);
  const rowOf = new Map<string, [number, number]>();
  left.forEach((code, r) => rowOf.set(code, [r, 2]));
  right.forEach((code, r) => rowOf.set(code, [r, 5]));
  for (const codes of [left, right])
    for (const code of codes) {
      const [r, col] = rowOf.get(code)!;
      const kids = codes.filter((x) => x.length === 5 && x.startsWith(code));
      setCell(t, id, r, col, code.length === 3 && kids.length ? formula(kids.map((x) => c(rowOf.get(x)![0], col)).join('+')) : inputCell());
    }
  const bottom = lastRow(t, id);
  const classCell = (code: string) => (rowOf.has(code) ? c(...rowOf.get(code)!) : '0');
  setCell(t, id, bottom, 2, formula(`${classCell('301')}+${classCell('303')}`));
  setCell(t, id, bottom, 5, formula(`${classCell('302')}+${classCell('310')}`));
}

function threePublicFormulas(t: Template) {
  const id = 'three-public-expenditure';
  const sheet = t.placements.get(id)!.sheet;
  const c = (col: number) => cellRef(t, id, 0, col, sheet);
  for (const m of [0, 1]) {
    // 合计 = 出国 + 车（小计）+ 接待; 小计 = 购置 + 运行维护.
    setCell(t, id, 0, m, formula(`${c(2 + m)}+${c(4 + m)}+${c(10 + m)}`));
    setCell(t, id, 0, 4 + m, formula(`${c(6 + m)}+${c(8 + m)}`));
    for (const col of [2, 6, 8, 10]) setCell(t, id, 0, col + m, inputCell());
  }
}
