import { a1 } from '../src/core/grid';
import { FormulaEvaluator } from '../src/core/templates/evaluate';
import { buildTemplate, fillCodeRows, setTemplateValue, Template } from '../src/core/templates/template';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxBuffer, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { SEED004_CODE_ROWS } from '../src/samples/seed004';
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

/** Fills the template with seed 004's figures: code rows, the fiscal income item and the 三公 inputs. */
function fillSeed004(t: Template) {
  const seed = SEED004_CODE_ROWS();
  const rows = (list: string[][], cols: number[]) =>
    list.slice(1).map((r) => ({ code: r[0], values: Object.fromEntries(cols.map((c) => [c, r[c - 1]])) }));
  fillCodeRows(t, 'income', rows(seed.income, [5, 6, 7, 8, 9, 10, 11, 12]));
  fillCodeRows(t, 'expenditure', rows(seed.expenditure, [4, 5]));
  fillCodeRows(t, 'general-budget-expenditure', rows(seed.general, [5, 6, 7]));
  fillCodeRows(t, 'general-budget-basic-expenditure', rows(seed.basic, [4, 5]));
  setTemplateValue(t, 'fiscal-appropriation-summary', 0, 2, 4436.2);
  setTemplateValue(t, 'three-public-expenditure', 4, 3, 3.83);
  setTemplateValue(t, 'three-public-expenditure', 5, 3, 0.42);
}

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
