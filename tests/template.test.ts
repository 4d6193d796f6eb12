import { a1 } from '../src/core/grid';
import { FormulaEvaluator } from '../src/core/templates/evaluate';
import { buildTemplate, fillCodeRows } from '../src/core/templates/template';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxBuffer, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { fillSeed004 } from './helpers';
import { SCHEMAS } from '../src/core/schemas';

const options = { year: 2021, department: '秦皇岛市工业和信息化局', departmentCode: '471' };

test.each([
  [2021, 'sheets'],
  [2023, 'stacked'],
] as const)('a blank %s template (%s) maps all nine tables with no error', async (year, layout) => {
  const t = buildTemplate({ ...options, year, layout });
  const wb = await readXlsxBuffer(await writeXlsxBuffer(t.workbook));
  const rep = validateWorkbook(wb);
  expect(rep.unmapped).toEqual([]);
  expect(rep.tables.map((x) => x.schema).sort()).toEqual(SCHEMAS.map((s) => s.id).sort());
  expect(rep.counts.error).toBe(0);
  for (const x of rep.tables) expect(x).toMatchObject({ year, unit: '万元', department: '秦皇岛市工业和信息化局' });
  const summary = wb.sheets.flatMap((s) => s.rows.flatMap((r) => r ?? [])).some((c) => c?.value === '三十一、人行科目');
  expect(summary).toBe(year >= 2023);
});

test("filled with seed 004's numbers through the file host: validates with no error, formulas give the seed totals", async () => {
  const t = buildTemplate(options);
  fillSeed004(t);
  new FormulaEvaluator(t.workbook).evaluateAll();
  const wb = await readXlsxBuffer(await writeXlsxBuffer(t.workbook));
  const rep = validateWorkbook(wb);
  expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(rep.tables).toHaveLength(9);
  // The formulas survived the round trip; evaluating them again gives the published totals.
  const ev = new FormulaEvaluator(wb);
  const at = (id: string, row: number, col: number) => {
    const p = t.placements.get(id)!;
    const sheet = wb.sheets.find((s) => s.name === p.sheet)!;
    const cell = sheet.rows[p.bodyRows[row]]![p.col0 + col]!;
    expect(cell.formula).toBeTruthy();
    const v = ev.evaluate(cell.formula!, p.sheet);
    return (v as { toFixed: (n: number) => string }).toFixed(2);
  };
  expect(at('expenditure', 0, 3)).toBe('4436.20');
  expect(at('expenditure', 0, 4)).toBe('1039.25');
  expect(at('expenditure', 0, 5)).toBe('3396.95');
  expect(at('income', 0, 3)).toBe('4436.20');
  expect(at('general-budget-expenditure', 0, 5)).toBe('936.21');
  expect(at('general-budget-expenditure', 0, 6)).toBe('103.04');
  expect(at('general-budget-basic-expenditure', 0, 3)).toBe('1039.25');
  expect(at('income-expenditure-summary', 30, 4)).toBe('4436.20'); // 本年支出合计
  expect(at('income-expenditure-summary', 32, 2)).toBe('4436.20'); // 收入总计
  expect(at('income-expenditure-summary', 14, 4)).toBe('1145.37'); // 十五、资源勘探工业信息等支出
  expect(at('fiscal-appropriation-summary', 35, 5)).toBe('4436.20'); // 支出总计 一般公共预算
  expect(at('three-public-expenditure', 0, 2)).toBe('4.25');
});

test('a code row gets its catalogue name and, when it has children, a live sum', () => {
  const t = buildTemplate(options);
  fillCodeRows(t, 'expenditure', [{ code: '208' }, { code: '20805' }, { code: '2080501', values: { 4: 40.55 } }, { code: '2080502', values: { 4: 1.78 } }]);
  const p = t.placements.get('expenditure')!;
  const sheet = t.workbook.sheets.find((s) => s.name === p.sheet)!;
  const row = (i: number) => sheet.rows[p.bodyRows[i]]!;
  expect(row(1)[p.col0 + 2]!.value).toBe('社会保障和就业支出');
  expect(row(3)[p.col0 + 2]!.value).toBe('行政单位离退休');
  expect(row(1)[p.col0 + 4]!.formula).toMatch(/^SUMPRODUCT\(\(LEN\(\$B\$\d+:\$B\$\d+\)=5\)\*\(LEFT\(\$B\$\d+:\$B\$\d+,3\)=B\d+&""\)/);
  new FormulaEvaluator(t.workbook).evaluateAll();
  expect(row(1)[p.col0 + 4]!.value).toBe(42.33);
  expect(row(0)[p.col0 + 3]!.value).toBe(42.33); // 合计 row, 合计 column
  expect(a1(p.bodyRows[0], p.col0 + 3)).toMatch(/^D\d+$/);
});

test('templates are printable: A4 landscape, header rows repeated, column widths', async () => {
  const t = buildTemplate(options);
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await writeXlsxBuffer(t.workbook));
  const ws = wb.getWorksheet('6基本支出表');
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:6' }); // title, meta line, two header rows, 栏次
  expect(ws.getColumn(3).width).toBe(34);
});

describe('optional tables and the 项目绩效目标表 checks', () => {
  const { sheetFromArray } = require('../src/core/grid');
  test('a template with 政府采购预算, 固定资产占用情况表 and 项目绩效目标表 validates; 预算数 is a formula', async () => {
    const t = buildTemplate({ ...options, optional: ['procurement', 'assets', 'performance'] });
    const p = t.placements.get('performance')!;
    const sheet = t.workbook.sheets.find((s) => s.name === p.sheet)!;
    sheet.rows[p.bodyRows[0]]![p.col0 + 4] = { value: 1.15 };
    new FormulaEvaluator(t.workbook).evaluateAll();
    expect(sheet.rows[p.bodyRows[0]]![p.col0 + 2]).toMatchObject({ value: 1.15, formula: expect.stringMatching(/^E\d+\+G\d+$/) });
    const rep = validateWorkbook(await readXlsxBuffer(await writeXlsxBuffer(t.workbook)));
    expect(rep.tables).toHaveLength(9);
    expect(rep.others.map((o) => o.title)).toEqual(['部门政府采购预算', '部门固定资产占用情况表', '1.（项目名称）绩效目标表']);
    expect(rep.counts.error).toBe(0);
    expect(rep.findings.filter((f) => f.rule.startsWith('performance'))).toEqual([]);
  });

  /** Seed 004's first 绩效目标表 (改制企业长期费用), with the three mistakes people make. */
  const perf = (budget: number, plan: string[], level2Under产出 = '数量指标') => ({
    sheets: [
      sheetFromArray('绩效', [
        ['1. 改制企业长期费用绩效目标表'],
        ['471001 秦皇岛市工业和信息化局本级'],
        ['单位：万元'],
        ['项目编码', '130300213CB20NYL3139I', null, '项目名称', '改制企业长期费用'],
        ['预算规模及资金用途', '预算数', budget, '其中：财政资金', 1.15, '其他资金', 0],
        ['资金支出计划（%）', '3 月底', null, '6 月底', null, '10 月底'],
        [null, null, null, plan[0], null, plan[1]],
        ['绩效目标', '1.通过发放和缴纳改制企业人员福利费……'],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
        ['产出指标', level2Under产出, '长期费用发放人数', '……', '≤17 人', '年度工作计划'],
        [null, '质量指标', '发放精准性', '……', '100%', '年度工作计划'],
        ['效益指标', '社会效益指标', '维护社会稳定', '……', '保证待遇', '年度工作计划'],
        ['满意度指标', '服务对象满意度指标', '改制企业人员满意度', '……', '≥95%', '年度工作计划'],
      ]),
    ],
  });
  const rules = (wb: unknown) => validateWorkbook(wb as never).findings.filter((f) => f.rule.startsWith('performance'));
  test('as published it passes', () => expect(rules(perf(1.15, ['70.00%', '100.00%']))).toEqual([]));
  test('预算数 ≠ 财政资金 + 其他资金', () =>
    expect(rules(perf(1.5, ['70.00%', '100.00%'])).map((f) => [f.rule, f.cell])).toEqual([['performance.budget-sum', 'C5']]));
  test('a plan that goes down or does not reach 100%', () => {
    expect(rules(perf(1.15, ['70.00%', '60.00%'])).map((f) => f.message)).toEqual([
      expect.stringMatching(/60% 小于前一期的 70%/),
      expect.stringMatching(/最后一期应为 100%，实际为 60%/),
    ]);
  });
  test('a 二级指标 under the wrong 一级指标', () => {
    const f = rules(perf(1.15, ['70.00%', '100.00%'], '社会效益指标'));
    expect(f).toEqual([
      expect.objectContaining({
        rule: 'performance.indicator-level',
        severity: 'warning',
        message: expect.stringMatching(/“社会效益指标”不属于一级指标“产出指标”，应在“效益指标”下/),
      }),
    ]);
  });
});

test('typing a code into a blank row shows its catalogue name; an unknown code says so', () => {
  const t = buildTemplate(options);
  const p = t.placements.get('general-budget-basic-expenditure')!;
  const sheet = t.workbook.sheets.find((s) => s.name === p.sheet)!;
  sheet.rows[p.bodyRows[1]]![p.col0 + 1] = { value: '30217' };
  sheet.rows[p.bodyRows[2]]![p.col0 + 1] = { value: 30231 };
  sheet.rows[p.bodyRows[3]]![p.col0 + 1] = { value: '30298' };
  new FormulaEvaluator(t.workbook).evaluateAll();
  const name = (i: number) => sheet.rows[p.bodyRows[i]]![p.col0 + 2]!.value;
  expect([name(1), name(2), name(3), name(4)]).toEqual(['公务接待费', '公务用车运行维护费', '（目录中无此编码，请填写名称）', '']);
  expect(t.workbook.sheets.map((s) => s.name)).toContain('科目目录');
});
